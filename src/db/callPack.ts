// A compact encoding of many calls' summary rows and figures (schema 3): two typed-array streams and one
// string table. 100,000 calls stored as rows take seconds to read back from IndexedDB or copy between
// threads, as each of their millions of values is revived on its own; a pack is a few buffers, which copy
// as bytes, and decodes in JavaScript at a fraction of that cost (see README "Supervisor figures").
//
// Every field of CallRow and CallFacts is named below with its kind: the compiler rejects a table that
// misses a field, and a value of the wrong kind makes packing throw rather than lose it.
import type { CallFacts } from '../analytics';
import type { CallRow } from './callsTables';

/** A call as the supervisor sees it: its summary row and its figures. */
export interface PackedCall {
  row: CallRow;
  facts: CallFacts;
}

/** Raised whenever the layout below changes: packs of another version are rebuilt from the rows. */
export const PACK_VERSION = 3;

/**
 * One side of the calls (their rows, or their figures), field after field, call after call. Each side
 * stands alone, so a dashboard can read and unpack the figures without the rows.
 */
export interface PackHalf {
  /** Numbers that may be fractional or large: times, durations. NaN stands for null (none are NaN). */
  f64: Float64Array;
  /** Everything else: string table indexes (-1 for null), lengths, small integers, flags. */
  i32: Int32Array;
  /** The string table: every distinct string once, concatenated; `ends[i]` is where string i ends. */
  text: string;
  ends: Uint32Array;
}

export interface CallPack {
  v: number;
  count: number;
  rows: PackHalf;
  facts: PackHalf;
}

const K = {
  Str: 0,
  StrOrNull: 1,
  Num: 2,
  NumOrNull: 3,
  Int: 4,
  Bool: 5,
  BoolOrNull: 6,
  Strs: 7,
  Nums: 8,
  NumRecord: 9,
  List: 10,
  Obj: 11,
  ObjOrNull: 12,
} as const;

type Nested = typeof K.List | typeof K.Obj | typeof K.ObjOrNull;
type Kind = Exclude<(typeof K)[keyof typeof K], Nested> | readonly [Nested, Fields];
type Fields = readonly (readonly [string, Kind])[];

/** A field table for T: every key, each exactly once (the compiler checks the keys against T). */
function fields<T>(table: { [P in keyof Required<T>]: Kind }): Fields {
  return Object.entries<Kind>(table);
}

const HOLD = fields<CallFacts['holds'][number]>({
  promisedMinutes: K.Num,
  startedAt: K.Num,
  deadline: K.Num,
  endedAt: K.NumOrNull,
  extension: K.Bool,
  overtimeMs: K.Num,
});

const TRANSFER = fields<CallFacts['transfers'][number]>({
  at: K.Num,
  targetKind: K.Str,
  targetId: K.Str,
  targetName: K.Str,
  summary: K.Str,
  status: K.Str,
});

const ROW = fields<CallRow>({
  id: K.Str,
  flowId: K.Str,
  flowVersion: K.Int,
  direction: K.Str,
  startedAt: K.Num,
  endedAt: K.NumOrNull,
  finishedAt: K.NumOrNull,
  status: K.Str,
  outcome: K.StrOrNull,
  callerName: K.StrOrNull,
  callerNameKey: K.StrOrNull,
  callerPhone: K.StrOrNull,
  topic: K.StrOrNull,
  summary: K.Str,
  articlesUsed: K.Strs,
  satisfaction: K.NumOrNull,
  surveyOffered: K.Bool,
  afterCallMs: K.NumOrNull,
  operatorName: K.Str,
  transfersBefore: K.Int,
  callbackId: K.StrOrNull,
  endReason: K.StrOrNull,
  lastSeq: K.Int,
});

