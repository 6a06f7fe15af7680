// Operators get what is published (issue 18): the catalogue the server sends lands in the workstation's
// one catalogue of flow versions; the next call takes the newest version in force, a scheduled version
// takes over at its time by the server's clock (the workstation's own timer, no network), a version a
// call ran stays, and a workstation that cannot reach the server keeps what it had and knows its age.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AppDB,
  beginCall,
  claimCallOwnership,
  loadPublishedFlows,
  watchPublishedFlows,
  type PublishedFlows,
} from '../../../src/db';
import { seedBundledFlows } from '../../../src/db/editor';
import { restoreFlow } from '../../../src/flows/restore';
import type { FlowDefinition } from '../../../src/flows/types';
import type { PublishedFlow } from '../../../src/protocol';
import { recordedCalls } from '../../fixtures/analytics/calls';
import { withPublished } from '../../../src/services/flowCatalog';
import {
  startFlowUpdates,
  type FlowCatalogueAnswer,
  type FlowUpdatesStatus,
} from '../../../src/services/centreFlows/flowUpdates';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 7, 9, 0);

function minimal(version = 1, greeting = 'Здравствуйте!'): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  const steps = r.flow.steps.map((s, i) => (i === 0 ? { ...s, say: greeting } : s));
  return { ...r.flow, version, steps };
}
const greetingOf = (f: FlowDefinition | undefined) => f?.steps[0]?.say;

function published(flow: FlowDefinition, effectiveAt: number, publishedAt = NOW - MINUTE): PublishedFlow {
  return {
    flowId: flow.id,
    version: flow.version,
    title: flow.title,
    publishedAt: new Date(publishedAt).toISOString(),
    effectiveAt: new Date(effectiveAt).toISOString(),
    author: null,
    note: '',
    definition: flow as unknown as Record<string, unknown>,
  };
}

