import { STOP_WORDS, stem, tokenize } from '../normalize';
import { lookup, oneEditNeighbours, prefixRange } from './lexicon';
import { highlightRanges } from './highlight';
import { WEIGHT_STEP } from './build';
import type {
  HighlightTerms,
  SearchFilters,
  SearchHit,
  SearchIndex,
  SearchOptions,
  SearchResult,
} from './types';

/** A corrected typo counts for less than the word as written; a word still being typed a little less. */
const TYPO_FACTOR = 0.6;
const PREFIX_FACTOR = 0.85;
/** Below this length one edit turns a word into too many others. */
const MIN_TYPO_LENGTH = 4;
const DEFAULT_LIMIT = 10;
/** A pasted paragraph is not a query: its first words decide (and per-doc counts stay within a byte). */
const MAX_WORDS = 24;
/**
 * One or two typed letters begin thousands of words. Until a third letter narrows them, only strong
 * mentions count (a title or caller-question word, or a word repeated in the answer): the list stays
 * meaningful and the first keystroke stays fast at 20,000 articles.
 */
const SHORT_PREFIX = 2;
const STRONG_WEIGHT = Math.ceil(1.55 / WEIGHT_STEP);

interface QueryWord {
  /** Stem id → match factor (best one wins when several routes reach the same stem). */
  expansions: Map<number, number>;
  /** Only strong postings count (one or two letters typed). */
  strongOnly: boolean;
}

/** Per-index work arrays, reused across queries; stamps avoid clearing them between queries. */
interface Scratch {
  stamp: number;
  wordStamp: Uint32Array;
  wordBest: Float32Array;
  docStamp: Uint32Array;
  total: Float32Array;
  matched: Uint8Array;
  touched: Uint32Array;
  docs: Uint32Array;
  filterKey: string;
  allowed: Uint8Array | null;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

/** The postings with at least STRONG_WEIGHT, per stem: what one or two typed letters are matched against. */
interface Postings {
  start: Uint32Array;
  doc: Uint32Array;
  weight: Uint8Array;
}
const strongCache = new WeakMap<SearchIndex, Postings>();

function strongPostings(index: SearchIndex): Postings {
  let p = strongCache.get(index);
  if (!p) {
    const stems = index.postStart.length - 1;
    const start = new Uint32Array(stems + 1);
    let count = 0;
    for (const w of index.postWeight) if (w >= STRONG_WEIGHT) count++;
    const doc = new Uint32Array(count);
    const weight = new Uint8Array(count);
    let at = 0;
    for (let s = 0; s < stems; s++) {
      for (let k = index.postStart[s] ?? 0; k < (index.postStart[s + 1] ?? 0); k++) {
        const w = index.postWeight[k] ?? 0;
        if (w < STRONG_WEIGHT) continue;
        doc[at] = index.postDoc[k] ?? 0;
        weight[at++] = w;
      }
      start[s + 1] = at;
    }
    p = { start, doc, weight };
    strongCache.set(index, p);
  }
  return p;
}

function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docs.count;
    s = {
      stamp: 0,
      wordStamp: new Uint32Array(n),
      wordBest: new Float32Array(n),
      docStamp: new Uint32Array(n),
      total: new Float32Array(n),
      matched: new Uint8Array(n),
      touched: new Uint32Array(n),
      docs: new Uint32Array(n),
      filterKey: '',
      allowed: null,
    };
    scratches.set(index, s);
  }
  return s;
}

function keep(map: Map<number, number>, stemId: number, factor: number): void {
  if ((map.get(stemId) ?? 0) < factor) map.set(stemId, factor);
}

function addTypoCorrections(index: SearchIndex, word: string, into: Map<number, number>): void {
  if (word.length < MIN_TYPO_LENGTH) return;
  // A typo in the ending can confuse the stemmer, so correct the word form as written and also its stem.
  for (const id of oneEditNeighbours(index.surface, word))
    keep(into, index.surfaceStem[id] ?? 0, TYPO_FACTOR);
  const s = stem(word);
  if (s.length >= MIN_TYPO_LENGTH)
    for (const id of oneEditNeighbours(index.stems, s)) keep(into, id, TYPO_FACTOR);
}

