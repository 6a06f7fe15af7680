// Reads for the supervisor workspace: a period's call summaries and callbacks, with each call's figures
// reduced from its log. Figures are reduced once and kept (callFacts); a call's log is read again only
// when its summary row says it changed since.
import { liveQuery } from 'dexie';
import { analyzeCall, type CallFacts } from '../analytics';
import type { CallRecordEvent } from '../calls';
import type { FlowDefinition } from '../flows/types';
import { unpackEvents } from './callEventCodec';
import { eventsOf } from './callsRepository';
import type { AppDB } from './db';
import type { CallbackRow, CallFactsRow, CallRow } from './callsTables';

export interface SupervisedCall {
  row: CallRow;
  facts: CallFacts;
}

export type FlowLookup = (flowId: string, version: number) => FlowDefinition | null;

interface Period {
  from: number;
  to: number;
}

/**
 * Figures by call id, with the row state they were reduced from. Every stored event, wrap-up, import or
 * erasure rewrites the summary row, so a row that still matches its key still matches its log.
 */
export type FactsCache = Map<string, { key: string; facts: CallFacts }>;

/** Raised when what analyzeCall reduces changes, so figures kept by an older build are reduced again. */
const FACTS_VERSION = 1;

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

interface PeriodRows {
  rows: CallRow[];
  callbacks: CallbackRow[];
}

/**
 * The period's summary rows, newest first, and their callbacks: cheap next to the logs. Both are read
 * with one getAll each (no cursor: a reversed or `anyOf` query walks 100,000 rows one request at a time).
 */
async function periodRows(db: AppDB, period: Period): Promise<PeriodRows> {
  return db.transaction('r', [db.calls, db.callbacks], async () => {
    const [rows, due] = await Promise.all([
      db.calls.where('startedAt').between(period.from, period.to, true, false).toArray(),
      // A callback falls due after the call that promised it started: later than the period's start.
      db.callbacks.where('dueAt').aboveOrEqual(period.from).toArray(),
    ]);
    const ids = new Set(rows.map((r) => r.id));
    return { rows: rows.reverse(), callbacks: due.filter((c) => ids.has(c.callId)) };
  });
}

/**
 * Fills the cache for calls it does not know (or knows in an older state): from the kept figures when
 * they match the row, else by reading and reducing the log, keeping the result for the next opening.
 */
async function withFacts(
  db: AppDB,
  { rows, callbacks }: PeriodRows,
  flowOf: FlowLookup,
  cache: FactsCache,
): Promise<SupervisedCall[]> {
  let stale = rows.filter((r) => cache.get(r.id)?.key !== factsKey(r));
  if (stale.length > 0) {
    // One getAll over the period's kept figures: the supervisor's usual opening reads nothing else.
    const first = stale[stale.length - 1]?.startedAt ?? 0;
    const last = stale[0]?.startedAt ?? 0;
    const kept = await db.callFacts.where('startedAt').between(first, last, true, true).toArray();
    for (const k of kept) cache.set(k.id, { key: k.key, facts: k.facts });
    stale = stale.filter((r) => cache.get(r.id)?.key !== factsKey(r));
  }
  if (stale.length > 0) {
    // One getAll per call, all sent at once: each log comes back in seq order by its key.
    const logs = await db.transaction('r', [db.callEvents, db.organisations], () =>
      Promise.all(stale.map(async (r) => unpackEvents(db, await eventsOf(db, r.id).toArray()))),
    );
    const reduced = stale.map((row, i) => factsRow(row, logs[i] ?? [], flowOf(row.flowId, row.flowVersion)));
    for (const f of reduced) cache.set(f.id, { key: f.key, facts: f.facts });
    // Kept for the next opening, not waited for; a failure to keep them (a full disk) costs only speed.
    db.callFacts.bulkPut(reduced).catch(() => {});
  }
  const byCall = new Map(callbacks.map((c) => [c.callId, { deadline: c.deadline, doneAt: c.doneAt }]));
  return rows.map((row) => {
    const facts = cache.get(row.id)?.facts;
    if (!facts) throw new Error(`facts of ${row.id} missing`); // every row was reduced just above
    const callback = byCall.get(row.id);
    return { row, facts: callback ? { ...facts, callback } : facts };
  });
}

/** Every call that started in [from, to), newest first, with its figures. */
export async function loadSupervisedCalls(
  db: AppDB,
  period: Period,
  flowOf: FlowLookup,
  cache: FactsCache = new Map(),
): Promise<SupervisedCall[]> {
  return withFacts(db, await periodRows(db, period), flowOf, cache);
}

/**
 * Hands the listener the period's calls now and after every change to them in any tab: the summary
 * rows are watched (each change rewrites one), and only the changed calls' logs are read again.
 */
export function watchSupervisedCalls(
  db: AppDB,
  period: Period,
  flowOf: FlowLookup,
  cache: FactsCache,
  listener: (calls: SupervisedCall[]) => void,
  onError: (error: unknown) => void,
): () => void {
  let ticket = 0;
  const sub = liveQuery(() => periodRows(db, period)).subscribe({
    next: (rows) => {
      const mine = ++ticket;
      withFacts(db, rows, flowOf, cache).then((calls) => {
        if (mine === ticket) listener(calls);
      }, onError);
    },
    error: onError,
  });
  return () => {
    ticket = -1;
    sub.unsubscribe();
  };
}
