// Reads for the supervisor workspace: a period's calls with their figures. A call's figures are reduced
// from its log once and kept (callFacts); a month's calls are then packed into a few buffers (callPacks),
// with the queue's callback each call promised, which read back in a fraction of the time 100,000
// separate rows take. A pack is brought up to date from the calls marked changed since it was written
// (callChanges: a write of a call's row, or of the callback it promised), and rewritten once it has
// taken in many of them.
import { liveQuery } from 'dexie';
import { analyzeCall, type CallFacts } from '../analytics';
import type { CallRecordEvent } from '../calls';
import type { FlowDefinition } from '../flows/types';
import { unpackEvents } from './callEventCodec';
import { flowVersionsFor, type FlowLookup } from './flowCatalogue';
import { packCalls, PACK_VERSION, unpackFacts, unpackRows, type PackedCall } from './callPack';
import { eventsOf } from './callsRepository';
import type { AppDB } from './db';
import type { CallChangeRow, CallFactsRow, CallPackRow, CallRow } from './callsTables';

export type SupervisedCall = PackedCall;

interface Period {
  from: number;
  to: number;
}

/**
 * Raised when what analyzeCall reduces changes, so figures kept by an older build are reduced again.
 * 2: a call's flow is found in the flow catalogue (storage too), not only among the build's flows; a refused
 * third transfer is an event of its own; a transferred call has an outcome.
 */
export const FACTS_VERSION = 2;

/**
 * The summary row's state figures were reduced from. Every stored event, wrap-up, import or erasure
 * rewrites the summary row, so a row that still matches its key still matches its log.
 */
export function factsKey(row: CallRow): string {
  return `${FACTS_VERSION}|${row.lastSeq}|${row.status}|${row.finishedAt}|${row.callerName}|${row.callerPhone}|${row.summary.length}`;
}

/** A call's figures as kept: reduced without the queue's callback, which changes apart from the log. */
export function factsRow(
  row: CallRow,
  log: readonly CallRecordEvent[],
  flow: FlowDefinition | null,
): CallFactsRow {
  return {
    id: row.id,
    startedAt: row.startedAt,
    key: factsKey(row),
    facts: analyzeCall(row, log, flow, null),
  };
}

/** Newest first, equal start times by id: the one order of the list, in the worker and on the page. */
export function newestFirst(a: SupervisedCall, b: SupervisedCall): number {
  return b.row.startedAt - a.row.startedAt || (a.row.id < b.row.id ? 1 : a.row.id > b.row.id ? -1 : 0);
}