const FACTS = fields<CallFacts>({
  callId: K.Str,
  operatorName: K.Str,
  flowId: K.Str,
  flowVersion: K.Int,
  direction: K.Str,
  startedAt: K.Num,
  endedAt: K.NumOrNull,
  endReason: K.StrOrNull,
  handleMs: K.NumOrNull,
  afterCallMs: K.NumOrNull,
  stageMs: K.NumRecord,
  outcome: K.StrOrNull,
  topic: K.StrOrNull,
  need: K.StrOrNull,
  articlesUsed: K.Strs,
  satisfaction: K.NumOrNull,
  holds: [K.List, HOLD],
  transfersBefore: K.Int,
  transfers: [K.List, TRANSFER],
  refusedTransfers: K.Nums,
  callback: [
    K.ObjOrNull,
    fields<NonNullable<CallFacts['callback']>>({ deadline: K.Num, doneAt: K.NumOrNull }),
  ],
  adherence: [
    K.Obj,
    fields<CallFacts['adherence']>({
      greeting: K.BoolOrNull,
      identified: K.BoolOrNull,
      rephrased: K.BoolOrNull,
      farewell: K.BoolOrNull,
    }),
  ],
  erased: K.Bool,
  greetingNamed: K.BoolOrNull,
  internalDayEnd: K.NumOrNull,
  askedForMore: K.BoolOrNull,
});

class PackError extends Error {}

class Writer {
  f64: number[] = [];
  i32: number[] = [];
  strings = new Map<string, number>();

  half(): PackHalf {
    const strings = [...this.strings.keys()];
    const ends = new Uint32Array(strings.length);
    let end = 0;
    strings.forEach((s, i) => (ends[i] = end += s.length));
    return { f64: Float64Array.from(this.f64), i32: Int32Array.from(this.i32), text: strings.join(''), ends };
  }

  str(s: unknown): void {
    if (typeof s !== 'string') throw new PackError('not a string');
    let i = this.strings.get(s);
    if (i === undefined) this.strings.set(s, (i = this.strings.size));
    this.i32.push(i);
  }

  int(n: unknown): void {
    if (typeof n !== 'number' || (n | 0) !== n) throw new PackError('not a small integer');
    this.i32.push(n);
  }

  num(n: unknown): void {
    if (typeof n !== 'number' || Number.isNaN(n)) throw new PackError('not a number');
    this.f64.push(n);
  }

  value(kind: Kind, v: unknown): void {
    if (typeof kind !== 'number') {
      const [k, sub] = kind;
      if (k === K.Obj) return this.obj(sub, v);
      if (k === K.ObjOrNull) {
        this.i32.push(v == null ? 0 : 1);
        if (v != null) this.obj(sub, v);
        return;
      }
      if (!Array.isArray(v)) throw new PackError('not a list');
      this.i32.push(v.length);
      for (const item of v) this.obj(sub, item);
      return;
    }
    switch (kind) {
      case K.Str:
        return this.str(v);
      case K.StrOrNull:
        // A row stored by an older build may lack a field added since: it reads back as null.
        if (v == null) this.i32.push(-1);
        else this.str(v);
        return;
      case K.Num:
        return this.num(v);
      case K.NumOrNull:
        if (v == null) this.f64.push(NaN);
        else this.num(v);
        return;
      case K.Int:
        return this.int(v);
      case K.Bool:
        if (typeof v !== 'boolean') throw new PackError('not a flag');
        this.i32.push(v ? 1 : 0);
        return;
      case K.BoolOrNull:
        if (v != null && typeof v !== 'boolean') throw new PackError('not a flag');
        this.i32.push(v == null ? 2 : v ? 1 : 0);
        return;
      case K.Strs:
      case K.Nums:
        if (!Array.isArray(v)) throw new PackError('not a list');
        this.i32.push(v.length);
        for (const x of v) {
          if (kind === K.Strs) this.str(x);
          else this.num(x);
        }
        return;
      case K.NumRecord: {
        if (typeof v !== 'object' || v === null) throw new PackError('not a record');
        const entries = Object.entries(v);
        this.i32.push(entries.length);
        for (const [key, n] of entries) {
          this.str(key);
          this.num(n);
        }
        return;
      }
    }
  }