function expandWhole(index: SearchIndex, word: string): QueryWord {
  const expansions = new Map<number, number>();
  const id = lookup(index.stems, stem(word));
  if (id >= 0) expansions.set(id, 1);
  else addTypoCorrections(index, word, expansions);
  return { expansions, strongOnly: false };
}

function expandPartial(index: SearchIndex, prefix: string): QueryWord {
  const expansions = new Map<number, number>();
  if (prefix.length <= SHORT_PREFIX) {
    // A stem is the start of its word forms, so the words beginning with one or two letters are the
    // stems beginning with them: a few hundred stems instead of thousands of forms.
    const [from, to] = prefixRange(index.stems, prefix);
    for (let id = from; id < to; id++)
      expansions.set(id, index.stems.words[id] === prefix ? 1 : PREFIX_FACTOR);
  } else {
    const [from, to] = prefixRange(index.surface, prefix);
    for (let i = from; i < to; i++) {
      keep(expansions, index.surfaceStem[i] ?? 0, index.surface.words[i] === prefix ? 1 : PREFIX_FACTOR);
    }
  }
  const id = lookup(index.stems, stem(prefix));
  if (id >= 0) expansions.set(id, 1);
  // The operator may have finished the word with a typo and not typed a space yet.
  else addTypoCorrections(index, prefix, expansions);
  return { expansions, strongOnly: prefix.length <= SHORT_PREFIX };
}

interface ParsedQuery {
  words: QueryWord[];
  terms: HighlightTerms;
}

function parse(index: SearchIndex, query: string): ParsedQuery {
  const tokens = tokenize(query);
  const last = tokens[tokens.length - 1];
  const partial = last !== undefined && last.end === query.length ? last.word : null;
  const words: QueryWord[] = [];
  const whole = (partial === null ? tokens : tokens.slice(0, -1)).slice(0, MAX_WORDS - 1);
  for (const t of whole) if (!STOP_WORDS.has(t.word)) words.push(expandWhole(index, t.word));
  if (partial !== null) words.push(expandPartial(index, partial));

  const stems = new Set<string>();
  words.forEach((w, i) => {
    const isPartial = partial !== null && i === words.length - 1;
    for (const [id, factor] of w.expansions) {
      // Prefix expansions are highlighted through the prefix itself; listing them could mean thousands.
      if (!isPartial || factor === 1 || factor === TYPO_FACTOR) stems.add(index.stems.words[id] ?? '');
    }
  });
  return { words: words.filter((w) => w.expansions.size > 0), terms: { stems: [...stems], prefix: partial } };
}

function allowedMask(
  index: SearchIndex,
  scratch: Scratch,
  filters: SearchFilters | undefined,
): Uint8Array | null {
  const dirs = filters?.directions ?? [];
  const topics = filters?.topics ?? [];
  const org = filters?.organisation;
  if (dirs.length === 0 && topics.length === 0 && org === undefined) return null;
  const key = JSON.stringify([dirs, topics, org ?? null]);
  if (scratch.filterKey === key && scratch.allowed) return scratch.allowed;
  const docs = index.docs;
  const codes = (values: readonly string[]): Set<number> =>
    new Set(values.map((v) => docs.tagDict.indexOf(v)).filter((c) => c >= 0));
  const dirCodes = codes(dirs);
  const topicCodes = codes(topics);
  const orgCode = org === undefined ? -1 : docs.tagDict.indexOf(org);
  const anyOf = (have: Uint16Array, wanted: Set<number>): boolean => have.some((c) => wanted.has(c));
  const mask = new Uint8Array(docs.count);
  for (let i = 0; i < docs.count; i++) {
    const orgs = docs.tagCodesOf(i, 'organisations');
    const ok =
      (dirs.length === 0 || anyOf(docs.tagCodesOf(i, 'directions'), dirCodes)) &&
      (topics.length === 0 || anyOf(docs.tagCodesOf(i, 'topics'), topicCodes)) &&
      (org === undefined || orgs.length === 0 || orgs.includes(orgCode));
    mask[i] = ok ? 1 : 0;
  }
  scratch.filterKey = key;
  scratch.allowed = mask;
  return mask;
}

