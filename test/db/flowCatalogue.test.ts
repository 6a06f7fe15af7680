import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { beginCall, claimCallOwnership } from '../../src/db/callsRepository';
import { AppDB } from '../../src/db/db';
import { loadPublishedFlows } from '../../src/db';
import { loadSupervisedCalls } from '../../src/db/supervisorRepository';
import { withPublished } from '../../src/services/flowCatalog';
import { TUESDAY_1030 } from '../calls/helpers';
import { FLOW, HOUR, LOOSE_FLOW, recordedCalls } from '../fixtures/analytics/calls';

const opened: AppDB[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const fixture = recordedCalls();
const DAY = 24 * HOUR;
const period = { from: TUESDAY_1030 - DAY, to: TUESDAY_1030 + 2 * DAY };
/** A newer build: it carries neither version the calls ran. */
const newerBuild = () => null;

function freshDb(): AppDB {
  const db = new AppDB(`flow-catalogue-${++n}`);
  opened.push(db);
  return db;
}

/** The calls stored as the operator stores them: each begun with the flow it runs, then the rest. */
async function callsMadeHere(db: AppDB): Promise<void> {
  const epoch = await claimCallOwnership(db);
  for (const c of fixture) {
    const [first] = c.log;
    const flow = [FLOW, LOOSE_FLOW].find((f) => f.id === c.row.flowId);
    if (!first || !flow) throw new Error('fixture call without a start or a flow');
    await beginCall(db, { row: { ...c.row, status: 'active' }, first, epoch, flow });
    await db.calls.put(c.row);
  }
  await db.callEvents.bulkPut(fixture.flatMap((c) => c.log));
  await db.callbacks.bulkPut(fixture.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
}

describe('one catalogue of flow versions', () => {
  it('a call on a bundled version a newer build replaced keeps its stage times and adherence', async () => {
    const db = freshDb();
    await callsMadeHere(db);
    const calls = await loadSupervisedCalls(db, period, newerBuild);
    const c1 = calls.find((c) => c.row.id === 'c1');
    expect(c1?.facts.stageMs.identification).toBeGreaterThan(0);
    expect(c1?.facts.adherence.rephrased).not.toBeNull();
    for (const c of fixture) {
      const flow = c.row.flowId === LOOSE_FLOW.id ? LOOSE_FLOW : FLOW;
      expect(calls.find((x) => x.row.id === c.row.id)?.facts).toEqual(
        analyzeCall(c.row, c.log, flow, c.callback),
      );
    }
  });

  it('a call on a version published in the editor gets its stage times and adherence', async () => {
    const db = freshDb();
    // Calls stored before the catalogue kept what they ran: only the editor's versions are there.
    await db.calls.bulkPut(fixture.map((c) => c.row));
    await db.callEvents.bulkPut(fixture.flatMap((c) => c.log));
    await db.callbacks.bulkPut(fixture.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
    await db.flowVersions.bulkAdd(
      [FLOW, LOOSE_FLOW].map((flow) => ({
        flowId: flow.id,
        version: flow.version,
        flow,
        publishedAt: TUESDAY_1030,
        source: 'editor' as const,
      })),
    );
    const calls = await loadSupervisedCalls(db, period, newerBuild);
    for (const c of fixture) {
      const flow = c.row.flowId === LOOSE_FLOW.id ? LOOSE_FLOW : FLOW;
      expect(calls.find((x) => x.row.id === c.row.id)?.facts).toEqual(
        analyzeCall(c.row, c.log, flow, c.callback),
      );
    }
  });

  it("the operator's catalogue keeps the version an active call began with, for its resumption", async () => {
    const db = freshDb();
    await callsMadeHere(db);
    // A newer build ships version 4 of the flow the calls ran as version 3.
    const newer = { ...FLOW, version: FLOW.version + 1, title: 'Новая версия' };
    const catalog = withPublished({ flows: [newer], invalid: [] }, await loadPublishedFlows(db));
    expect(catalog.flows.find((f) => f.id === FLOW.id)).toEqual(newer);
    expect(catalog.versions?.find((f) => f.id === FLOW.id && f.version === FLOW.version)).toEqual(FLOW);
  });
});