  obj(table: Fields, v: unknown): void {
    if (typeof v !== 'object' || v === null) throw new PackError('not an object');
    const o = v as Record<string, unknown>;
    for (const [key, kind] of table) this.value(kind, o[key]);
  }
}

/** Packs calls in their order; throws on a value that does not fit its field (a damaged row). */
export function packCalls(calls: readonly PackedCall[]): CallPack {
  const rows = new Writer();
  const facts = new Writer();
  for (const c of calls) {
    rows.obj(ROW, c.row);
    facts.obj(FACTS, c.facts);
  }
  return { v: PACK_VERSION, count: calls.length, rows: rows.half(), facts: facts.half() };
}

/** A read position in one side of a pack; its strings are cut from the table when first met, once each. */
class Cursor {
  private f = 0;
  private i = 0;
  private readonly cut: (string | undefined)[];

  constructor(private readonly s: PackHalf) {
    this.cut = new Array<string | undefined>(s.ends.length);
  }

  check(): void {
    if (this.f > this.s.f64.length || this.i > this.s.i32.length) throw new PackError('pack cut short');
  }

  int(): number {
    const n = this.s.i32[this.i++];
    if (n === undefined) throw new PackError('pack cut short');
    return n;
  }

  num(): number {
    const n = this.s.f64[this.f++];
    if (n === undefined) throw new PackError('pack cut short');
    return n;
  }

  numOrNull(): number | null {
    const n = this.num();
    return Number.isNaN(n) ? null : n;
  }

  bool(): boolean {
    return this.int() === 1;
  }

  boolOrNull(): boolean | null {
    const b = this.int();
    return b === 2 ? null : b === 1;
  }

  str(): string {
    const i = this.int();
    let s = this.cut[i];
    if (s === undefined) {
      const end = this.s.ends[i];
      if (end === undefined) throw new PackError('string out of the table');
      this.cut[i] = s = this.s.text.slice(i === 0 ? 0 : this.s.ends[i - 1], end);
    }
    return s;
  }

  strOrNull(): string | null {
    if (this.s.i32[this.i] !== -1) return this.str();
    this.i++;
    return null;
  }

  strs(): string[] {
    return this.list(() => this.str());
  }

  numRecord(): Record<string, number> {
    const rec: Record<string, number> = {};
    for (let n = this.int(); n > 0; n--) rec[this.str()] = this.num();
    return rec;
  }

  list<T>(item: () => T): T[] {
    const n = this.int();
    const list: T[] = [];
    for (let k = 0; k < n; k++) list.push(item());
    return list;
  }
}

// Written out field by field, in the tables' order: one object shape per type, which V8 builds several
// times faster than objects filled key by key from a table. The compiler checks every field is read
// with the right kind; the round-trip tests check the order.
function readRow(c: Cursor): CallRow {
  return {
    id: c.str(),
    flowId: c.str(),
    flowVersion: c.int(),
    direction: c.str() as CallRow['direction'],
    startedAt: c.num(),
    endedAt: c.numOrNull(),
    finishedAt: c.numOrNull(),
    status: c.str() as CallRow['status'],
    outcome: c.strOrNull() as CallRow['outcome'],
    callerName: c.strOrNull(),
    callerNameKey: c.strOrNull(),
    callerPhone: c.strOrNull(),
    topic: c.strOrNull(),
    summary: c.str(),
    articlesUsed: c.strs(),
    satisfaction: c.numOrNull(),
    surveyOffered: c.bool(),
    afterCallMs: c.numOrNull(),
    operatorName: c.str(),
    transfersBefore: c.int(),
    callbackId: c.strOrNull(),
    endReason: c.strOrNull() as CallRow['endReason'],
    lastSeq: c.int(),
  };
}

type Transfer = CallFacts['transfers'][number];