let n = 0;
const open: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`centre-flows-${++n}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  vi.useRealTimers();
  for (const db of open.splice(0)) await db.delete();
});

/** The flow a new call starts with on this workstation (the bundled v1 with what storage holds over it). */
async function nextCallFlow(db: AppDB, now?: number): Promise<FlowDefinition | undefined> {
  const catalog = withPublished({ flows: [minimal(1)], invalid: [] }, await loadPublishedFlows(db, now));
  return catalog.flows[0];
}

function server(answer: () => FlowCatalogueAnswer | Error) {
  return () => {
    const a = answer();
    return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
  };
}

describe('the flows the centre publishes, on a workstation', () => {
  it('starts the next call on the newest version in force, and a scheduled one only from its time', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal(1)], 0);
    const monday = NOW + 3 * 24 * 60 * MINUTE;
    const updates = startFlowUpdates({
      db,
      now: () => NOW,
      fetchCatalogue: server(() => ({
        current: [published(minimal(2, 'Добрый день!'), NOW - MINUTE)],
        scheduled: [published(minimal(3, 'С понедельника: добрый день!'), monday)],
        serverTime: new Date(NOW).toISOString(),
      })),
    });
    await updates.refresh();
    expect(greetingOf(await nextCallFlow(db, NOW))).toBe('Добрый день!');
    expect((await nextCallFlow(db, NOW))?.version).toBe(2);
    expect(greetingOf(await nextCallFlow(db, monday - 1))).toBe('Добрый день!');
    expect(greetingOf(await nextCallFlow(db, monday))).toBe('С понедельника: добрый день!');
    expect((await loadPublishedFlows(db, NOW)).nextSwitchAt).toBe(monday);
    // Nothing asks for the newest version of a flow and finds the scheduled one before its time.
    expect((await loadPublishedFlows(db, monday - 1)).all.map((f) => f.version)).not.toContain(3);
    expect((await loadPublishedFlows(db, monday)).all.map((f) => f.version)).toContain(3);
  });

  it('switches at the server’s time, whatever the workstation’s clock says', async () => {
    const db = freshDb();
    // This workstation's clock is 10 minutes slow: the server's 09:30 is its 09:20.
    const slow = 10 * MINUTE;
    const at = NOW + 30 * MINUTE;
    const updates = startFlowUpdates({
      db,
      now: () => NOW - slow,
      fetchCatalogue: server(() => ({
        current: [published(minimal(2), NOW - MINUTE)],
        scheduled: [published(minimal(3, 'Новая строка'), at)],
        serverTime: new Date(NOW).toISOString(),
      })),
    });
    await updates.refresh();
    expect((await nextCallFlow(db, at - slow - 1))?.version).toBe(2);
    expect((await nextCallFlow(db, at - slow))?.version).toBe(3);
    expect((await loadPublishedFlows(db, NOW - slow)).nextSwitchAt).toBe(at - slow);
  });

  it('tells the watcher at the scheduled time, with no write and no network', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    const db = freshDb();
    const at = NOW + 5 * MINUTE;
    await startFlowUpdates({
      db,
      fetchCatalogue: server(() => ({
        current: [published(minimal(2), NOW - MINUTE)],
        scheduled: [published(minimal(3, 'Новая строка'), at)],
        serverTime: new Date(NOW).toISOString(),
      })),
    }).refresh();
    const seen: PublishedFlows[] = [];
    const stop = watchPublishedFlows(db, (f) => seen.push(f));
    await vi.waitFor(() => expect(seen.at(-1)?.current.map((f) => f.version)).toEqual([2]));
    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1000);
    expect(seen.at(-1)?.current.map((f) => f.version)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(seen.at(-1)?.current.map((f) => f.version)).toEqual([3]));
    expect(seen.at(-1)?.nextSwitchAt).toBeNull();
    stop();
  });

  it('keeps every version a call ran, and the call’s own version, after newer ones arrive', async () => {
    const db = freshDb();
    const v2 = minimal(2, 'Версия два');
    let current = [published(v2, NOW - MINUTE)];
    const updates = startFlowUpdates({
      db,
      now: () => NOW,
      fetchCatalogue: server(() => ({ current, scheduled: [], serverTime: new Date(NOW).toISOString() })),
    });
    await updates.refresh();
    const flow = await nextCallFlow(db, NOW);
    if (!flow) throw new Error('no flow');
    // A call begins on version 2, as the operator's call begins (the fixture's first call, on this flow).
    const [made] = recordedCalls();
    const first = made?.log[0];
    if (!made || !first) throw new Error('fixture call without a start');
    const epoch = await claimCallOwnership(db);
    await beginCall(db, {
      row: { ...made.row, status: 'active', flowId: flow.id, flowVersion: flow.version },
      first,
      epoch,
      flow,
    });
    current = [published(minimal(4, 'Версия четыре'), NOW)];
    await updates.refresh();
    expect((await nextCallFlow(db, NOW))?.version).toBe(4);
    // The server no longer lists version 2 as current: the call's own copy is still here to replay.
    const all = (await loadPublishedFlows(db, NOW)).all;
    expect(greetingOf(all.find((f) => f.version === 2))).toBe('Версия два');
    expect(greetingOf((await db.callFlows.get([flow.id, 2]))?.flow)).toBe('Версия два');
  });

  it('keeps what it had when the server cannot be reached, and knows how old it is', async () => {
    const db = freshDb();
    let up = true;
    let clock = NOW;
    const statuses: FlowUpdatesStatus[] = [];
    const fetchCatalogue = server(() =>
      up
        ? {
            current: [published(minimal(2), NOW - MINUTE)],
            scheduled: [],
            serverTime: new Date(clock).toISOString(),
          }
        : new TypeError('Failed to fetch'),
    );
    const first = startFlowUpdates({ db, now: () => clock, fetchCatalogue });
    first.subscribe((s) => statuses.push(s));
    await first.refresh();
    expect(statuses.at(-1)).toEqual({ fetchedAt: NOW, reachable: true });
    first.stop();

    // The next start, two hours later, with the server out of reach.
    up = false;
    clock = NOW + 120 * MINUTE;
    const second = startFlowUpdates({ db, now: () => clock, fetchCatalogue });
    const later: FlowUpdatesStatus[] = [];
    second.subscribe((s) => later.push(s));
    await second.refresh();
    await vi.waitFor(() => expect(later.at(-1)).toEqual({ fetchedAt: NOW, reachable: false }));
    expect((await nextCallFlow(db, clock))?.version).toBe(2);
  });

  it('leaves a workstation that never signed in exactly as it was', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal(1)], 0);
    const loaded = await loadPublishedFlows(db, NOW);
    expect(loaded.nextSwitchAt).toBeNull();
    expect((await nextCallFlow(db, NOW))?.version).toBe(1);
  });
});
