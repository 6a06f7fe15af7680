// Transfers that carry the call: a transfer to a colleague who uses Sufler files a handover from the
// call's uploaded events, which only that colleague may read and accept; the colleague's call continues
// the client call's chain; at the cap no further handover is filed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverOffer } from '../../src/protocol';
import { callsOfChain } from '../../src/server/storage/handovers';
import { batch } from './callEventsKit';
import { callTransferring } from './callbacksKit';
import {
  MURMANSK,
  SVERDLOVSK,
  startTestServer,
  type Session,
  type TestServer,
  addBoris,
} from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

describe.each(DATABASE_KINDS)('handovers on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let boris: Session;
  let n = 0;
  const newCall = () => `ho-${kind}-${++n}`;
  const upload = async (as: Session, callId: string, log: ReturnType<typeof callTransferring>) => {
    const res = await server.call('POST', '/api/v1/calls/events', {
      as,
      body: batch(MURMANSK, [callId, log]),
    });
    expect(res.json()).toMatchObject({ calls: [{ status: 'stored' }] });
  };
  const offered = async (as: Session) =>
    (await server.call('GET', '/api/v1/handovers', { as })).json<{ handovers: HandoverOffer[] }>().handovers;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(MURMANSK, 'operator');
    boris = await addBoris(server);
  });
  afterAll(() => server.close());

  it('offers the call to the colleague with the caller card, the need, the notes and the count', async () => {
    const callId = newCall();
    await upload(anna, callId, callTransferring(callId, boris.personId));
    const [offer] = (await offered(boris)).filter((h) => h.fromCallId === callId);
    expect(offer).toMatchObject({
      id: `${callId}:transfer:0`,
      chainId: callId,
      recipientPersonId: boris.personId,
      caller: { name: 'Ольга Ивановна' },
      need: 'жалоба на тренера',
      notes: 'жалоба, просит перезвонить вечером',
      transfers: 1,
    });
    const read = await server.call('GET', `/api/v1/handovers/${encodeURIComponent(offer!.id)}`, {
      as: boris,
    });
    expect(read.json()).toEqual(offer);
  });

  it('is read and accepted by the recipient only: to anyone else, of any organisation, it does not exist', async () => {
    const callId = newCall();
    await upload(anna, callId, callTransferring(callId, boris.personId));
    const url = `/api/v1/handovers/${encodeURIComponent(`${callId}:transfer:0`)}`;
    const foreign = await server.signInAs(SVERDLOVSK, 'operator');
    for (const as of [anna, foreign]) {
      const read = await server.call('GET', url, { as });
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({
        code: 'handover_not_found',
        message: expect.stringMatching(/[а-я]/),
      });
      const accept = await server.call('POST', `${url}/accept`, { as, body: { callId: 'x' } });
      expect(accept.statusCode).toBe(404);
      expect((await offered(as)).some((h) => h.fromCallId === callId)).toBe(false);
    }
    const supervisor = await server.signInAs(MURMANSK, 'supervisor');
    expect((await server.call('GET', url, { as: supervisor })).statusCode).toBe(403);
    expect((await server.call('GET', url, { as: null })).statusCode).toBe(401);
  });

  it('is accepted once; the colleague’s call continues the chain, so both calls are one client call', async () => {
    const first = newCall();
    await upload(anna, first, callTransferring(first, boris.personId));
    const id = `${first}:transfer:0`;
    const url = `/api/v1/handovers/${encodeURIComponent(id)}/accept`;
    const second = newCall();
    expect((await server.call('POST', url, { as: boris, body: { callId: second } })).statusCode).toBe(200);
    expect((await server.call('POST', url, { as: boris, body: { callId: second } })).statusCode).toBe(200);
    const again = await server.call('POST', url, { as: boris, body: { callId: 'another' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'handover_accepted' });
    expect((await offered(boris)).some((h) => h.id === id)).toBe(false);

    // Boris's call, started from the handover, goes up: the server files it in the same chain.
    await upload(
      boris,
      second,
      callTransferring(second, anna.personId, { transfersBefore: 1, handover: { id, chainId: first } }),
    );
    expect(await callsOfChain(server.db, MURMANSK, first)).toEqual([first, second]);
    // Handed back to Anna: the chain's second transfer, still the same client call.
    const [back] = (await offered(anna)).filter((h) => h.fromCallId === second);
    expect(back).toMatchObject({ chainId: first, transfers: 2 });
  });

  it('files no handover at the cap (the receiving engine refuses a third transfer), nor to someone outside the organisation', async () => {
    const atCap = newCall();
    await upload(
      boris,
      atCap,
      callTransferring(atCap, anna.personId, { transfersBefore: 2, handover: { id: 'h', chainId: 'c' } }),
    );
    expect((await offered(anna)).some((h) => h.fromCallId === atCap)).toBe(false);

    const foreign = await server.signInAs(SVERDLOVSK, 'operator');
    const elsewhere = newCall();
    await upload(anna, elsewhere, callTransferring(elsewhere, foreign.personId));
    expect((await offered(foreign)).some((h) => h.fromCallId === elsewhere)).toBe(false);
  });
});
