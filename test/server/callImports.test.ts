// Calls imported from workstation files go to the server (issue 19): a supervisor's workstation sends
// them, each is filed under the organisation's operator its start names and stored once, the refusals of
// an upload hold, and the callbacks they promised are not filed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCallEvents, listCallEvents } from '../../src/server/storage/callEvents';
import { callPromisingCallback } from './callbacksKit';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';
import { batch, callEvents } from './callEventsKit';

const URL = '/api/v1/calls/imports';

describe.each(DATABASE_KINDS)('calls imported from files on %s', (kind) => {
  let server: TestServer;
  let supervisor: Session;
  let n = 0;
  const newCall = () => `imported-${kind}-${++n}`;
  const send = (body: unknown, as = supervisor) => server.call('POST', URL, { as, body });
  const seqs = async (callId: string) => (await listCallEvents(server.db, callId)).map((e) => e.seq);

  /** Смирнова Елена Викторовна, the operator the engine's sample calls name, added to Murmansk. */
  async function addElena(): Promise<Session> {
    const admin = await server.signInAs(MURMANSK, 'administrator');
    const res = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body: {
        login: `elena.${kind}`,
        password: 'пароль-елены-1',
        surname: 'Смирнова',
        firstName: 'Елена',
        patronymic: 'Викторовна',
        roles: ['operator'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return server.signIn(`elena.${kind}`, 'пароль-елены-1');
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    supervisor = await server.signInAs(MURMANSK, 'supervisor');
  });
  afterAll(() => server.close());

  it('refuses a call whose operator the organisation does not have, then files it under them once they are added', async () => {
    const call = callPromisingCallback(newCall());
    const body = batch(MURMANSK, [call.callId, call.log]);
    const before = await countCallEvents(server.db);

    const unknown = await send(body);
    expect(unknown.statusCode, unknown.body).toBe(200);
    expect(unknown.json()).toEqual({
      calls: [
        {
          callId: call.callId,
          status: 'refused',
          code: 'operator_unknown',
          message: expect.stringContaining('нет оператора с именем'),
        },
      ],
    });
    expect(await countCallEvents(server.db)).toBe(before);

    const elena = await addElena();
    const stored = await send(body);
    expect(stored.json()).toEqual({
      calls: [{ callId: call.callId, status: 'stored', added: call.log.length }],
    });
    // Sent again (a second supervisor, the same file twice): nothing more is stored.
    expect((await send(body)).json()).toEqual({
      calls: [{ callId: call.callId, status: 'stored', added: 0 }],
    });
    expect(await seqs(call.callId)).toEqual(call.log.map((e) => e.seq));

    // Filed under Елена: she reads it as her own call; another operator of the organisation does not.
    const own = await server.call('GET', `/api/v1/supervision/calls/${call.callId}`, { as: elena });
    expect(own.statusCode, own.body).toBe(200);
    const anna = await server.signInAs(MURMANSK, 'operator');
    expect(
      (await server.call('GET', `/api/v1/supervision/calls/${call.callId}`, { as: anna })).statusCode,
    ).toBe(404);
    // The wrap-up the file holds goes in with the call, as Елена's own save (issue 19).
    const wrapUp = {
      savedAt: call.log.at(-1)!.at + 20_000,
      outcome: null,
      summary: 'Обещан обратный звонок о сроках',
      topic: 'appeals',
      articlesUsed: [],
      satisfaction: 3,
      surveyOffered: false,
      afterCallMs: 20_000,
    };
    const wrapped = await send({
      organisationId: MURMANSK,
      calls: [{ callId: call.callId, events: call.log, wrapUp }],
    });
    expect(wrapped.json()).toEqual({ calls: [{ callId: call.callId, status: 'stored', added: 0 }] });
    // Held under the call's operator (the call goes on in its log: its figures come with its end).
    const held = await server.db
      .selectFrom('call_wrapups as w')
      .innerJoin('calls as c', 'c.id', 'w.call_id')
      .select(['w.person_id as wrapped_by', 'c.person_id as made_by', 'w.payload'])
      .where('w.call_id', '=', call.callId)
      .execute();
    expect(held).toEqual([{ wrapped_by: held[0]?.made_by, made_by: expect.any(String), payload: wrapUp }]);
    // The callback it promised was the standalone workstation's to keep: it is not queued again.
    const queue = await server.call('GET', '/api/v1/callbacks', { as: elena });
    expect(queue.json<{ callbacks: { id: string }[] }>().callbacks.map((c) => c.id)).not.toContain(
      call.callbackId,
    );
  });

  it('keeps an uploaded call with the operator who made it, and refuses another organisation’s call id', async () => {
    const id = newCall();
    const operator = await server.signInAs(MURMANSK, 'operator');
    const events = callEvents(id, 0, 3);
    const up = await server.call('POST', '/api/v1/calls/events', {
      as: operator,
      body: batch(MURMANSK, [id, events]),
    });
    expect(up.statusCode).toBe(200);
    // The file holds the same call and one event more: it is added to the call, which stays the operator's.
    const more = callEvents(id, 0, 4);
    expect((await send(batch(MURMANSK, [id, more]))).json()).toEqual({
      calls: [{ callId: id, status: 'stored', added: 1 }],
    });
    expect(await seqs(id)).toEqual([0, 1, 2, 3, 4]);
    expect((await server.call('GET', `/api/v1/supervision/calls/${id}`, { as: operator })).statusCode).toBe(
      200,
    );

    // Sverdlovsk's supervisor naming Murmansk's call: refused like an upload, nothing of it revealed or changed.
    const other = await server.signInAs(SVERDLOVSK, 'supervisor');
    const foreign = await send(batch(SVERDLOVSK, [id, callEvents(id, 0, 6)]), other);
    expect(foreign.json()).toMatchObject({
      calls: [{ callId: id, status: 'refused', code: 'call_not_yours' }],
    });
    expect(await seqs(id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a batch meant for another organisation, and an operator may not import', async () => {
    const id = newCall();
    const wrong = await send(batch(SVERDLOVSK, [id, callEvents(id, 0, 1)]));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'organisation_mismatch' });
    const operator = await server.signInAs(MURMANSK, 'operator');
    expect((await send(batch(MURMANSK, [id, callEvents(id, 0, 1)]), operator)).statusCode).toBe(403);
    expect(await seqs(id)).toEqual([]);
  });
});
