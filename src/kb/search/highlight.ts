import { stem, tokenize } from '../normalize';
import type { HighlightTerms, Range } from './types';

/** Ranges of the words in `text` that the query matched: same stem, or starting with the typed prefix. */
export function highlightRanges(text: string, terms: HighlightTerms): Range[] {
  const stems = new Set(terms.stems);
  const ranges: Range[] = [];
  for (const t of tokenize(text)) {
    const hit = (terms.prefix !== null && t.word.startsWith(terms.prefix)) || stems.has(stem(t.word));
    if (hit) ranges.push([t.start, t.end]);
  }
  return ranges;
}