/** Ranks articles for a query as typed: the last word, unless followed by a space, counts as a prefix. */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { words, terms } = parse(index, query);
  if (words.length === 0) return { hits: [], total: 0, terms };

  const s = scratchFor(index);
  const n = index.docs.count;
  const queryStamp = ++s.stamp;
  let docCount = 0;
  for (const word of words) {
    const wordStamp = ++s.stamp;
    let touchedCount = 0;
    const p: Postings = word.strongOnly
      ? strongPostings(index)
      : { start: index.postStart, doc: index.postDoc, weight: index.postWeight };
    for (const [stemId, factor] of word.expansions) {
      // idf from the full lists, so scores do not depend on which lists were walked.
      const df = (index.postStart[stemId + 1] ?? 0) - (index.postStart[stemId] ?? 0);
      const weight = WEIGHT_STEP * factor * Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const to = p.start[stemId + 1] ?? 0;
      for (let k = p.start[stemId] ?? 0; k < to; k++) {
        const d = p.doc[k] ?? 0;
        const score = weight * ((p.weight[k] ?? 0) + 0.5);
        if (s.wordStamp[d] !== wordStamp) {
          s.wordStamp[d] = wordStamp;
          s.wordBest[d] = score;
          s.touched[touchedCount++] = d;
        } else if (score > (s.wordBest[d] ?? 0)) {
          s.wordBest[d] = score;
        }
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const d = s.touched[i] ?? 0;
      if (s.docStamp[d] !== queryStamp) {
        s.docStamp[d] = queryStamp;
        s.total[d] = 0;
        s.matched[d] = 0;
        s.docs[docCount++] = d;
      }
      s.total[d] = (s.total[d] ?? 0) + (s.wordBest[d] ?? 0);
      s.matched[d] = (s.matched[d] ?? 0) + 1;
    }
  }

  const allowed = allowedMask(index, s, options.filters);
  const top = new TopK(limit);
  let total = 0;
  for (let i = 0; i < docCount; i++) {
    const d = s.docs[i] ?? 0;
    if (allowed && allowed[d] === 0) continue;
    total++;
    // Articles that match every word of the query come before those that match only some.
    const coverage = (s.matched[d] ?? 0) / words.length;
    top.offer(d, (s.total[d] ?? 0) * coverage * coverage);
  }

  const hits: SearchHit[] = top.sorted().map(([d, score]) => {
    const title = index.docs.title(d);
    const short = index.docs.short(d);
    return {
      id: index.docs.ids[d] ?? '',
      title,
      short,
      score: Math.round(score * 1000) / 1000,
      titleRanges: highlightRanges(title, terms),
      shortRanges: highlightRanges(short, terms),
    };
  });
  return { hits, total, terms };
}

/** Keeps the k best (doc, score) pairs in a min-heap; ties go to the earlier doc for stable results. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  private worse(i: number, j: number): boolean {
    const a = this.scores[i] ?? 0;
    const b = this.scores[j] ?? 0;
    return a < b || (a === b && (this.docs[i] ?? 0) > (this.docs[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j] ?? 0, this.docs[i] ?? 0];
    [this.scores[i], this.scores[j]] = [this.scores[j] ?? 0, this.scores[i] ?? 0];
  }

  offer(doc: number, score: number): void {
    if (this.k <= 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      let i = this.docs.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    const rootScore = this.scores[0] ?? 0;
    if (score < rootScore || (score === rootScore && doc > (this.docs[0] ?? 0))) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.docs.length && this.worse(l, m)) m = l;
      if (r < this.docs.length && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): [number, number][] {
    const pairs = this.docs.map((d, i): [number, number] => [d, this.scores[i] ?? 0]);
    return pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
