// Reads for the supervisor workspace: a period's call summaries and callbacks, with each call's figures
// reduced from its log. Read-only; a call's log is read again only when its summary row says it changed.
import { liveQuery } from 'dexie';
import { analyzeCall, type CallFacts } from '../analytics';
import type { FlowDefinition } from '../flows/types';
import type { AppDB } from './db';
import type { CallbackRow, CallRow } from './callsTables';

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

function factsKey(row: CallRow): string {
  return `${row.lastSeq}|${row.status}|${row.finishedAt}|${row.callerName}|${row.callerPhone}|${row.summary.length}`;
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

/** Reads the logs of calls the cache does not know (or knows in an older state) and reduces them. */
async function withFacts(
  db: AppDB,
  { rows, callbacks }: PeriodRows,
  flowOf: FlowLookup,
  cache: FactsCache,
): Promise<SupervisedCall[]> {
  const stale = rows.filter((r) => cache.get(r.id)?.key !== factsKey(r));
  if (stale.length > 0) {
    // One getAll per call, all sent at once: each log comes back in seq order by its key.
    const logs = await db.transaction('r', db.callEvents, () =>
      Promise.all(
        stale.map((r) => db.callEvents.where('[callId+seq]').between([r.id, 0], [r.id, Infinity]).toArray()),
      ),
    );
    stale.forEach((row, i) => {
      // Reduced without the queue's callback: whether it was kept changes apart from the log.
      const facts = analyzeCall(row, logs[i] ?? [], flowOf(row.flowId, row.flowVersion), null);
      cache.set(row.id, { key: factsKey(row), facts });
    });
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
