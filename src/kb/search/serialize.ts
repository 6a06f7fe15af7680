// The cached form of a search index: one byte array (sections of UTF-16 text and little-endian typed
// arrays). Bump INDEX_VERSION whenever the layout or the scoring baked into the weights changes.
import { narrowPostDoc } from './build';
import { DocTable } from './docTable';
import { isPackedConsistent, type PackedStrings } from './packedStrings';
import type { Lexicon } from './lexicon';
import type { SearchIndex } from './types';

/**
 * Why bytes: structured clone copies a byte array at memory speed but walks big strings and thousands of
 * small objects slowly, and Chromium reads a Blob from IndexedDB several times faster than the same
 * bytes stored as an ArrayBuffer: store `new Blob([exportIndex(index)])`, load with
 * `importIndex(await blob.arrayBuffer())`.
 */
export type SerializedIndex = Uint8Array<ArrayBuffer>;

const MAGIC = 0x49424b53; // "SKBI"
export const INDEX_VERSION = 6;

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

// The tag dictionary is stored as UTF-16 code units, one line per tag: decoding is a copy. Not fatal:
// a damaged tag only fails to match a filter.
const fromUtf16 = new TextDecoder('utf-16le');

function utf16(s: string): Uint8Array {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
  return new Uint8Array(units.buffer);
}
// Tags are cleaned of the separator.
const LINE = '\n';
const clean = (text: string): string => text.replaceAll(LINE, ' ');

export function exportIndex(index: SearchIndex): SerializedIndex {
  const d = index.docs;
  // Words and ids stay packed as in memory (see packedStrings.ts): loading them is a view, not a parse.
  const packed = (p: PackedStrings): Uint8Array[] => [bytesOf(p.chars), bytesOf(p.start)];
  const sections: Uint8Array[] = [
    ...packed(d.ids),
    d.text,
    bytesOf(d.textStart),
    utf16(d.tagDict.map(clean).join(LINE)),
    bytesOf(d.tagStart),
    bytesOf(d.tagCodes),
    ...packed(index.surface),
    bytesOf(index.surfaceStem),
    ...packed(index.stems),
    bytesOf(index.postStart),
    // Raw, not delta-coded: a typed-array view over the read bytes loads with no decoding at all.
    bytesOf(index.postDoc),
    index.postWeight,
  ];
  const size = 12 + sections.reduce((n, s) => n + 4 + align4(s.byteLength), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_VERSION, true);
  view.setUint32(8, sections.length, true);
  let at = 12;
  for (const s of sections) {
    view.setUint32(at, s.byteLength, true);
    out.set(s, at + 4);
    at += 4 + align4(s.byteLength);
  }
  return out;
}

const align4 = (n: number): number => (n + 3) & ~3;
const bytesOf = (a: Uint32Array | Uint16Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function readSections(buf: Uint8Array): Uint8Array[] {
  if (buf.byteLength < 12) throw new IndexFormatError('index too short');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError('not a search index');
  if (view.getUint32(4, true) !== INDEX_VERSION) throw new IndexFormatError('index of another version');
  const count = view.getUint32(8, true);
  const sections: Uint8Array[] = [];
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 4 > buf.byteLength) throw new IndexFormatError('index cut short');
    const len = view.getUint32(at, true);
    if (at + 4 + len > buf.byteLength) throw new IndexFormatError('index cut short');
    sections.push(buf.subarray(at + 4, at + 4 + len));
    at += 4 + align4(len);
  }
  return sections;
}

function u32(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0) throw new IndexFormatError('misaligned array');
  // A view needs 4-byte alignment; a copy is needed only if the caller's buffer starts off-boundary.
  const own = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(own.buffer, own.byteOffset, own.byteLength / 4);
}

function allBelow(a: Uint16Array | Uint32Array, limit: number): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) >= limit) return false;
  return true;
}

/** Offsets that never go back: a damaged one would send a search walking millions of missing postings. */
function ascending(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if ((a[i] ?? 0) < (a[i - 1] ?? 0)) return false;
  return true;
}

function u16(bytes: Uint8Array): Uint16Array {
  if (bytes.byteLength % 2 !== 0) throw new IndexFormatError('misaligned array');
  const own = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  return new Uint16Array(own.buffer, own.byteOffset, own.byteLength / 2);
}

function decode(bytes: Uint8Array): string {
  if (bytes.byteLength % 2 !== 0) throw new IndexFormatError('index text cut in half');
  return fromUtf16.decode(bytes);
}

const split = (bytes: Uint8Array, sep: string): string[] => {
  const s = decode(bytes);
  return s === '' ? [] : s.split(sep);
};

/**
 * Loads a cached index. Throws IndexFormatError when the data is not a whole index of this version,
 * so the caller rebuilds from the articles instead of searching a broken one.
 */
/** `data` is whatever the cache returned: a Uint8Array or ArrayBuffer, or anything else if it is damaged. */
export function importIndex(data: unknown): SearchIndex {
  const buf = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (!buf) throw new IndexFormatError('index is not binary');
  const sections = readSections(buf);
  if (sections.length !== 15) throw new IndexFormatError('index sections missing');
  const at = (i: number): Uint8Array => sections[i] ?? new Uint8Array();
  const packed = (i: number): PackedStrings => ({ chars: u16(at(i)), start: u32(at(i + 1)) });

  const docs = new DocTable(packed(0), at(2), u32(at(3)), split(at(4), LINE), u32(at(5)), u16(at(6)));
  const surface: Lexicon = packed(7);
  const surfaceStem = u32(at(9));
  const stems: Lexicon = packed(10);
  const postStart = u32(at(12));
  const postWeight = at(14);
  const surfaceCount = surface.start.length - 1;
  const stemCount = stems.start.length - 1;
  const total = postStart[stemCount] ?? -1;
  if (
    !docs.isConsistent() ||
    !isPackedConsistent(surface) ||
    !isPackedConsistent(stems) ||
    surfaceStem.length !== surfaceCount ||
    postStart.length !== stemCount + 1 ||
    total !== postWeight.length ||
    !ascending(postStart) ||
    !allBelow(surfaceStem, stemCount)
  ) {
    throw new IndexFormatError('index arrays do not fit together');
  }
  const postDoc = narrowPostDoc(docs.count) ? u16(at(13)) : u32(at(13));
  if (postDoc.length !== total || !allBelow(postDoc, docs.count))
    throw new IndexFormatError('postings do not fit the documents');
  return { docs, surface, surfaceStem, stems, postStart, postDoc, postWeight };
}
