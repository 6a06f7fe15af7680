// A sorted vocabulary with a second ordering by reversed spelling: prefix ranges come from the first,
// and one-edit neighbours are found by scanning only the words sharing the query's first or last half.
import { packStrings, packedAt, packedCount, type PackedStrings } from './packedStrings';

/**
 * Unique words in UTF-16 code-unit order (a word's id is its position), packed so a cached vocabulary
 * loads without building a string per word; the searches below compare code units in place.
 */
export interface Lexicon extends PackedStrings {
  /** Word ids ordered by the reversed spelling, for "ends with" ranges. */
  readonly byReverse: Uint32Array;
}

/** Sorted, unique copy of `words`. */
export function sortedUnique(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function makeLexicon(words: Iterable<string>): Lexicon {
  return lexiconOfSorted(sortedUnique(words));
}

/** `sorted` must already be sorted and unique (see sortedUnique). */
export function lexiconOfSorted(sorted: readonly string[]): Lexicon {
  const ids = Array.from(sorted.keys());
  ids.sort((a, b) => compareReversed(sorted[a] ?? '', sorted[b] ?? ''));
  return { ...packStrings(sorted), byReverse: Uint32Array.from(ids) };
}

export const lexiconSize = packedCount;
export const wordAt = packedAt;

/** Compares the reversed spellings without building them. */
function compareReversed(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 1; k <= n; k++) {
    const d = a.charCodeAt(a.length - k) - b.charCodeAt(b.length - k);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * Word `id` against the first `keyLen` code units of `key`, in code-unit order; with `asPrefix`, 0 when
 * the word starts with them.
 */
function compareAt(lex: Lexicon, id: number, key: string, keyLen: number, asPrefix: boolean): number {
  const from = lex.start[id] ?? 0;
  const len = (lex.start[id + 1] ?? 0) - from;
  const n = Math.min(len, keyLen);
  for (let k = 0; k < n; k++) {
    const d = (lex.chars[from + k] ?? 0) - key.charCodeAt(k);
    if (d !== 0) return d;
  }
  return asPrefix && len >= keyLen ? 0 : len - keyLen;
}

/**
 * First id in [lo, hi) whose word is not below the key (with `past`: neither below nor starting with
 * it, when `asPrefix`).
 */
function bound(
  lex: Lexicon,
  key: string,
  keyLen: number,
  asPrefix: boolean,
  past: boolean,
  lo = 0,
  hi = lexiconSize(lex),
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(lex, mid, key, keyLen, asPrefix);
    if (c < 0 || (past && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Id of the word, or -1. */
export function lookup(lex: Lexicon, word: string): number {
  const i = bound(lex, word, word.length, false, false);
  return i < lexiconSize(lex) && compareAt(lex, i, word, word.length, false) === 0 ? i : -1;
}

/** Ids [from, to) of the words that start with `prefix` (its first `len` code units, within [lo, hi)). */
export function prefixRange(
  lex: Lexicon,
  prefix: string,
  len = prefix.length,
  lo = 0,
  hi = lexiconSize(lex),
): [number, number] {
  const from = bound(lex, prefix, len, true, false, lo, hi);
  return [from, bound(lex, prefix, len, true, true, from, hi)];
}

/** Positions [from, to) in `byReverse` (within [lo, hi)) of the words that end with `word` from `at`. */
function suffixRange(lex: Lexicon, word: string, at: number, lo: number, hi: number): [number, number] {
  const from = suffixBound(lex, word, at, false, lo, hi);
  return [from, suffixBound(lex, word, at, true, from, hi)];
}

function suffixBound(lex: Lexicon, word: string, at: number, past: boolean, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareSuffix(lex, lex.byReverse[mid] ?? 0, word, at);
    if (c < 0 || (past && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Orders word `id` against `word` from `at` in reversed spelling; 0 when the word ends with it. */
function compareSuffix(lex: Lexicon, id: number, word: string, at: number): number {
  const end = lex.start[id + 1] ?? 0;
  const len = end - (lex.start[id] ?? 0);
  const n = word.length - at;
  for (let k = 1; k <= n; k++) {
    if (k > len) return -1;
    const d = (lex.chars[end - k] ?? 0) - word.charCodeAt(word.length - k);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * True when b is one insertion, deletion, substitution or swap of two adjacent letters away from a
 * (optimal string alignment distance exactly 1).
 */
export function isOneEditAway(a: string, b: string): boolean {
  const { chars, start } = packStrings([b]);
  return oneEditAwayAt(a, chars, start[0] ?? 0, b.length);
}

/** Code units of `a` from `ai` equal `chars` from `bi`, to the end of both (lengths already match). */
function sameTail(a: string, ai: number, chars: Uint16Array, bi: number): boolean {
  for (; ai < a.length; ai++, bi++) if (a.charCodeAt(ai) !== chars[bi]) return false;
  return true;
}

/** isOneEditAway against the `len` code units of `chars` from `from`, without making a string. */
function oneEditAwayAt(a: string, chars: Uint16Array, from: number, len: number): boolean {
  const la = a.length;
  if (la - len > 1 || len - la > 1) return false;
  let i = 0;
  while (i < la && i < len && a.charCodeAt(i) === chars[from + i]) i++;
  if (la === len) {
    if (i === la) return false;
    if (sameTail(a, i + 1, chars, from + i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === chars[from + i + 1] &&
      a.charCodeAt(i + 1) === chars[from + i] &&
      sameTail(a, i + 2, chars, from + i + 2)
    );
  }
  return la > len ? sameTail(a, i + 1, chars, from + i) : sameTail(a, i, chars, from + i + 1);
}

/**
 * Ids of the words exactly one edit away from `word`. An edit at position p leaves the first p letters
 * and the last n - p - 2 intact, so with a prefix of k letters and a suffix of n - 1 - k letters every
 * neighbour shares one of them; k is chosen so the two ranges to check are as small as possible.
 */
export function oneEditNeighbours(lex: Lexicon, word: string): number[] {
  const found = new Set<number>();
  forEachOneEditNeighbour(lex, word, (id) => found.add(id));
  return [...found];
}

/** Calls `visit` with the id of each word one edit away from `word` (some possibly twice). */
export function forEachOneEditNeighbour(lex: Lexicon, word: string, visit: (id: number) => void): void {
  const n = word.length;
  const { start, chars } = lex;
  const check = (id: number): void => {
    const from = start[id] ?? 0;
    const len = (start[id + 1] ?? 0) - from;
    // Most words of a range differ in length by more: rejected before any letter is compared.
    if (len - n <= 1 && n - len <= 1 && oneEditAwayAt(word, chars, from, len)) visit(id);
  };
  if (n < 3) {
    for (let id = 0; id < lexiconSize(lex); id++) check(id);
    return;
  }
  // Prefix ranges narrow as k grows and suffix ranges widen as it falls, each found inside the last
  // one. Past the first k with no prefix match, the cost only grows; before the first k with no suffix
  // match likewise: both loops stop there.
  const size = lexiconSize(lex);
  const pre: [number, number][] = [];
  let range: [number, number] = [0, size];
  let top = n - 2;
  for (let k = 1; k <= n - 2; k++) {
    pre[k] = range = prefixRange(lex, word, k, range[0], range[1]);
    if (range[0] === range[1]) {
      top = k;
      break;
    }
  }
  range = [0, size];
  let best = { k: 1, cost: Infinity, suf: range };
  for (let k = top; k >= 1; k--) {
    range = suffixRange(lex, word, k + 1, range[0], range[1]);
    const p = pre[k] ?? [0, size];
    const cost = p[1] - p[0] + range[1] - range[0];
    if (cost < best.cost) best = { k, cost, suf: range };
    if (range[0] === range[1]) break;
  }
  const p = pre[best.k] ?? [0, 0];
  for (let id = p[0]; id < p[1]; id++) check(id);
  for (let k = best.suf[0]; k < best.suf[1]; k++) check(lex.byReverse[k] ?? 0);
}
