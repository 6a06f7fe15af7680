// Browser half of the storage bench (issue 8): realistic calls written to the app's real Dexie schema,
// through the operator workspace's own write path, and the IndexedDB usage Chromium reports for them.
import { AppDB } from '../../../src/db/db';
import { appendCallEvent, beginCall, claimCallOwnership, finishCall } from '../../../src/db/callsRepository';
import { benchCalls, finishedRow, type BenchCall } from './benchCalls';

const FROM = Date.UTC(2026, 0, 12, 4, 0);

async function usage(): Promise<number> {
  const e = await navigator.storage.estimate();
  return e.usage ?? 0;
}

/** The call as the operator workspace stores it: begin, one transaction per event, then the wrap-up. */
async function recordCall(db: AppDB, c: BenchCall, epoch: number): Promise<void> {
  const [first, ...rest] = c.events;
  if (!first) return;
  await beginCall(db, { row: c.row, first: first.record, epoch });
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

/** Bulk puts of the same rows the write path leaves behind: how a year of calls is laid down quickly. */
export async function bulkStore(
  db: AppDB,
  count: number,
  from = FROM,
  batch = 2000,
  spacingMs = 60_000,
): Promise<void> {
  for (let i = 0; i < count; i += batch) {
    const calls = benchCalls(Math.min(batch, count - i), from, spacingMs, i);
    await db.transaction('rw', [db.calls, db.callEvents, db.callbacks], async () => {
      await db.calls.bulkPut(calls.map(finishedRow));
      await db.callEvents.bulkPut(calls.flatMap((c) => c.events.map((e) => e.record)));
      await db.callbacks.bulkPut(calls.flatMap((c) => (c.callback ? [c.callback] : [])));
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

  /** Lays down `count` calls in bulk and reports the usage Chromium estimates for the database. */
  async bulk(count: number, keep: boolean) {
    const name = `bench-storage-bulk-${count}`;
    await new AppDB(name).delete();
    const db = new AppDB(name);
    await db.open();
    const before = await usage();
    const t0 = performance.now();
    await bulkStore(db, count);
    const bulkMs = performance.now() - t0;
    const after = await usage();
    const stored = await db.calls.count();
    if (keep) db.close();
    else await db.delete();
    return { bulkMs, bytes: after - before, stored, name };
  },
};
