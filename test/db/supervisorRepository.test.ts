import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall, type CallFacts } from '../../src/analytics';
import { AppDB } from '../../src/db/db';
import { finishCall } from '../../src/db/callsFinish';
import {
  appendCallEvent,
  beginCall,
  claimCallOwnership,
  markCallsChanged,
} from '../../src/db/callsRepository';
import { eraseExpiredPersonalData } from '../../src/db/retentionRepository';
import {
  loadSupervisedCalls,
  supervisorMemory,
  watchSupervisedCalls,
  type SupervisedCall,
} from '../../src/db/supervisorRepository';
import { TUESDAY_1030 } from '../calls/helpers';
import { FLOW, FLOWS, HOUR, recordedCalls } from '../fixtures/analytics/calls';

const opened: AppDB[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const fixture = recordedCalls();
const flowOf = (id: string, v: number) => FLOWS.find((f) => f.id === id && f.version === v) ?? null;
const DAY = 24 * HOUR;
const period = { from: TUESDAY_1030 - DAY, to: TUESDAY_1030 + 2 * DAY };

async function seeded(): Promise<AppDB> {
  const db = new AppDB(`supervisor-repo-${++n}`);
  opened.push(db);
  await db.calls.bulkPut(fixture.map((c) => c.row));
  await db.callEvents.bulkPut(fixture.flatMap((c) => c.log));
  await db.callbacks.bulkPut(fixture.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
  return db;
}

/** A workspace watching the period: every list of calls it was handed. */
function watched(db: AppDB, onFacts?: (facts: CallFacts[]) => void) {
  const seen: SupervisedCall[][] = [];
  const stop = watchSupervisedCalls(
    db,
    period,
    flowOf,
    supervisorMemory(),
    (c) => seen.push(c),
    () => {},
    onFacts,
  );
  return { seen, stop };
}

describe('supervised calls', () => {
  it('gives every call of the period, newest first, with the figures of its log and callback', async () => {
    const db = await seeded();
    const calls = await loadSupervisedCalls(db, period, flowOf);
    expect(calls.map((c) => c.row.id)).toEqual(
      [...fixture].sort((a, b) => b.row.startedAt - a.row.startedAt).map((c) => c.row.id),
    );
    for (const c of fixture)
      expect(calls.find((x) => x.row.id === c.row.id)?.facts).toEqual(
        analyzeCall(c.row, c.log, flowOf(c.row.flowId, c.row.flowVersion), c.callback),
      );
  });

  it('a callback kept later shows at once, though the call that promised it did not change', async () => {
    const db = await seeded();
    const cache = supervisorMemory();
    const before = await loadSupervisedCalls(db, period, flowOf, cache);
    expect(before.find((c) => c.row.id === 'c6')?.facts.callback?.doneAt).toBeNull();
    const done = TUESDAY_1030 + 4 * HOUR;
    // An outbound call fulfils it, as the callbacks queue has the operator do.
    const epoch = (await db.callLease.get('owner'))?.epoch ?? 0;
    await finishCall(db, {
      callId: 'c1',
      patch: {},
      epoch,
      callback: null,
      fulfilled: { callbackId: 'c6:callback', at: done },
    });
    const after = await loadSupervisedCalls(db, period, flowOf, cache);
    expect(after.find((c) => c.row.id === 'c6')?.facts.callback?.doneAt).toBe(done);
  });

  it('hears of a purge: the watched calls lose their callers and needs', async () => {
    const db = await seeded();
    const { seen, stop } = watched(db);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]?.find((c) => c.row.id === 'c1')?.facts.need).toBe('справка о доходах');
    await eraseExpiredPersonalData(db, TUESDAY_1030 + 200 * DAY, undefined, flowOf);
    await expect.poll(() => seen.length).toBeGreaterThan(1);
    const last = seen.at(-1);
    stop();
    expect(last?.find((c) => c.row.id === 'c1')?.row.callerName).toBeNull();
    expect(last?.find((c) => c.row.id === 'c1')?.facts.need).toBeNull();
    expect(last?.find((c) => c.row.id === 'c1')?.facts.outcome).toBe('resolved');
  });

  it('a later opening takes the kept figures and reads no log, until the call changes', async () => {
    const db = await seeded();
    const first = await loadSupervisedCalls(db, period, flowOf);
    await expect.poll(() => db.callFacts.count()).toBe(fixture.length);
    // Without the logs, only the kept figures can give the same answer to a new workspace (new cache).
    const logs = await db.callEvents.toArray();
    await db.callEvents.clear();
    expect(await loadSupervisedCalls(db, period, flowOf, supervisorMemory())).toEqual(first);
    // A call that changed since (a later wrap-up) is reduced again from its log, not taken as kept.
    await db.callEvents.bulkPut(logs);
    const c1 = fixture.find((c) => c.row.id === 'c1');
    if (!c1) throw new Error('fixture lost c1');
    // As every writer of a summary row does, the call is marked changed in the same transaction.
    await db.transaction('rw', [db.calls, db.callChanges], async () => {
      await db.calls.update('c1', { topic: 'другая', finishedAt: (c1.row.finishedAt ?? 0) + 1 });
      await markCallsChanged(db, ['c1']);
    });
    const again = await loadSupervisedCalls(db, period, flowOf, supervisorMemory());
    expect(again.find((c) => c.row.id === 'c1')?.facts.topic).toBe('другая');
  });
});

