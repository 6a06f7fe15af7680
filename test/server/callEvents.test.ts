// Calls going up (issue 17): every event stored once by (callId, seq) however often it is sent, and every
// refusal in Russian with a code, the server keeping everything it already had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCallEvents, listCallEvents } from '../../src/server/storage/callEvents';
import { batch, callEvent, callEvents, FLOW } from './callEventsKit';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

const URL = '/api/v1/calls/events';

describe.each(DATABASE_KINDS)('call events on %s', (kind) => {
  let server: TestServer;
  let operator: Session;
  let n = 0;
  const newCall = () => `call-${kind}-${++n}`;
  const upload = (as: Session, body: unknown) => server.call('POST', URL, { as, body });
  const held = async (callId: string) => (await listCallEvents(server.db, callId)).map((e) => e.seq);

  beforeAll(async () => {
    server = await startTestServer(kind);
    operator = await server.signInAs(MURMANSK, 'operator');
  });
  afterAll(() => server.close());

  it('stores a batch of two calls and acknowledges each; the same batch again adds nothing', async () => {
    const [a, b] = [newCall(), newCall()];
    const body = batch(MURMANSK, [a, callEvents(a, 0, 3)], [b, callEvents(b, 0, 1)]);
    const first = await upload(operator, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      calls: [
        { callId: a, status: 'stored', added: 4 },
        { callId: b, status: 'stored', added: 2 },
      ],
    });
    const again = await upload(operator, body);
    expect(again.json()).toEqual({
      calls: [
        { callId: a, status: 'stored', added: 0 },
        { callId: b, status: 'stored', added: 0 },
      ],
    });
    expect(await held(a)).toEqual([0, 1, 2, 3]);
    const stored = await listCallEvents(server.db, b);
    expect(stored.map((e) => e.payload)).toEqual(callEvents(b, 0, 1));
  });

  it('stores each event once when the same batch arrives several times at once (retries racing)', async () => {
    const c = newCall();
    const before = await countCallEvents(server.db);
    const body = batch(MURMANSK, [c, callEvents(c, 0, 5)]);
    const answers = await Promise.all([1, 2, 3, 4].map(() => upload(operator, body)));
    for (const res of answers) expect(res.json()).toMatchObject({ calls: [{ callId: c, status: 'stored' }] });
    const added = answers.map((r) => r.json<{ calls: { added: number }[] }>().calls[0]?.added ?? 0);
    expect(added.reduce((sum, x) => sum + x, 0)).toBe(6);
    expect(await held(c)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await countCallEvents(server.db)).toBe(before + 6);
  });

  it('takes a call in several batches, overlapping ones included', async () => {
    const c = newCall();
    await upload(operator, batch(MURMANSK, [c, callEvents(c, 0, 2)]));
    const overlap = await upload(operator, batch(MURMANSK, [c, callEvents(c, 1, 4)]));
    expect(overlap.json()).toEqual({ calls: [{ callId: c, status: 'stored', added: 2 }] });
    expect(await held(c)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses events that leave a gap, keeping what it had', async () => {
    const c = newCall();
    await upload(operator, batch(MURMANSK, [c, callEvents(c, 0, 1)]));
    const gap = await upload(operator, batch(MURMANSK, [c, callEvents(c, 3, 4)]));
    expect(gap.json()).toEqual({
      calls: [
        {
          callId: c,
          status: 'refused',
          code: 'sequence_gap',
          message: 'События звонка пришли с пропуском: сервер принимает их только по порядку.',
        },
      ],
    });
    const holes = await upload(operator, batch(MURMANSK, [c, [callEvent(c, 2), callEvent(c, 4)]]));
    expect(holes.json()).toMatchObject({ calls: [{ status: 'refused', code: 'sequence_gap' }] });
    const headless = newCall();
    const noStart = await upload(operator, batch(MURMANSK, [headless, callEvents(headless, 1, 2)]));
    expect(noStart.json()).toMatchObject({ calls: [{ status: 'refused', code: 'sequence_gap' }] });
    expect(await held(c)).toEqual([0, 1]);
    expect(await held(headless)).toEqual([]);
  });

  it("refuses another operator's call, in this organisation or another, and stores the rest of the batch", async () => {
    const admin = await server.signInAs(MURMANSK, 'administrator');
    const added = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body: {
        login: `second.operator.${kind}`,
        password: 'пароль-второго',
        surname: 'Орлова',
        firstName: 'Анна',
        roles: ['operator'],
      },
    });
    expect(added.statusCode).toBe(201);
    const colleague = await server.signIn(`second.operator.${kind}`, 'пароль-второго');
    const foreigner = await server.signInAs(SVERDLOVSK, 'operator');
    const [mine, theirs] = [newCall(), newCall()];
    await upload(operator, batch(MURMANSK, [mine, callEvents(mine, 0, 2)]));

    const res = await upload(
      colleague,
      batch(MURMANSK, [mine, callEvents(mine, 0, 4)], [theirs, callEvents(theirs, 0, 1)]),
    );
    expect(res.json()).toEqual({
      calls: [
        {
          callId: mine,
          status: 'refused',
          code: 'call_not_yours',
          message: 'Этот звонок ведёт другой оператор: сервер не принял его события.',
        },
        { callId: theirs, status: 'stored', added: 2 },
      ],
    });
    const abroad = await upload(foreigner, batch(SVERDLOVSK, [mine, callEvents(mine, 3, 4)]));
    expect(abroad.json()).toMatchObject({
      calls: [{ callId: mine, status: 'refused', code: 'call_not_yours' }],
    });
    expect(await held(mine)).toEqual([0, 1, 2]);
  });

  it('refuses an event replayed with other content under the same number, keeping the first', async () => {
    const c = newCall();
    await upload(operator, batch(MURMANSK, [c, callEvents(c, 0, 2)]));
    const altered = callEvent(c, 1, { after: { state: 'ended', stepId: 'elsewhere' } });
    const res = await upload(operator, batch(MURMANSK, [c, [altered, callEvent(c, 2), callEvent(c, 3)]]));
    expect(res.json()).toMatchObject({
      calls: [{ status: 'refused', code: 'event_conflict', message: expect.stringMatching(/[а-яё]/) }],
    });
    const stored = await listCallEvents(server.db, c);
    expect(stored.map((e) => e.payload)).toEqual(callEvents(c, 0, 2));
  });

  it('stores a call whose log the engine cannot replay (a start without its organisation) and keeps no figures', async () => {
    const c = newCall();
    const ending = callEvent(c, 2, { after: { state: 'ended', stepId: 'farewell' } });
    const res = await upload(operator, batch(MURMANSK, [c, [...callEvents(c, 0, 1), ending]]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ calls: [{ callId: c, status: 'stored', added: 3 }] });
    expect(await held(c)).toEqual([0, 1, 2]);
  });

  it('refuses a call on a flow version the server does not hold, and an event naming another version', async () => {
    const [unknown, known] = [newCall(), newCall()];
    const unpublished = callEvents(unknown, 0, 1).map((e) => ({ ...e, flowVersion: FLOW.version + 100 }));
    const res = await upload(
      operator,
      batch(MURMANSK, [unknown, unpublished], [known, callEvents(known, 0, 1)]),
    );
    expect(res.json()).toEqual({
      calls: [
        {
          callId: unknown,
          status: 'refused',
          code: 'unknown_flow_version',
          message: 'Звонок шёл по версии сценария, которой на сервере нет: сервер не принял его события.',
        },
        { callId: known, status: 'stored', added: 2 },
      ],
    });
    const switched = callEvent(known, 2, { flowVersion: FLOW.version + 100 });
    const later = await upload(operator, batch(MURMANSK, [known, [switched]]));
    expect(later.json()).toMatchObject({ calls: [{ status: 'refused', code: 'unknown_flow_version' }] });
    expect(await held(unknown)).toEqual([]);
    expect(await held(known)).toEqual([0, 1]);
  });

  it('refuses a whole batch meant for another organisation, storing none of it', async () => {
    const c = newCall();
    const res = await upload(operator, batch(SVERDLOVSK, [c, callEvents(c, 0, 1)]));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      code: 'organisation_mismatch',
      message: 'Звонки записаны для другой организации: сервер их не принял.',
    });
    expect(await held(c)).toEqual([]);
  });

  it('refuses a batch whose events are filed under another call, or that names a call twice', async () => {
    const [a, b] = [newCall(), newCall()];
    const misfiled = await upload(operator, batch(MURMANSK, [a, callEvents(b, 0, 1)]));
    expect(misfiled.statusCode).toBe(400);
    expect(misfiled.json()).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('звонки'),
    });
    const twice = await upload(operator, batch(MURMANSK, [a, callEvents(a, 0, 0)], [a, callEvents(a, 1, 1)]));
    expect(twice.statusCode).toBe(400);
    const bad = await upload(operator, {
      organisationId: MURMANSK,
      calls: [{ callId: a, events: [{ seq: -1 }] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(await held(a)).toEqual([]);
  });

  it('refuses an upload without the CSRF token, and one whose session expired, storing nothing', async () => {
    const c = newCall();
    const body = batch(MURMANSK, [c, callEvents(c, 0, 1)]);
    const forged = await server.call('POST', URL, {
      as: operator,
      body,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'csrf_failed' });
    const late = await server.signInAs(MURMANSK, 'operator');
    server.advance(13 * 3_600_000);
    const expired = await upload(late, body);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
    expect(await held(c)).toEqual([]);
  });
});
