// The centre's callbacks queue: a callback promised in a call is filed by the server from the call's
// uploaded events; of two operators taking it at once exactly one gets it and the other is told who has
// it; a claim lapses when its holder goes away; another organisation's callbacks are not there at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreCallback } from '../../src/protocol';
import { batch } from './callEventsKit';
import { callPromisingCallback } from './callbacksKit';
import {
  MURMANSK,
  SVERDLOVSK,
  startTestServer,
  type Session,
  type TestServer,
  addBoris,
} from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

const CLAIM_MINUTES = 10;

describe.each(DATABASE_KINDS)('callbacks on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let boris: Session;
  let n = 0;

  const queue = async (as: Session) => {
    const res = await server.call('GET', '/api/v1/callbacks', { as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ callbacks: CentreCallback[] }>().callbacks;
  };
  const act = (as: Session, id: string, what: 'claim' | 'release' | 'done', body?: unknown) =>
    server.call('POST', `/api/v1/callbacks/${encodeURIComponent(id)}/${what}`, {
      as,
      body: body ?? (what === 'done' ? undefined : {}),
    });
  /** Anna promises a callback in a call and her workstation uploads the call. */
  const promise = async (question?: string) => {
    const call = callPromisingCallback(`cb-${kind}-${++n}`, question);
    const res = await server.call('POST', '/api/v1/calls/events', {
      as: anna,
      body: batch(MURMANSK, [call.callId, call.log]),
    });
    expect(res.json()).toMatchObject({ calls: [{ status: 'stored', added: call.log.length }] });
    return call;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { callbackClaimMinutes: CLAIM_MINUTES });
    anna = await server.signInAs(MURMANSK, 'operator');
    boris = await addBoris(server);
  });
  afterAll(() => server.close());

  it('files the promised callback from the uploaded events, with its deadline, question and phone', async () => {
    const call = await promise('как записаться в секцию плавания');
    const seen = (await queue(boris)).find((c) => c.id === call.callbackId);
    expect(seen).toEqual({
      id: call.callbackId,
      callId: call.callId,
      phone: '+79123456789',
      question: 'как записаться в секцию плавания',
      callerName: 'Ольга Ивановна',
      appealNumber: null,
      deadline: new Date(call.deadline).toISOString(),
      outsideHours: false,
      promisedAt: expect.any(String),
      claim: null,
    });
    // The same events again (a retry) file nothing twice.
    await server.call('POST', '/api/v1/calls/events', {
      as: anna,
      body: batch(MURMANSK, [call.callId, call.log]),
    });
    expect((await queue(anna)).filter((c) => c.callId === call.callId)).toHaveLength(1);
  });

  it('files nothing for a call without a promise', async () => {
    const call = callPromisingCallback(`cb-${kind}-${++n}`);
    const withoutPromise = call.log.slice(0, -1);
    await server.call('POST', '/api/v1/calls/events', {
      as: anna,
      body: batch(MURMANSK, [call.callId, withoutPromise]),
    });
    expect((await queue(anna)).some((c) => c.callId === call.callId)).toBe(false);
  });

  it('gives the callback to exactly one of two operators claiming at once; the other is told who', async () => {
    const { callbackId } = await promise();
    const [a, b] = await Promise.all([act(anna, callbackId, 'claim'), act(boris, callbackId, 'claim')]);
    const answers = [a, b].map((r) => r.statusCode).sort();
    expect(answers).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const winner = a.statusCode === 200 ? 'Смирнова Анна Сергеевна' : 'Петров Борис';
    expect(won.json()).toMatchObject({ id: callbackId, claim: { name: winner } });
    expect(lost.json()).toMatchObject({
      code: 'callback_taken',
      message: `Этот обратный звонок уже взят: им занимается ${winner}.`,
    });
    const listed = (await queue(anna)).find((c) => c.id === callbackId);
    expect(listed?.claim?.name).toBe(winner);
  });

  it('lets the holder give it back, and then someone else take it', async () => {
    const { callbackId } = await promise();
    expect((await act(anna, callbackId, 'claim')).statusCode).toBe(200);
    expect((await act(boris, callbackId, 'release')).json()).toMatchObject({ code: 'callback_taken' });
    expect((await act(anna, callbackId, 'release')).json()).toMatchObject({ claim: null });
    expect((await act(boris, callbackId, 'claim')).json()).toMatchObject({ claim: { name: 'Петров Борис' } });
  });

  it('frees a claim whose holder went away once the configured time has passed', async () => {
    const { callbackId } = await promise();
    expect((await act(anna, callbackId, 'claim')).statusCode).toBe(200);
    server.advance((CLAIM_MINUTES - 1) * 60_000);
    expect((await act(boris, callbackId, 'claim')).statusCode).toBe(409);
    server.advance(2 * 60_000);
    expect((await queue(boris)).find((c) => c.id === callbackId)?.claim).toBeNull();
    expect((await act(boris, callbackId, 'claim')).json()).toMatchObject({ claim: { name: 'Петров Борис' } });
    // Anna, back after the lapse, finds Boris has it.
    expect((await act(anna, callbackId, 'claim')).json()).toMatchObject({ code: 'callback_taken' });
  });

  it('closes the callback with the call that kept it: it leaves the queue, and cannot be taken again', async () => {
    const { callbackId } = await promise();
    await act(boris, callbackId, 'claim');
    expect((await act(anna, callbackId, 'done', { callId: 'anna-call' })).json()).toMatchObject({
      code: 'callback_taken',
    });
    expect((await act(boris, callbackId, 'done', { callId: 'boris-call' })).statusCode).toBe(200);
    // The same call saying so again (a retry) is fine.
    expect((await act(boris, callbackId, 'done', { callId: 'boris-call' })).statusCode).toBe(200);
    expect((await queue(anna)).some((c) => c.id === callbackId)).toBe(false);
    expect((await act(anna, callbackId, 'claim')).json()).toMatchObject({ code: 'callback_done' });
  });

  it("hides one organisation's callbacks from another: not listed, and 404 to every action", async () => {
    const { callbackId } = await promise();
    const foreign = await server.signInAs(SVERDLOVSK, 'operator');
    expect((await queue(foreign)).some((c) => c.id === callbackId)).toBe(false);
    for (const what of ['claim', 'release', 'done'] as const) {
      const res = await act(foreign, callbackId, what, what === 'done' ? { callId: 'x' } : undefined);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'callback_not_found',
        message: expect.stringMatching(/[а-я]/),
      });
    }
    expect((await queue(anna)).find((c) => c.id === callbackId)?.claim).toBeNull();
  });

  it('lets supervisors read the queue but not take from it; editors and administrators neither', async () => {
    const { callbackId } = await promise();
    const supervisor = await server.signInAs(MURMANSK, 'supervisor');
    expect((await queue(supervisor)).some((c) => c.id === callbackId)).toBe(true);
    expect((await act(supervisor, callbackId, 'claim')).statusCode).toBe(403);
    for (const role of ['editor', 'administrator'] as const) {
      const as = await server.signInAs(MURMANSK, role);
      expect((await server.call('GET', '/api/v1/callbacks', { as })).statusCode).toBe(403);
      expect((await act(as, callbackId, 'claim')).statusCode).toBe(403);
    }
    expect((await server.call('GET', '/api/v1/callbacks', { as: null })).statusCode).toBe(401);
  });
});
