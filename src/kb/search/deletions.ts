// One-edit neighbours by symmetric deletion: every word is filed under a hash of its spelling and of
// each spelling with one letter deleted, so a query reads n + 1 small buckets instead of scanning words.
import type { PackedStrings } from './packedStrings';

/**
 * Word ids by key hash: bucket b holds entries[bucketStart[b] .. bucketStart[b + 1]). Derived from a
 * vocabulary when first needed, not cached with the index: the one over every word form takes about
 * 20 ms to make at 70,000 forms, and as 3.7 MB of cache it would be read on every cold start whether or
 * not anyone makes a typo.
 */
export interface DeletionTable {
  readonly mask: number;
  readonly bucketStart: Uint32Array;
  /**
   * A word id in the low bits (idMask), the top byte of the key it is filed under in the others (tagMask):
   * most other words of a bucket are passed over on that byte, without reading their letters.
   */
  readonly entries: Uint32Array;
  readonly idMask: number;
  readonly tagMask: number;
  readonly maxLength: number;
}

/*
 * Why it finds every neighbour: an insertion into the query leaves a word whose spelling is one of the
 * query's deletions; a deletion, a word with the query among its deletions; a substitution at p, both
 * equal once p is deleted; a swap of p and p + 1, the query without p equals the word without p + 1.
 * Words sharing a key can still be two edits apart, and keys collide: each candidate is checked.
 */

const B = 0x01000193;
/**
 * Ids per bucket. A small vocabulary (the stems) gets one; a large one (every word form) four, which
 * keeps its table to 3.7 MB and its making to about 20 ms at 70,000 forms (written in random order).
 */
const bucketLoad = (keys: number): number => (keys < 1 << 17 ? 1 : 4);

/** Murmur3's finaliser: the polynomial hash's low bits depend only on the letters' low bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The key of a whole spelling, as written first by writeKeys. */
export function hashOf(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, B) + word.charCodeAt(k)) | 0;
  return mix(h);
}

export function hashAt(chars: Uint16Array, from: number, n: number): number {
  let h = 0;
  for (let k = 0; k < n; k++) h = (Math.imul(h, B) + (chars[from + k] ?? 0)) | 0;
  return mix(h);
}

/** prefix[k] is the hash of the first k code units; grown on demand, shared by every table. */
let prefix = new Int32Array(64);

/**
 * Writes into `out` from `at` the hash of the `n` code units of `chars` from `from`, then the hash of
 * each distinct one-letter deletion (deleting either letter of a doubled pair spells the same, so only
 * the first counts); returns where the keys end. `out` needs room for n + 1.
 */
function writeKeys(chars: Uint16Array, from: number, n: number, out: Uint32Array, at: number): number {
  if (prefix.length <= n) prefix = new Int32Array(Math.max(n + 1, prefix.length * 2));
  const p = prefix;
  let h = 0;
  for (let k = 0; k < n; k++) {
    h = (Math.imul(h, B) + (chars[from + k] ?? 0)) | 0;
    p[k + 1] = h;
  }
  out[at++] = mix(h);
  // Going backwards, `suffix` is the hash of the letters after i and `pow` is B to their count.
  let suffix = 0;
  let pow = 1;
  for (let i = n - 1; i >= 0; i--) {
    const c = chars[from + i] ?? 0;
    if (i === 0 || chars[from + i - 1] !== c) out[at++] = mix((Math.imul(p[i] ?? 0, pow) + suffix) | 0);
    suffix = (Math.imul(c, pow) + suffix) | 0;
    pow = Math.imul(pow, B);
  }
  return at;
}

export function buildDeletionTable(words: PackedStrings): DeletionTable {
  const { chars, start } = words;
  const count = start.length - 1;
  // At most one key per letter plus one per word.
  const bound = chars.length + count;
  let buckets = 1;
  while (buckets * bucketLoad(bound) < bound) buckets *= 2;
  const mask = buckets - 1;
  let maxLength = 0;
  for (let id = 0; id < count; id++) maxLength = Math.max(maxLength, (start[id + 1] ?? 0) - (start[id] ?? 0));
  const keys = new Uint32Array(maxLength + 1);
  // Two passes over the words, hashing each twice, so no array holds every key at once.
  const bucketStart = new Uint32Array(buckets + 1);
  for (let id = 0; id < count; id++) {
    const from = start[id] ?? 0;
    const n = writeKeys(chars, from, (start[id + 1] ?? 0) - from, keys, 0);
    for (let q = 0; q < n; q++) {
      const b = ((keys[q] ?? 0) & mask) + 1;
      bucketStart[b] = (bucketStart[b] ?? 0) + 1;
    }
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1] = (bucketStart[b + 1] ?? 0) + (bucketStart[b] ?? 0);
  const entries = new Uint32Array(bucketStart[buckets] ?? 0);
  // Sixteen million words leave a byte for the tag; a vocabulary past that would go untagged.
  const tagMask = count <= 1 << 24 ? 0xff000000 : 0;
  const idMask = ~tagMask >>> 0;
  const cursor = bucketStart.slice(0, buckets);
  for (let id = 0; id < count; id++) {
    const from = start[id] ?? 0;
    const n = writeKeys(chars, from, (start[id + 1] ?? 0) - from, keys, 0);
    for (let q = 0; q < n; q++) {
      const key = keys[q] ?? 0;
      const b = key & mask;
      const at = cursor[b] ?? 0;
      entries[at] = ((key & tagMask) | id) >>> 0;
      cursor[b] = at + 1;
    }
  }
  return { mask, bucketStart, entries, idMask, tagMask, maxLength };
}

export interface QueryKeys {
  readonly keys: Uint32Array;
  readonly count: number;
}

// One query's letters and keys, reused: the typo path allocates nothing.
const query = { chars: new Uint16Array(64), keys: new Uint32Array(65), count: 0 };

/**
 * The keys of `word` (a shared object, valid until the next call): the ids in their buckets are the
 * candidates, among them every word one edit away, some more than once.
 */
export function keysOf(word: string): QueryKeys {
  const n = word.length;
  if (query.chars.length < n) {
    query.chars = new Uint16Array(n * 2);
    query.keys = new Uint32Array(n * 2 + 1);
  }
  for (let k = 0; k < n; k++) query.chars[k] = word.charCodeAt(k);
  query.count = writeKeys(query.chars, 0, n, query.keys, 0);
  return query;
}
