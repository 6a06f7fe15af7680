// A sorted vocabulary with a second ordering by reversed spelling: prefix ranges come from the first,
// and one-edit neighbours are found by scanning only the words sharing the query's first or last half.

export interface Lexicon {
  /** Unique words in UTF-16 code-unit order; a word's id is its position. */
  readonly words: readonly string[];
  /** Word ids ordered by the reversed spelling, for "ends with" ranges. */
  readonly byReverse: Uint32Array;
}

export function makeLexicon(words: readonly string[]): Lexicon {
  const sorted = [...new Set(words)].sort(compare);
  return { words: sorted, byReverse: reverseOrder(sorted) };
}

export function reverseOrder(words: readonly string[]): Uint32Array {
  const ids = Array.from(words.keys());
  ids.sort((a, b) => compareReversed(words[a] ?? '', words[b] ?? ''));
  return Uint32Array.from(ids);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares the reversed spellings without building them. */
function compareReversed(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 1; k <= n; k++) {
    const d = a.charCodeAt(a.length - k) - b.charCodeAt(b.length - k);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Id of the word, or -1. */
export function lookup(lex: Lexicon, word: string): number {
  const i = lowerBound(lex.words, word);
  return lex.words[i] === word ? i : -1;
}

function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ids [from, to) of the words that start with `prefix`. */
export function prefixRange(lex: Lexicon, prefix: string): [number, number] {
  return [lowerBound(lex.words, prefix), lowerBound(lex.words, prefix + '\uffff')];
}

/** Positions [from, to) in `byReverse` of the words that end with `suffix`. */
function suffixRange(lex: Lexicon, suffix: string): [number, number] {
  const bound = (key: string, strict: boolean): number => {
    let lo = 0;
    let hi = lex.byReverse.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const word = lex.words[lex.byReverse[mid] ?? 0] ?? '';
      const c = compareSuffix(word, key);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [bound(suffix, false), bound(suffix, true)];
}

/** Orders `word` against `suffix` in reversed spelling; 0 when the word ends with the suffix. */
function compareSuffix(word: string, suffix: string): number {
  for (let k = 1; k <= suffix.length; k++) {
    if (k > word.length) return -1;
    const d = word.charCodeAt(word.length - k) - suffix.charCodeAt(suffix.length - k);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * True when b is one insertion, deletion, substitution or swap of two adjacent letters away from a
 * (optimal string alignment distance exactly 1).
 */
export function isOneEditAway(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1 || a === b) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Ids of the words exactly one edit away from `word`. An edit leaves either the first half minus one
 * letter or the second half intact, so only the words sharing one of those are checked.
 */
export function oneEditNeighbours(lex: Lexicon, word: string): number[] {
  const n = word.length;
  const found = new Set<number>();
  const half = n >> 1;
  const [pFrom, pTo] = prefixRange(lex, word.slice(0, Math.max(1, half - 1)));
  for (let id = pFrom; id < pTo; id++) {
    const w = lex.words[id] ?? '';
    if (Math.abs(w.length - n) <= 1 && isOneEditAway(word, w)) found.add(id);
  }
  const [sFrom, sTo] = suffixRange(lex, word.slice(half));
  for (let k = sFrom; k < sTo; k++) {
    const id = lex.byReverse[k] ?? 0;
    const w = lex.words[id] ?? '';
    if (Math.abs(w.length - n) <= 1 && isOneEditAway(word, w)) found.add(id);
  }
  return [...found];
}
