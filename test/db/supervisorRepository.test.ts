import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { AppDB } from '../../src/db/db';
import { eraseExpiredPersonalData } from '../../src/db/retentionRepository';
import {
  loadSupervisedCalls,
  watchSupervisedCalls,
  type FactsCache,
  type SupervisedCall,
} from '../../src/db/supervisorRepository';
import { TUESDAY_1030 } from '../calls/helpers';
import { FLOWS, HOUR, recordedCalls } from '../fixtures/analytics/calls';

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
    const cache: FactsCache = new Map();
    const before = await loadSupervisedCalls(db, period, flowOf, cache);
    expect(before.find((c) => c.row.id === 'c6')?.facts.callback?.doneAt).toBeNull();
    const done = TUESDAY_1030 + 4 * HOUR;
    await db.callbacks.update('c6:callback', { status: 'done', doneAt: done });
    const after = await loadSupervisedCalls(db, period, flowOf, cache);
    expect(after.find((c) => c.row.id === 'c6')?.facts.callback?.doneAt).toBe(done);
  });

  it('hears of a purge: the watched calls lose their callers and needs', async () => {
    const db = await seeded();
    const seen: SupervisedCall[][] = [];
    const stop = watchSupervisedCalls(
      db,
      period,
      flowOf,
      new Map(),
      (c) => seen.push(c),
      () => {},
    );
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
    expect(await loadSupervisedCalls(db, period, flowOf, new Map())).toEqual(first);
    // A call that changed since (a later wrap-up) is reduced again from its log, not taken as kept.
    await db.callEvents.bulkPut(logs);
    const c1 = fixture.find((c) => c.row.id === 'c1');
    if (!c1) throw new Error('fixture lost c1');
    await db.calls.update('c1', { topic: 'другая', finishedAt: (c1.row.finishedAt ?? 0) + 1 });
    const again = await loadSupervisedCalls(db, period, flowOf, new Map());
    expect(again.find((c) => c.row.id === 'c1')?.facts.topic).toBe('другая');
  });
});
