// What a result list needs about each article, in columns of bytes: the same layout in memory and in
// the cached index, so loading it decodes only the tag dictionary, and ids and texts only for hits.
import { isPackedConsistent, packStrings, packedAt, packedCount, type PackedStrings } from './packedStrings';

export interface DocMeta {
  id: string;
  title: string;
  short: string;
  directions: readonly string[];
  topics: readonly string[];
  /** Empty = applies to every organisation. */
  organisations: readonly string[];
}

const TAG_FIELDS = ['directions', 'topics', 'organisations'] as const;
export type TagField = (typeof TAG_FIELDS)[number];

const utf8 = new TextEncoder();
// Not fatal: a damaged text shows replacement characters rather than breaking the search.
const fromUtf8 = new TextDecoder('utf-8');

export class DocTable {
  constructor(
    /** Packed: thousands of ids load as a view and only the hits' ids become strings. */
    readonly ids: PackedStrings,
    /** UTF-8 of title 0, short 0, title 1, short 1, … */
    readonly text: Uint8Array,
    /** 2n + 1 byte offsets into `text`. */
    readonly textStart: Uint32Array,
    readonly tagDict: readonly string[],
    /** 3n + 1 offsets into `tagCodes`: directions, topics, organisations of doc 0, then doc 1, … */
    readonly tagStart: Uint32Array,
    readonly tagCodes: Uint16Array,
  ) {}

  static fromMetas(metas: readonly DocMeta[]): DocTable {
    const encoded = metas.flatMap((m) => [utf8.encode(m.title), utf8.encode(m.short)]);
    const textStart = new Uint32Array(encoded.length + 1);
    encoded.forEach((e, i) => (textStart[i + 1] = (textStart[i] ?? 0) + e.byteLength));
    const text = new Uint8Array(textStart[encoded.length] ?? 0);
    encoded.forEach((e, i) => text.set(e, textStart[i]));

    const dict = new Map<string, number>();
    const codes: number[] = [];
    const tagStart = new Uint32Array(metas.length * 3 + 1);
    metas.forEach((m, i) => {
      TAG_FIELDS.forEach((f, j) => {
        for (const tag of m[f]) {
          let c = dict.get(tag);
          if (c === undefined) dict.set(tag, (c = dict.size));
          codes.push(c);
        }
        tagStart[i * 3 + j + 1] = codes.length;
      });
    });
    return new DocTable(
      packStrings(metas.map((m) => m.id)),
      text,
      textStart,
      [...dict.keys()],
      tagStart,
      Uint16Array.from(codes),
    );
  }

  get count(): number {
    return packedCount(this.ids);
  }

  id(i: number): string {
    return packedAt(this.ids, i);
  }

  private textAt(k: number): string {
    return fromUtf8.decode(this.text.subarray(this.textStart[k] ?? 0, this.textStart[k + 1] ?? 0));
  }

  title(i: number): string {
    return this.textAt(2 * i);
  }

  short(i: number): string {
    return this.textAt(2 * i + 1);
  }

  /** Dictionary codes of one tag field of doc i. */
  tagCodesOf(i: number, field: TagField): Uint16Array {
    const k = i * 3 + TAG_FIELDS.indexOf(field);
    return this.tagCodes.subarray(this.tagStart[k] ?? 0, this.tagStart[k + 1] ?? 0);
  }

  tags(i: number, field: TagField): string[] {
    return Array.from(this.tagCodesOf(i, field), (c) => this.tagDict[c] ?? '');
  }

  /** Fits together: offsets ascend and stay inside their arrays, codes inside the dictionary. */
  isConsistent(): boolean {
    const n = this.count;
    return (
      isPackedConsistent(this.ids) &&
      this.textStart.length === 2 * n + 1 &&
      this.tagStart.length === 3 * n + 1 &&
      this.textStart[2 * n] === this.text.length &&
      this.tagStart[3 * n] === this.tagCodes.length &&
      ascending(this.textStart) &&
      ascending(this.tagStart) &&
      this.tagCodes.every((c) => c < this.tagDict.length)
    );
  }
}

function ascending(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if ((a[i] ?? 0) < (a[i - 1] ?? 0)) return false;
  return a[0] === 0;
}
