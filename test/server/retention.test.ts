// Personal-data retention on the server (issue 19): the organisation's administrator sets the days; after
// them a call's names and phones are gone from its stored events and kept figures, its figures stay, and
// each erasure is recorded. Calls younger than the retention keep everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseExpired } from '../../src/server/storage/retention';
import { SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import type { CallWrapUp } from '../../src/analytics/fromLog';
import { BUNDLED_FLOWS, OPERATORS, uploadLogs, uploadWrapUps, walkCall } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const DAY = 86_400_000;
const FLOW = BUNDLED_FLOWS.find((f) => f.id === 'inbound-appeal-status') ?? BUNDLED_FLOWS[0]!;

const call = (callId: string, startedAt: number) =>
  walkCall({
    callId,
    flow: FLOW,
    operator: OPERATORS[0]!,
    startedAt,
    transfersBefore: 0,
    callerPhone: '+79123456789',
    turns: Array.from({ length: 6 }, () => ({ pick: 0, waitS: 20 })),
    hangUp: true,
    callerName: 'Ольга Ивановна',
  });

/** The wrap-up of a call, its summary naming the caller (free text the retention erases too). */
const wrapUpOf = (log: ReturnType<typeof call>): CallWrapUp => ({
  savedAt: log.at(-1)!.at + 30_000,
  outcome: null,
  summary: 'Ольга Ивановна просила перезвонить на +79123456789',
  topic: 'appeals',
  articlesUsed: [],
  satisfaction: 5,
  surveyOffered: false,
  afterCallMs: 30_000,
});

describe.each(DATABASE_KINDS)('retention on %s', (kind) => {
  let server: TestServer;
  let admin: Session;
  let supervisor: Session;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.signInAs(SVERDLOVSK, 'administrator');
    supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
  });
  afterAll(() => server.close());

  it('erases names and phones after the days set, keeps the figures, and records each erasure', async () => {
    const now = Date.now();
    const operator = await server.signInAs(SVERDLOVSK, 'operator');
    const logs = [call('old', now - 100 * DAY), call('new', now - 10 * DAY)];
    await uploadLogs(
      server,
      operator,
      SVERDLOVSK,
      logs,
      new Map(logs.map((l) => [l[0]!.callId, wrapUpOf(l)])),
    );
    const period = `from=${now - 200 * DAY}&to=${now}`;
    const figures = async () => {
      const res = await server.call('GET', `/api/v1/supervision/dashboard?${period}`, { as: supervisor });
      return res.json<{ dashboard: { overall: unknown; operators: unknown } }>().dashboard;
    };
    const before = await figures();

    expect(
      (await server.call('PUT', '/api/v1/supervision/retention', { as: supervisor, body: { days: 90 } }))
        .statusCode,
    ).toBe(403);
    const set = await server.call('PUT', '/api/v1/supervision/retention', { as: admin, body: { days: 90 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(await eraseExpired(server.db, new Date(now))).toBe(1);
    expect(await eraseExpired(server.db, new Date(now))).toBe(0);

    const old = (await server.call('GET', '/api/v1/supervision/calls/old', { as: supervisor })).body;
    expect(old).not.toContain('Ольга');
    expect(old).not.toContain('79123456789');
    // The wrap-up's summary is gone with them; its topic and rating stay in the figures.
    expect(JSON.parse(old)).toMatchObject({
      call: {
        callerName: null,
        callerPhone: null,
        facts: { erased: true, topic: 'appeals', satisfaction: 5 },
        wrapUp: { summary: '' },
      },
    });
    // A wrap-up of the erased call arriving late (saved again) keeps no free text either.
    const late = { ...wrapUpOf(logs[0]!), savedAt: wrapUpOf(logs[0]!).savedAt + 1 };
    await uploadWrapUps(server, operator, SVERDLOVSK, [{ callId: 'old', wrapUp: late }]);
    const again = (await server.call('GET', '/api/v1/supervision/calls/old', { as: supervisor })).body;
    expect(again).not.toContain('Ольга');
    expect(again).not.toContain('79123456789');
    const fresh = (await server.call('GET', '/api/v1/supervision/calls/new', { as: supervisor })).body;
    expect(fresh).toContain('Ольга Ивановна');

    // The figures stay (an erased need leaves the top needs, as on the workstation).
    const after = await figures();
    expect(after.overall).toEqual(before.overall);
    expect(after.operators).toEqual(before.operators);
    const retention = await server.call('GET', '/api/v1/supervision/retention', { as: supervisor });
    expect(retention.json()).toMatchObject({ days: 90, erasures: [{ callId: 'old' }] });
    expect(retention.json<{ erasures: { events: number }[] }>().erasures[0]?.events).toBeGreaterThan(0);
  });

  it('erases them from the events kept aside after a take-over too', async () => {
    const now = Date.now();
    const operator = await server.signInAs(SVERDLOVSK, 'operator');
    const lease = async (deviceId: string) =>
      (
        await server.call('POST', '/api/v1/calls/lease', { as: operator, body: { deviceId, takeOver: true } })
      ).json<{ deviceId: string; epoch: number }>();
    const upload = (events: ReturnType<typeof call>, held: { deviceId: string; epoch: number }) =>
      server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: { organisationId: SVERDLOVSK, lease: held, calls: [{ callId: 'aside', events }] },
      });
    const log = call('aside', now - 100 * DAY);
    const desk = await lease('desk');
    await upload(log.slice(0, 1), desk);
    await lease('laptop');
    // The desk, not yet told, sends the caller's name and phone: kept aside. It takes the calls back
    // and the call ends: they go back into it.
    expect((await upload(log.slice(1, -1), desk)).json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    expect((await upload(log.slice(-1), await lease('desk'))).json()).toMatchObject({
      calls: [{ status: 'stored' }],
    });
    const kept = async () =>
      JSON.stringify(
        await server.db
          .selectFrom('fenced_call_events')
          .select('payload')
          .where('call_id', '=', 'aside')
          .execute(),
      );
    expect(await kept()).toContain('Ольга Ивановна');
    expect(await eraseExpired(server.db, new Date(now))).toBe(1);
    expect(await kept()).not.toContain('Ольга');
    expect(await kept()).not.toContain('79123456789');
  });
});
