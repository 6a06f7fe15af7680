// Many short strings as one array of UTF-16 code units plus offsets: the layout is the cached form too,
// so loading tens of thousands of words is a typed-array view, and a word becomes a string only if read.

export interface PackedStrings {
  /** Code units of string 0, string 1, … back to back. */
  readonly chars: Uint16Array;
  /** n + 1 offsets into `chars`. */
  readonly start: Uint32Array;
}

export function packStrings(strings: readonly string[]): PackedStrings {
  const start = new Uint32Array(strings.length + 1);
  strings.forEach((s, i) => (start[i + 1] = (start[i] ?? 0) + s.length));
  const chars = new Uint16Array(start[strings.length] ?? 0);
  strings.forEach((s, i) => {
    const at = start[i] ?? 0;
    for (let k = 0; k < s.length; k++) chars[at + k] = s.charCodeAt(k);
  });
  return { chars, start };
}

export const packedCount = (p: PackedStrings): number => Math.max(0, p.start.length - 1);

export const packedLength = (p: PackedStrings, i: number): number =>
  (p.start[i + 1] ?? 0) - (p.start[i] ?? 0);

export function packedAt(p: PackedStrings, i: number): string {
  const from = p.start[i] ?? 0;
  const to = p.start[i + 1] ?? 0;
  // Words and ids are short: appending code units beats spreading a subarray into a call. A long
  // string goes in chunks, as one spread could overflow the argument limit.
  let s = '';
  if (to - from <= 32) for (let k = from; k < to; k++) s += String.fromCharCode(p.chars[k] ?? 0);
  else
    for (let k = from; k < to; k += 4096)
      s += String.fromCharCode(...p.chars.subarray(k, Math.min(to, k + 4096)));
  return s;
}

/** Offsets ascend from 0 to the end of `chars`: every string lies inside the array. */
export function isPackedConsistent(p: PackedStrings): boolean {
  const { start } = p;
  if (start.length === 0 || start[0] !== 0 || start[start.length - 1] !== p.chars.length) return false;
  for (let i = 1; i < start.length; i++) if ((start[i] ?? 0) < (start[i - 1] ?? 0)) return false;
  return true;
}
