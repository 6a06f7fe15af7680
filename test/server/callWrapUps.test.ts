// A call's wrap-up goes up with its events (issue 19): stored once however often it is sent, a later save
// replacing the earlier one in the call's figures and the period's sums, refused with a code for another
// operator's call or another organisation's, and shown in the supervisor's list and record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallWrapUp } from '../../src/analytics/fromLog';
import { loadFlow } from '../calls/helpers';
import { periodDashboard, periodFiguresOf } from '../../src/server/storage/supervision';
import { organisationTimeZone } from '../../src/server/supervision/supervisionCsv';
import {
  addBoris,
  MURMANSK,
  SVERDLOVSK,
  startTestServer,
  type Session,
  type TestServer,
} from './serverHarness';
import { isComplete, OPERATORS, uploadLogs, walkCall } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const URL = '/api/v1/calls/events';
const FLOW = loadFlow('inbound-consultation.json');
const T0 = Date.UTC(2026, 10, 9, 7, 0);
const DAY = 86_400_000;

describe.each(DATABASE_KINDS)('call wrap-ups on %s', (kind) => {
  let server: TestServer;
  let operator: Session;
  let supervisor: Session;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    operator = await server.signInAs(MURMANSK, 'operator');
    supervisor = await server.signInAs(MURMANSK, 'supervisor');
  });
  afterAll(() => server.close());

  /** A completed call of the operator, uploaded without its wrap-up; its end and the wrap-up to save. */
  async function endedCall(startedAt: number) {
    const callId = `wrapped-${kind}-${++n}`;
    const log = walkCall({
      callId,
      flow: FLOW,
      operator: OPERATORS[0]!,
      startedAt,
      transfersBefore: 0,
      turns: Array.from({ length: 6 }, () => ({ pick: 0, waitS: 20 })),
      hangUp: true,
    });
    expect(isComplete(log)).toBe(true);
    await uploadLogs(server, operator, MURMANSK, [log]);
    const endedAt = log.at(-1)!.at;
    const wrapUp: CallWrapUp = {
      savedAt: endedAt + 45_000,
      outcome: null,
      summary: 'Спросила о сроках ответа на обращение',
      topic: 'appeal-deadlines',
      articlesUsed: ['appeal-deadlines'],
      satisfaction: 4,
      surveyOffered: true,
      afterCallMs: 45_000,
    };
    return { callId, wrapUp };
  }

  const send = (as: Session, organisationId: string, callId: string, wrapUp: CallWrapUp) =>
    server.call('POST', URL, { as, body: { organisationId, calls: [{ callId, events: [], wrapUp }] } });
  const figures = (callId: string) =>
    server.db
      .selectFrom('call_figures')
      .select(['topic', 'satisfaction', 'after_call_ms', 'articles'])
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
  const period = (from: number) => ({
    organisationId: MURMANSK,
    now: from + DAY,
    from,
    to: from + DAY,
    filter: {},
  });

  it('stores a wrap-up once however often it is sent, and the call is counted once with it', async () => {
    const from = T0;
    const { callId, wrapUp } = await endedCall(from + 3_600_000);
    expect(await figures(callId)).toMatchObject({ topic: null, satisfaction: null });
    const answers = await Promise.all([1, 2, 3].map(() => send(operator, MURMANSK, callId, wrapUp)));
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ calls: [{ callId, status: 'stored', added: 0 }] });
    }
    const rows = await server.db
      .selectFrom('call_wrapups')
      .selectAll()
      .where('call_id', '=', callId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await figures(callId)).toMatchObject({
      topic: 'appeal-deadlines',
      satisfaction: 4,
      articles: ['appeal-deadlines'],
    });
    expect(Number((await figures(callId)).after_call_ms)).toBe(45_000);
    const dashboard = await periodDashboard(server.db, period(from));
    expect(dashboard.overall.calls).toBe(1);
    expect(dashboard.overall.satisfaction).toMatchObject({ count: 1, average: 4 });
    expect(dashboard.topTopics).toEqual([{ key: 'appeal-deadlines', count: 1 }]);
  });

  it('replaces the first save with a later one, in the figures and the day’s rollups; an older one is ignored', async () => {
    const from = T0 + 2 * DAY;
    const { callId, wrapUp } = await endedCall(from + 3_600_000);
    expect((await send(operator, MURMANSK, callId, wrapUp)).json()).toMatchObject({
      calls: [{ status: 'stored' }],
    });
    const edited: CallWrapUp = {
      ...wrapUp,
      savedAt: wrapUp.savedAt + 60_000,
      topic: 'complaints',
      satisfaction: 2,
    };
    expect((await send(operator, MURMANSK, callId, edited)).json()).toMatchObject({
      calls: [{ status: 'stored' }],
    });
    // The first save's retry arriving late changes nothing.
    expect((await send(operator, MURMANSK, callId, wrapUp)).json()).toMatchObject({
      calls: [{ status: 'stored' }],
    });
    expect(await figures(callId)).toMatchObject({ topic: 'complaints', satisfaction: 2 });
    // The call's whole local day comes from the daily rollups: the call is there once, with the later save.
    const zone = await organisationTimeZone(server.db, MURMANSK);
    const day = await periodFiguresOf(server.db, { ...period(from - DAY), to: from + 2 * DAY }, zone);
    expect(day.dashboard.overall.calls).toBe(1);
    expect(day.dashboard.overall.satisfaction).toMatchObject({
      count: 1,
      average: 2,
      byScore: [0, 1, 0, 0, 0],
    });
    expect(day.dashboard.topTopics).toEqual([{ key: 'complaints', count: 1 }]);
  });

  it('refuses another operator’s call and another organisation’s with a code, changing nothing', async () => {
    const { callId, wrapUp } = await endedCall(T0 + 4 * DAY);
    const boris = await addBoris(server);
    const foreigner = await server.signInAs(SVERDLOVSK, 'operator');
    const forged = { ...wrapUp, topic: 'complaints', satisfaction: 1 };
    const theirs = await send(boris, MURMANSK, callId, forged);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({
      calls: [
        {
          callId,
          status: 'refused',
          code: 'call_not_yours',
          message: 'Этот звонок ведёт другой оператор: сервер не принял его события.',
        },
      ],
    });
    const abroad = await send(foreigner, SVERDLOVSK, callId, forged);
    expect(abroad.json()).toMatchObject({ calls: [{ callId, status: 'refused', code: 'call_not_yours' }] });
    // Naming the call's organisation from another one is refused whole.
    expect((await send(foreigner, MURMANSK, callId, forged)).statusCode).toBe(403);
    // A call the server does not hold: its events go first.
    const unknown = await send(operator, MURMANSK, `nowhere-${kind}`, wrapUp);
    expect(unknown.json()).toMatchObject({ calls: [{ status: 'refused', code: 'sequence_gap' }] });
    expect(await figures(callId)).toMatchObject({ topic: null, satisfaction: null });
    const held = await server.db
      .selectFrom('call_wrapups')
      .select('call_id')
      .where('call_id', '=', callId)
      .execute();
    expect(held).toHaveLength(0);
    // Only operators upload: a supervisor's wrap-up is refused by role.
    expect((await send(supervisor, MURMANSK, callId, wrapUp)).statusCode).toBe(403);
  });

  it('shows the wrap-up in the supervisor’s list and record', async () => {
    const from = T0 + 6 * DAY;
    const { callId, wrapUp } = await endedCall(from + 3_600_000);
    await send(operator, MURMANSK, callId, wrapUp);
    const record = await server.call('GET', `/api/v1/supervision/calls/${callId}`, { as: supervisor });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json()).toMatchObject({
      call: {
        facts: { topic: 'appeal-deadlines', satisfaction: 4, afterCallMs: 45_000 },
        wrapUp: { summary: wrapUp.summary, surveyOffered: true },
      },
    });
    const list = await server.call('GET', `/api/v1/supervision/calls?from=${from}&to=${from + DAY}`, {
      as: supervisor,
    });
    expect(list.json()).toMatchObject({
      calls: [
        {
          facts: { callId, topic: 'appeal-deadlines', satisfaction: 4 },
          wrapUp: { summary: wrapUp.summary },
        },
      ],
    });
  });
});