function readFacts(c: Cursor): CallFacts {
  return {
    callId: c.str(),
    operatorName: c.str(),
    flowId: c.str(),
    flowVersion: c.int(),
    direction: c.str() as CallFacts['direction'],
    startedAt: c.num(),
    endedAt: c.numOrNull(),
    endReason: c.strOrNull() as CallFacts['endReason'],
    handleMs: c.numOrNull(),
    afterCallMs: c.numOrNull(),
    stageMs: c.numRecord(),
    outcome: c.strOrNull() as CallFacts['outcome'],
    topic: c.strOrNull(),
    need: c.strOrNull(),
    articlesUsed: c.strs(),
    satisfaction: c.numOrNull(),
    holds: c.list(() => ({
      promisedMinutes: c.num(),
      startedAt: c.num(),
      deadline: c.num(),
      endedAt: c.numOrNull(),
      extension: c.bool(),
      overtimeMs: c.num(),
    })),
    transfersBefore: c.int(),
    transfers: c.list(() => ({
      at: c.num(),
      targetKind: c.str() as Transfer['targetKind'],
      targetId: c.str(),
      targetName: c.str(),
      summary: c.str(),
      status: c.str() as Transfer['status'],
    })),
    refusedTransfers: c.list(() => c.num()),
    callback: c.int() === 0 ? null : { deadline: c.num(), doneAt: c.numOrNull() },
    adherence: {
      greeting: c.boolOrNull(),
      identified: c.boolOrNull(),
      rephrased: c.boolOrNull(),
      farewell: c.boolOrNull(),
    },
    erased: c.bool(),
    greetingNamed: c.boolOrNull(),
    internalDayEnd: c.numOrNull(),
    askedForMore: c.boolOrNull(),
  };
}

/**
 * Reads a pack's calls a slice at a time, so a page can decode 100,000 calls between frames; or all the
 * figures first, then all the rows, so a dashboard need not wait for the rows. Throws on a pack that is
 * not of this version or ends early (damaged storage): the caller rebuilds it from the rows.
 */
export class CallPackReader {
  private read = 0;
  private readonly rowsIn: Cursor;
  private readonly factsIn: Cursor;

  constructor(private readonly pack: CallPack) {
    if (pack?.v !== PACK_VERSION) throw new PackError('another pack version');
    this.rowsIn = new Cursor(pack.rows);
    this.factsIn = new Cursor(pack.facts);
  }

  get done(): boolean {
    return this.read >= this.pack.count;
  }

  /** The next `max` calls (fewer at the end). */
  next(max = Infinity): PackedCall[] {
    const out: PackedCall[] = [];
    while (out.length < max && this.read < this.pack.count) {
      out.push({ row: readRow(this.rowsIn), facts: readFacts(this.factsIn) });
      this.read++;
    }
    this.rowsIn.check();
    this.factsIn.check();
    return out;
  }
}

/** Every call of a pack at once (in a worker; a page reads slices with CallPackReader). */
export function unpackCalls(pack: CallPack): PackedCall[] {
  return new CallPackReader(pack).next();
}

function readAll<T>(v: number, count: number, half: PackHalf, one: (c: Cursor) => T): T[] {
  if (v !== PACK_VERSION) throw new PackError('another pack version');
  const c = new Cursor(half);
  const out: T[] = [];
  for (let n = 0; n < count; n++) out.push(one(c));
  c.check();
  return out;
}

/** One side of a stored pack: its figures, read before (and without) its rows. */
export function unpackFacts(v: number, count: number, half: PackHalf): CallFacts[] {
  return readAll(v, count, half, readFacts);
}

/** The other side: the rows, in the same order as the figures. */
export function unpackRows(v: number, count: number, half: PackHalf): CallRow[] {
  return readAll(v, count, half, readRow);
}

/** The pack's buffers, to hand a pack to another thread without copying it. */
export function packBuffers(pack: CallPack): ArrayBuffer[] {
  const { rows, facts } = pack;
  return [rows.f64, rows.i32, rows.ends, facts.f64, facts.i32, facts.ends].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
