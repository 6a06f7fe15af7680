// The supervisor sees the chain of desks as one client call (issue 17): a call handed from one operator
// to another is answered, in the record of any of its calls, as the client call's parts in order (who,
// when, the transfers before, the figures once ended), and marked in the list. An operator sees only
// their own desks' parts; another organisation's reader finds no call at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch } from './callEventsKit';
import { callTransferring } from './callbacksKit';
import {
  addBoris,
  MURMANSK,
  SVERDLOVSK,
  startTestServer,
  type Session,
  type TestServer,
} from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

interface ChainPart {
  callId: string;
  operatorName: string;
  startedAt: number;
  transfersBefore: number;
  call: { facts: { callId: string; endedAt: number | null } } | null;
}
interface Record {
  chain: { chainId: string; calls: ChainPart[] } | null;
}

describe.each(DATABASE_KINDS)('a client call across desks on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let boris: Session;
  let supervisor: Session;
  const first = `chain-${kind}-anna`;
  const second = `chain-${kind}-boris`;
  const alone = `chain-${kind}-alone`;
  const record = (callId: string, as: Session) =>
    server.call('GET', `/api/v1/supervision/calls/${callId}`, { as });
  const upload = async (as: Session, callId: string, log: ReturnType<typeof callTransferring>) => {
    const res = await server.call('POST', '/api/v1/calls/events', {
      as,
      body: batch(MURMANSK, [callId, log]),
    });
    expect(res.json()).toMatchObject({ calls: [{ status: 'stored' }] });
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(MURMANSK, 'operator');
    boris = await addBoris(server);
    supervisor = await server.signInAs(MURMANSK, 'supervisor');
    // Anna puts the caller through to Boris (the colleague picks up: her call ends); Boris accepts the
    // handover and his call, started from it, is handed on and ends too.
    await upload(anna, first, callTransferring(first, boris.personId, undefined, true));
    const handover = `${first}:transfer:0`;
    const accepted = await server.call('POST', `/api/v1/handovers/${encodeURIComponent(handover)}/accept`, {
      as: boris,
      body: { callId: second },
    });
    expect(accepted.statusCode).toBe(200);
    const received = { transfersBefore: 1, handover: { id: handover, chainId: first } };
    await upload(boris, second, callTransferring(second, anna.personId, received, true));
    // A call nobody handed over.
    const log = callTransferring(alone, 'not-a-person');
    await upload(anna, alone, log);
  });
  afterAll(() => server.close());

  it('answers the whole chain to a supervisor from the record of any of its calls, in order', async () => {
    for (const callId of [first, second]) {
      const res = await record(callId, supervisor);
      expect(res.statusCode, res.body).toBe(200);
      const { chain } = res.json<Record>();
      expect(chain?.chainId).toBe(first);
      expect(chain?.calls.map((p) => [p.callId, p.operatorName, p.transfersBefore])).toEqual([
        [first, 'Смирнова Анна Сергеевна', 0],
        [second, 'Петров Борис', 1],
      ]);
      for (const part of chain?.calls ?? []) {
        expect(part.call?.facts).toMatchObject({ callId: part.callId, transfers: [{ status: 'connected' }] });
        expect(part.call?.facts.endedAt).toEqual(expect.any(Number));
      }
    }
    // A call never handed over has no chain.
    expect((await record(alone, supervisor)).json<Record>().chain).toBeNull();
  });

  it('marks the calls of a chain in the list', async () => {
    const res = await server.call('GET', `/api/v1/supervision/calls?from=0&to=8640000000000`, {
      as: supervisor,
    });
    const chains = new Map(
      res
        .json<{ calls: { facts: { callId: string }; chainId: string | null }[] }>()
        .calls.map((c) => [c.facts.callId, c.chainId]),
    );
    expect(chains.get(first)).toBe(first);
    expect(chains.get(second)).toBe(first);
  });

  it('gives an operator only their own desks of the chain, and nobody else the call', async () => {
    const annas = (await record(first, anna)).json<Record>().chain;
    expect(annas?.calls.map((p) => p.callId)).toEqual([first]);
    const boriss = (await record(second, boris)).json<Record>().chain;
    expect(boriss?.calls.map((p) => p.callId)).toEqual([second]);
    // Boris's colleague's desk stays hers: its record is not his to open.
    expect((await record(first, boris)).statusCode).toBe(404);
    const foreign = await server.signInAs(SVERDLOVSK, 'supervisor');
    const elsewhere = await record(first, foreign);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: 'call_not_found' });
  });
});
