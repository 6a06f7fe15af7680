// Browser half of the storage bench (issue 8): realistic calls written to the app's real Dexie schema,
// through the operator workspace's own write path, and the IndexedDB usage Chromium reports for them.
import { packEvents } from '../../../src/db/callEventCodec';
import { AppDB } from '../../../src/db/db';
import { finishCall } from '../../../src/db/callsFinish';
import { appendCallEvent, beginCall, claimCallOwnership } from '../../../src/db/callsRepository';
import { factsRow } from '../../../src/db/supervisorRepository';
import { benchCalls, benchFlow, finishedRow, type BenchCall } from './benchCalls';

const FROM = Date.UTC(2026, 0, 12, 4, 0);

async function usage(): Promise<number> {
  const e = await navigator.storage.estimate();
  return e.usage ?? 0;
}

/** The call as the operator workspace stores it: begin, one transaction per event, then the wrap-up. */
async function recordCall(db: AppDB, c: BenchCall, epoch: number): Promise<void> {
  const [first, ...rest] = c.events;
  if (!first) return;
  await beginCall(db, { row: c.row, first: first.record, epoch, flow: benchFlow() });
  for (const e of rest) {
    const callback = e.record.event.type === 'operator.callback' ? c.callback : null;
    await appendCallEvent(db, { record: e.record, row: e.row, callback, epoch });
  }
  await finishCall(db, {
    callId: c.row.id,
    patch: c.finish,
    epoch,
    callback: c.callback,
    fulfilled: null,
  });
}

export interface BulkOptions {
  from?: number;
  batch?: number;
  spacingMs?: number;
  /** The logs, as the write path leaves them (default); without them, only what a dashboard reads. */
  logs?: boolean;
  /** Each call's figures as the supervisor's first opening (or an import) keeps them. */
  facts?: boolean;
}

/**
 * Bulk puts of the same rows the write path leaves behind (each organisation once, each start naming
 * it), and the kept figures when asked: how a year of calls is laid down quickly.
 */
export async function bulkStore(db: AppDB, count: number, options: BulkOptions = {}): Promise<void> {
  const { from = FROM, batch = 2000, spacingMs = 60_000, logs = true, facts = false } = options;
  const tables = [db.calls, db.callEvents, db.callbacks, db.organisations, db.callFacts];
  for (let i = 0; i < count; i += batch) {
    const calls = benchCalls(Math.min(batch, count - i), from, spacingMs, i);
    const rows = calls.map(finishedRow);
    const packed = packEvents(logs ? calls.flatMap((c) => c.events.map((e) => e.record)) : []);
    const kept = facts
      ? calls.map((c, j) =>
          factsRow(
            rows[j] ?? finishedRow(c),
            c.events.map((e) => e.record),
            benchFlow(),
          ),
        )
      : [];
    await db.transaction('rw', tables, async () => {
      await db.calls.bulkPut(rows);
      await db.callEvents.bulkPut(packed.rows);
      await db.organisations.bulkPut(packed.organisations);
      await db.callbacks.bulkPut(calls.flatMap((c) => (c.callback ? [c.callback] : [])));
      await db.callFacts.bulkPut(kept);
    });
  }
}

export const storageBench = {
  /** Records `count` calls through the app's write path; bytes per call from the usage delta. */
  async record(count: number) {
    const db = new AppDB(`bench-storage-record-${Date.now()}`);
    await db.open();
    const epoch = await claimCallOwnership(db);
    const calls = benchCalls(count, FROM);
    const before = await usage();
    const t0 = performance.now();
    for (const c of calls) await recordCall(db, c, epoch);
    const recordMs = performance.now() - t0;
    const after = await usage();
    const stored = await db.calls.where('status').equals('ended').count();
    const events = calls.reduce((s, c) => s + c.events.length, 0);
    const json = calls.reduce(
      (s, c) => s + JSON.stringify([finishedRow(c), c.events.map((e) => e.record), c.callback]).length,
      0,
    );
    await db.delete();
    return { recordMs, bytes: after - before, stored, events, jsonChars: json };
  },

  /**
   * Lays down `count` calls in bulk, with the figures a supervisor keeps for each, and reports the usage
   * Chromium estimates for the database.
   */
  async bulk(count: number, keep: boolean) {
    const name = `bench-storage-bulk-${count}`;
    await new AppDB(name).delete();
    const db = new AppDB(name);
    await db.open();
    const before = await usage();
    const t0 = performance.now();
    await bulkStore(db, count, { facts: true });
    const bulkMs = performance.now() - t0;
    const after = await usage();
    const stored = await db.calls.count();
    if (keep) db.close();
    else await db.delete();
    return { bulkMs, bytes: after - before, stored, name };
  },
};