describe('month packs', () => {
  const c6 = fixture.find((c) => c.row.id === 'c6');
  if (!c6) throw new Error('fixture lost c6');

  /** Opens the workspace and waits for it to pack what it read. */
  async function opened(db: AppDB, memory = supervisorMemory()): Promise<SupervisedCall[]> {
    const calls = await loadSupervisedCalls(db, period, flowOf, memory);
    await memory.packing;
    return calls;
  }

  it('a new workspace reads the months packed by the opening before, with no row figures or logs', async () => {
    const db = await seeded();
    const first = await opened(db);
    expect(await db.callPacks.count()).toBeGreaterThan(0);
    // Without logs and kept figures, only the packs can give the same answer to a new workspace.
    await db.callEvents.clear();
    await db.callFacts.clear();
    expect(await loadSupervisedCalls(db, period, flowOf)).toEqual(first);
  });

  it('a call stored after its month was packed shows in the next opening, and is packed in turn', async () => {
    const db = await seeded();
    await db.calls.delete('c6');
    await db.callEvents.where('[callId+seq]').between(['c6', -Infinity], ['c6', Infinity]).delete();
    const before = await opened(db);
    expect(before.map((c) => c.row.id)).not.toContain('c6');
    const epoch = (await db.callLease.get('owner'))?.epoch ?? 0;
    await finishCall(db, {
      callId: 'c6',
      patch: {},
      epoch,
      callback: null,
      fulfilled: null,
      log: c6.log,
      row: c6.row,
    });
    expect(await db.callChanges.count()).toBe(1);
    const revs = await db.callPacks.toCollection().primaryKeys();
    const after = await opened(db);
    const got = after.find((c) => c.row.id === 'c6');
    expect(got?.facts).toEqual(
      analyzeCall(c6.row, c6.log, flowOf(c6.row.flowId, c6.row.flowVersion), c6.callback),
    );
    // The opening packed the month again with the call in it and cleared the marker.
    expect(await db.callChanges.count()).toBe(0);
    expect(await db.callPacks.toCollection().primaryKeys()).not.toEqual(revs);
    await db.callEvents.clear();
    expect(await loadSupervisedCalls(db, period, flowOf)).toEqual(after);
  });

  it('a watcher over packed months hears their figures first, the same as the calls that follow', async () => {
    const db = await seeded();
    await opened(db);
    let figures: CallFacts[] = [];
    let listsBefore = -1;
    const { seen, stop } = watched(db, (f) => {
      figures = f;
      listsBefore = seen.length;
    });
    await expect.poll(() => seen.length).toBe(1);
    // The figures came before any list of calls.
    expect(listsBefore).toBe(0);
    stop();
    const calls = seen[0] ?? [];
    const byId = (list: CallFacts[]) => [...list].sort((a, b) => a.callId.localeCompare(b.callId));
    expect(byId(figures)).toEqual(byId(calls.map((c) => c.facts)));
    expect(calls).toHaveLength(fixture.length);
  });

  it("a watcher follows an active call's events, which write no marker", async () => {
    const db = await seeded();
    await db.calls.delete('c6');
    await db.callEvents.where('[callId+seq]').between(['c6', -Infinity], ['c6', Infinity]).delete();
    await opened(db);
    const { seen, stop } = watched(db);
    await expect.poll(() => seen.length).toBe(1);
    const epoch = await claimCallOwnership(db);
    const [first, second] = c6.log;
    if (!first || !second) throw new Error('fixture log too short');
    const active = { ...c6.row, status: 'active' as const, finishedAt: null, lastSeq: 0 };
    await beginCall(db, { row: active, first, epoch, flow: FLOW });
    await expect.poll(() => seen.at(-1)?.find((c) => c.row.id === 'c6')?.row.lastSeq).toBe(0);
    const markers = await db.callChanges.count();
    await appendCallEvent(db, { record: second, row: { ...active, lastSeq: 1 }, callback: null, epoch });
    expect(await db.callChanges.count()).toBe(markers);
    await expect.poll(() => seen.at(-1)?.find((c) => c.row.id === 'c6')?.row.lastSeq).toBe(1);
    stop();
  });

  it('a row written without its marker is still found: a month that lost count is read from its rows', async () => {
    const db = await seeded();
    await db.calls.delete('c6');
    await opened(db);
    await db.calls.put(c6.row);
    const calls = await loadSupervisedCalls(db, period, flowOf);
    expect(calls.find((c) => c.row.id === 'c6')?.facts.outcome).toBe(c6.row.outcome);
  });

  it('a damaged pack is read from the rows instead', async () => {
    const db = await seeded();
    const first = await opened(db);
    const keys = await db.callPacks.toCollection().primaryKeys();
    for (const key of keys) await db.callPacks.update(key, { 'half.i32': new Int32Array(3) });
    expect(keys.length).toBeGreaterThan(0);
    expect(await loadSupervisedCalls(db, period, flowOf)).toEqual(first);
  });

  it('a workspace watching hears of a change another one packed', async () => {
    const db = await seeded();
    await opened(db);
    const { seen, stop } = watched(db);
    await expect.poll(() => seen.length).toBe(1);
    const epoch = (await db.callLease.get('owner'))?.epoch ?? 0;
    await finishCall(db, {
      callId: 'c1',
      patch: { topic: 'другая' },
      epoch,
      callback: null,
      fulfilled: null,
    });
    // Another workspace takes the change in and packs it, clearing the marker.
    const other = supervisorMemory();
    await opened(db, other);
    expect(await db.callChanges.count()).toBe(0);
    await expect.poll(() => seen.at(-1)?.find((c) => c.row.id === 'c1')?.row.topic).toBe('другая');
    stop();
  });
});
