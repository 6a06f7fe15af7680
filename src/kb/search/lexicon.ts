// A sorted vocabulary: prefix ranges by binary search, and one-edit neighbours from a deletion table
// (deletions.ts) made for it on the first typo.
import { buildDeletionTable, hashAt, hashOf, keysOf, type DeletionTable } from './deletions';
import { packStrings, packedAt, packedCount, type PackedStrings } from './packedStrings';

/**
 * Unique words in UTF-16 code-unit order (a word's id is its position), packed so a cached vocabulary
 * loads without building a string per word; the searches below compare code units in place.
 */
export type Lexicon = PackedStrings;

/** Sorted, unique copy of `words`. */
export function sortedUnique(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function makeLexicon(words: Iterable<string>): Lexicon {
  return lexiconOfSorted(sortedUnique(words));
}

/** `sorted` must already be sorted and unique (see sortedUnique). */
export function lexiconOfSorted(sorted: readonly string[]): Lexicon {
  return packStrings(sorted);
}

export const lexiconSize = packedCount;
export const wordAt = packedAt;

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

/**
 * Word ids by hash, open addressing: slot values are id + 1, 0 when empty; at most half the slots are
 * used. Made for a vocabulary on its first look-up (about 1 ms and 1 MB at 70,000 words): a query looks
 * up each of its words, and a binary search of a large vocabulary compared a word some 17 times.
 */
const exactTables = new WeakMap<Lexicon, Uint32Array>();

function exactTable(lex: Lexicon): Uint32Array {
  let table = exactTables.get(lex);
  if (!table) {
    const count = lexiconSize(lex);
    let size = 2;
    while (size < count * 2) size *= 2;
    table = new Uint32Array(size);
    const mask = size - 1;
    for (let id = 0; id < count; id++) {
      const from = lex.start[id] ?? 0;
      let slot = hashAt(lex.chars, from, (lex.start[id + 1] ?? 0) - from) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    exactTables.set(lex, table);
  }
  return table;
}

/** Id of the word, or -1. */
export function lookup(lex: Lexicon, word: string): number {
  const table = exactTable(lex);
  const mask = table.length - 1;
  const { start, chars } = lex;
  const n = word.length;
  for (let slot = hashOf(word) & mask; ; slot = (slot + 1) & mask) {
    const v = table[slot] ?? 0;
    if (v === 0) return -1;
    const from = start[v - 1] ?? 0;
    if ((start[v] ?? 0) - from === n && sameTail(word, 0, chars, from)) return v - 1;
  }
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

const tables = new WeakMap<Lexicon, DeletionTable>();

/** Ids of the words exactly one edit away from `word`. */
export function oneEditNeighbours(lex: Lexicon, word: string): number[] {
  const found = new Set<number>();
  forEachOneEditNeighbour(lex, word, (id) => found.add(id));
  return [...found];
}

/** Calls `visit` with the id of each word one edit away from `word` (some possibly twice). */
export function forEachOneEditNeighbour(lex: Lexicon, word: string, visit: (id: number) => void): void {
  let table = tables.get(lex);
  if (!table) {
    table = buildDeletionTable(lex);
    tables.set(lex, table);
  }
  const n = word.length;
  if (n > table.maxLength + 1) return;
  const { start, chars } = lex;
  const { mask, bucketStart, entries, idMask, tagMask } = table;
  const { keys, count } = keysOf(word);
  for (let q = 0; q < count; q++) {
    const key = keys[q] ?? 0;
    const b = key & mask;
    const tag = key & tagMask;
    const to = bucketStart[b + 1] ?? 0;
    for (let k = bucketStart[b] ?? 0; k < to; k++) {
      const entry = entries[k] ?? 0;
      if ((entry & tagMask) !== tag) continue;
      const id = (entry & idMask) >>> 0;
      const from = start[id] ?? 0;
      const len = (start[id + 1] ?? 0) - from;
      // A word sharing a key may be two letters longer or shorter: rejected before reading its letters.
      if (len - n <= 1 && n - len <= 1 && oneEditAwayAt(word, chars, from, len)) visit(id);
    }
  }
}
