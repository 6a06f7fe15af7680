import type { DocTable } from './docTable';
import type { Lexicon } from './lexicon';

export interface SearchIndex {
  readonly docs: DocTable;
  /** Every indexed word form, for prefixes as typed and for typo correction. */
  readonly surface: Lexicon;
  /** Stem id of each surface word. */
  readonly surfaceStem: Uint32Array;
  readonly stems: Lexicon;
  /** Postings of stem s are postDoc/postWeight[postStart[s] .. postStart[s + 1]), doc order ascending. */
  readonly postStart: Uint32Array;
  /** Two bytes per posting while doc numbers fit (up to 65,536 articles): see postDocArray. */
  readonly postDoc: Uint16Array | Uint32Array;
  /** Field-weighted, saturated term weight of the stem in the doc (no idf), quantised: see WEIGHT_STEP. */
  readonly postWeight: Uint8Array;
}

export interface SearchFilters {
  directions?: readonly string[];
  topics?: readonly string[];
  /** Articles for this organisation and the ones for every organisation. */
  organisation?: string;
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
}

/** [start, end) in UTF-16 code units. */
export type Range = readonly [number, number];

/** What to highlight in any text of a hit: words with these stems, and words starting with the prefix. */
export interface HighlightTerms {
  stems: string[];
  prefix: string | null;
}

export interface SearchHit {
  id: string;
  title: string;
  short: string;
  score: number;
  titleRanges: Range[];
  shortRanges: Range[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matching articles after filters, before the limit. */
  total: number;
  terms: HighlightTerms;
}