/** The UTC start of the month `t` falls in: calls are packed by the month they started. */
function monthOf(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function monthAfter(month: number): number {
  const d = new Date(month);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The months of the period that hold calls, between the first and the last call stored. */
function monthsOf({ from, to }: Period, first: number, last: number): number[] {
  const months: number[] = [];
  for (let m = monthOf(Math.max(from, first)); m < Math.min(to, last + 1); m = monthAfter(m)) months.push(m);
  return months;
}

/** The loaded months that overlap the period, latest first. */
function heldMonths(memory: SupervisorMemory, { from, to }: Period): [number, Month][] {
  return [...memory.months].filter(([m]) => m >= monthOf(from) && m < to).sort(([a], [b]) => b - a);
}

/** A month's calls held in memory: what its stored pack says, with the changes taken in since. */
interface Month {
  /** The stored pack this derives from (0: none yet). */
  rev: number;
  calls: Map<string, SupervisedCall>;
  /**
   * A month read from its pack whose rows are not in yet (`calls` is empty until then): its figures
   * are, so a dashboard can be answered while the rows are read from storage and unpacked.
   */
  unread: { facts: CallFacts[]; rows: Promise<CallPackRow | undefined> } | null;
  /** Differs from its stored pack (built from the rows, or changes taken in). */
  dirty: boolean;
}

/** What a watcher keeps between reads: a worker keeps it for the life of the workspace. */
export interface SupervisorMemory {
  months: Map<number, Month>;
  /**
   * The marker stamp of each call whose change is taken in since its month was packed: the markers a
   * month's next pack clears are those of its calls here.
   */
  taken: Map<string, number>;
  /** Packing runs one month at a time, after the calls are handed over. */
  packing: Promise<unknown>;
}

export function supervisorMemory(): SupervisorMemory {
  return { months: new Map(), taken: new Map(), packing: Promise.resolve() };
}

/** A month packed again once it has taken in this many changes: its markers are then cleared. */
const REPACK_AFTER = 200;

type Promised = NonNullable<CallFacts['callback']>;

/**
 * The queue's callback each call promised (the call that kept it changes apart from the promise's log).
 * A callback falls due after the call that promised it started.
 */
async function promisedBy(db: AppDB, rows: readonly CallRow[]): Promise<Map<string, Promised>> {
  const ids = new Set(rows.map((r) => r.id));
  let first = Infinity;
  for (const r of rows) first = Math.min(first, r.startedAt);
  const found =
    rows.length > 100
      ? await db.callbacks.where('dueAt').aboveOrEqual(first).toArray()
      : await db.callbacks
          .where('callId')
          .anyOf([...ids])
          .toArray();
  const byCall = new Map<string, Promised>();
  for (const c of found)
    if (ids.has(c.callId)) byCall.set(c.callId, { deadline: c.deadline, doneAt: c.doneAt });
  return byCall;
}

/**
 * Figures of each row, with the callback it promised as the queue holds it: from `known` or the kept
 * figures when they match the row, else reduced from its log and kept for the next reading (not
 * waited for: a failure to keep them costs only speed).
 */
async function factsOf(
  db: AppDB,
  rows: readonly CallRow[],
  bundled: FlowLookup,
  known: (row: CallRow) => CallFacts | undefined = () => undefined,
): Promise<CallFacts[]> {
  const out = rows.map(known);
  let missing = rows.filter((_, i) => !out[i]);
  if (missing.length > 0) {
    const byId = new Map(missing.map((r) => [r.id, r]));
    // A month's rows: one getAll over their start times; a few changed calls: one get each.
    let first = Infinity;
    let last = -Infinity;
    for (const r of missing) {
      first = Math.min(first, r.startedAt);
      last = Math.max(last, r.startedAt);
    }
    const kept =
      missing.length > 100
        ? await db.callFacts.where('startedAt').between(first, last, true, true).toArray()
        : await db.callFacts.bulkGet(missing.map((r) => r.id));
    const found = new Map<string, CallFacts>();
    for (const k of kept) {
      const row = k && byId.get(k.id);
      if (row && k.key === factsKey(row)) found.set(k.id, k.facts);
    }
    rows.forEach((r, i) => (out[i] ??= found.get(r.id)));
    missing = rows.filter((_, i) => !out[i]);
  }
  if (missing.length > 0) {
    // One getAll per call, all sent at once: each log comes back in seq order by its key.
    const [logs, flowOf] = await Promise.all([
      db.transaction('r', [db.callEvents, db.organisations], () =>
        Promise.all(missing.map(async (r) => unpackEvents(db, await eventsOf(db, r.id).toArray()))),
      ),
      flowVersionsFor(db, missing, bundled),
    ]);
    const reduced = missing.map((row, i) =>
      factsRow(row, logs[i] ?? [], flowOf(row.flowId, row.flowVersion)),
    );
    const byId = new Map(reduced.map((f) => [f.id, f.facts]));
    rows.forEach((r, i) => (out[i] ??= byId.get(r.id)));
    db.callFacts.bulkPut(reduced).catch(() => {});
  }
  const promised = await promisedBy(db, rows);
  return out.map((f, i) => {
    if (!f) throw new Error('facts missing'); // every row was reduced just above
    const callback = promised.get(rows[i]?.id ?? '');
    return callback ? { ...f, callback } : f;
  });
}

/** A month's calls read from their rows: a month without a usable pack, or one that lost count. */
async function buildMonth(db: AppDB, month: number, rev: number, bundled: FlowLookup): Promise<Month> {
  // Newest first, as the list shows them and the month is packed.
  const rows = (
    await db.calls.where('startedAt').between(month, monthAfter(month), true, false).toArray()
  ).reverse();
  const facts = await factsOf(db, rows, bundled);
  const calls = new Map(rows.map((row, i) => [row.id, { row, facts: facts[i] as CallFacts }]));
  return { rev, calls, unread: null, dirty: true };
}

/**
 * A stored pack's figures, its rows (already asked for) left to come; null when it is of another
 * version or damaged (the month is then read from the database rows).
 */
function unpackedMonth(
  stored: CallPackRow | undefined,
  rows: Promise<CallPackRow | undefined>,
): Month | null {
  if (!stored || stored.factsVersion !== FACTS_VERSION) return null;
  try {
    const facts = unpackFacts(stored.v, stored.count, stored.half);
    return { rev: stored.rev, calls: new Map(), unread: { facts, rows }, dirty: false };
  } catch {
    return null;
  }
}

/** Takes in a packed month's rows; false when they are gone or damaged (read from the database then). */
async function readRows(month: Month): Promise<boolean> {
  if (!month.unread) return true;
  const { facts } = month.unread;
  try {
    const stored = await month.unread.rows;
    if (!stored || stored.count !== facts.length) return false;
    const rows = unpackRows(stored.v, stored.count, stored.half);
    month.calls = new Map(rows.map((row, i) => [row.id, { row, facts: facts[i] as CallFacts }]));
    month.unread = null;
    return true;
  } catch {
    return false;
  }
}

const sizeOf = (month: Month) => month.unread?.facts.length ?? month.calls.size;

function latestRevs(keys: readonly [number, number, string][]): Map<number, number> {
  const revs = new Map<number, number>();
  for (const [month, rev] of keys) revs.set(month, Math.max(rev, revs.get(month) ?? 0));
  return revs;
}

/**
 * Brings the period's months up to date in memory: loads the months not held (from their pack, or
 * their rows), drops months another tab packed again, and takes in every call marked changed since.
 * `onFacts` hears the period's figures as soon as they are known, before the packs' rows are unpacked.
 */
async function sync(
  db: AppDB,
  period: Period,
  memory: SupervisorMemory,
  bundled: FlowLookup,
  onFacts?: (facts: CallFacts[]) => void,
): Promise<void> {
  const snap = await db.transaction('r', [db.callPacks, db.callChanges, db.calls], async () => {
    const [keys, first, last] = await Promise.all([
      db.callPacks.toCollection().primaryKeys(),
      db.calls.orderBy('startedAt').limit(1).keys(),
      db.calls.orderBy('startedAt').reverse().limit(1).keys(),
    ]);
    const months = monthsOf(period, Number(first[0] ?? Infinity), Number(last[0] ?? -Infinity));
    const revs = latestRevs(keys);
    for (const [m, month] of memory.months) if ((revs.get(m) ?? 0) !== month.rev) memory.months.delete(m);
    const load = months.filter((m) => !memory.months.has(m));
    const [packs, counts, markers] = await Promise.all([
      Promise.all(load.map((m) => db.callPacks.get([m, revs.get(m) ?? 0, 'facts']))),
      // The safety net for a write that forgot its marker: a month that lost count is read from its rows.
      Promise.all(
        load.map((m) => db.calls.where('startedAt').between(m, monthAfter(m), true, false).count()),
      ),
      db.callChanges.toArray(),
    ]);
    const fresh = markers.filter((k) => memory.taken.get(k.id) !== k.stamp);
    const [rows, active] = await Promise.all([
      db.calls.bulkGet(fresh.map((k) => k.id)),
      // An active call's events carry no marker (one write fewer per event): it is read every time.
      db.calls.where('status').equals('active').toArray(),
    ]);
    return { load, revs, packs, counts, fresh, rows, active };
  });
  const loaded = new Map<number, Month>();
  snap.load.forEach((m, i) => {
    const rev = snap.revs.get(m) ?? 0;
    // The rows are asked for now and come while the figures are unpacked.
    const rows =
      rev > 0 ? db.callPacks.get([m, rev, 'rows']).catch(() => undefined) : Promise.resolve(undefined);
    const month = unpackedMonth(snap.packs[i], rows);
    if (month) loaded.set(m, month);
  });
  const monthAt = (m: number) => memory.months.get(m) ?? loaded.get(m);
  const changed: [CallChangeRow | null, CallRow][] = [];
  const marked = new Set(snap.fresh.map((k) => k.id));
  const pairs: [CallChangeRow | null, CallRow | undefined][] = [
    ...snap.rows.map((row, i): [CallChangeRow | null, CallRow | undefined] => [snap.fresh[i] ?? null, row]),
    ...snap.active.filter((r) => !marked.has(r.id)).map((r): [null, CallRow] => [null, r]),
  ];
  for (const [marker, row] of pairs) {
    const m = monthOf(row?.startedAt ?? 0);
    const month = monthAt(m);
    if (!row || !month) continue;
    // A change is laid over the month's rows: those of a month just read from its pack are taken in.
    if (await readRows(month)) changed.push([marker, row]);
    else loaded.delete(m);
  }
  const facts = await factsOf(
    db,
    changed.map(([, row]) => row),
    bundled,
    (row) => {
      const held = monthAt(monthOf(row.startedAt))?.calls.get(row.id);
      return held && factsKey(held.row) === factsKey(row) ? held.facts : undefined;
    },
  );
  changed.forEach(([marker, row], i) => {
    const month = monthAt(monthOf(row.startedAt));
    if (!month) return;
    // An active call read again unchanged stays the same object: nothing to hand over for it.
    const held = month.calls.get(row.id);
    if (!marker && held && factsKey(held.row) === factsKey(row)) return;
    month.calls.set(row.id, { row, facts: facts[i] as CallFacts });
    month.dirty = true;
    if (marker) memory.taken.set(marker.id, marker.stamp);
  });
  for (const [i, m] of snap.load.entries()) {
    let month = loaded.get(m);
    if (!month || sizeOf(month) !== snap.counts[i]) {
      month = await buildMonth(db, m, snap.revs.get(m) ?? 0, bundled);
      // Its rows were read after the markers: every marked call of the month is in them.
      for (const k of snap.fresh) if (month.calls.has(k.id)) memory.taken.set(k.id, k.stamp);
    }
    memory.months.set(m, month);
  }
  const held = heldMonths(memory, period);
  if (onFacts && held.some(([, month]) => month.unread)) onFacts(periodFacts(held, period));
  for (const [m, month] of held)
    if (!(await readRows(month))) memory.months.set(m, await buildMonth(db, m, month.rev, bundled));
}

/** The calls of a month whose markers it has taken in since it was packed. */
function takenIn(memory: SupervisorMemory, month: Month): string[] {
  return [...memory.taken.keys()].filter((id) => month.calls.has(id));
}

/** The figures of the months' calls that started in the period. */
function periodFacts(held: [number, Month][], period: Period): CallFacts[] {
  const out: CallFacts[] = [];
  for (const [, month] of held)
    for (const f of month.unread?.facts ?? [...month.calls.values()].map((c) => c.facts))
      if (f.startedAt >= period.from && f.startedAt < period.to) out.push(f);
  return out;
}

/** The months' calls that started in the period, newest first. */
function periodCalls(memory: SupervisorMemory, period: Period): SupervisedCall[] {
  const out: SupervisedCall[] = [];
  for (const [, month] of heldMonths(memory, period))
    for (const c of month.calls.values())
      if (c.row.startedAt >= period.from && c.row.startedAt < period.to) out.push(c);
  // Months latest first, each packed newest first: only calls taken in since need moving.
  for (let i = 1; i < out.length; i++)
    if (newestFirst(out[i - 1] as SupervisedCall, out[i] as SupervisedCall) > 0) return out.sort(newestFirst);
  return out;
}

/** Writes a month's pack again; false when another tab packed it meanwhile (its pack stands). */
async function packMonth(db: AppDB, m: number, month: Month, memory: SupervisorMemory): Promise<boolean> {
  let pack;
  try {
    pack = packCalls([...month.calls.values()].sort(newestFirst));
  } catch {
    return false; // a row that does not fit its field: the month is read from its rows each time
  }
  const taken = takenIn(memory, month);
  const rev = month.rev;
  const written = await db.transaction('rw', [db.callPacks, db.callChanges], async () => {
    const keys = await db.callPacks
      .where('[month+rev+part]')
      .between([m, -Infinity, ''], [m, Infinity, '\uffff'])
      .primaryKeys();
    if ((latestRevs(keys).get(m) ?? 0) !== rev) return false;
    await db.callPacks.bulkDelete(keys);
    const side = { month: m, rev: rev + 1, factsVersion: FACTS_VERSION, v: PACK_VERSION, count: pack.count };
    await db.callPacks.bulkPut([
      { ...side, part: 'facts', half: pack.facts },
      { ...side, part: 'rows', half: pack.rows },
    ]);
    // Set before the commit is announced, so this watcher does not take its own pack for another's.
    month.rev = rev + 1;
    const markers = await db.callChanges.bulkGet(taken);
    const cleared = markers.filter((k) => k && memory.taken.get(k.id) === k.stamp).map((k) => k?.id ?? '');
    await db.callChanges.bulkDelete(cleared);
    return true;
  });
  if (!written) return false;
  for (const id of taken) memory.taken.delete(id);
  month.dirty = false;
  return true;
}

/**
 * Packs the months that changed, after the calls are handed over: every month on the first reading
 * (the next opening then reads packs), afterwards a month that took in many changes.
 */
function packLater(db: AppDB, memory: SupervisorMemory, period: Period, first: boolean): void {
  const due = heldMonths(memory, period)
    .filter(([, month]) => month.dirty && (first || takenIn(memory, month).length >= REPACK_AFTER))
    .map(([m]) => m);
  if (due.length === 0) return;
  memory.packing = memory.packing.then(async () => {
    for (const m of due) {
      const month = memory.months.get(m);
      if (!month?.dirty) continue;
      const rev = month.rev;
      // A failure to pack (a full disk) costs only speed: the month is read from its rows next time.
      await packMonth(db, m, month, memory).catch(() => {
        month.rev = rev;
      });
    }
  });
}

/** Every call that started in [from, to), newest first, with its figures. */
export async function loadSupervisedCalls(
  db: AppDB,
  period: Period,
  bundled: FlowLookup,
  memory: SupervisorMemory = supervisorMemory(),
): Promise<SupervisedCall[]> {
  await sync(db, period, memory, bundled);
  const calls = periodCalls(memory, period);
  packLater(db, memory, period, true);
  return calls;
}

/**
 * Hands the listener the period's calls now and after every change to them in any tab: the markers'
 * and the packs' keys are watched, and only the marked calls are read again.
 */
export function watchSupervisedCalls(
  db: AppDB,
  period: Period,
  bundled: FlowLookup,
  memory: SupervisorMemory,
  listener: (calls: SupervisedCall[]) => void,
  onError: (error: unknown) => void,
  onFacts?: (facts: CallFacts[]) => void,
): () => void {
  let ticket = 0;
  let first = true;
  let last: SupervisedCall[] = [];
  const sub = liveQuery(() =>
    db.transaction('r', [db.callChanges, db.callPacks, db.calls], () =>
      Promise.all([
        db.callChanges.toCollection().primaryKeys(),
        db.callPacks.toCollection().primaryKeys(),
        // Each event of an active call rewrites its row, under the same status.
        db.calls.where('status').equals('active').primaryKeys(),
      ]),
    ),
  ).subscribe({
    next: () => {
      const mine = ++ticket;
      // One reading at a time: memory is shared, and a later change is read after the one before.
      memory.packing = memory.packing.then(async () => {
        if (mine !== ticket) return;
        try {
          await sync(db, period, memory, bundled, (facts) => {
            if (mine === ticket) onFacts?.(facts);
          });
          if (mine !== ticket) return;
          const calls = periodCalls(memory, period);
          // A month packed again (by this watcher, too) changes no call: nothing to hand over then.
          if (first || calls.length !== last.length || calls.some((c, i) => c !== last[i])) listener(calls);
          last = calls;
          packLater(db, memory, period, first);
          first = false;
        } catch (error) {
          onError(error);
        }
      });
    },
    error: onError,
  });
  return () => {
    ticket = -1;
    sub.unsubscribe();
  };
}
