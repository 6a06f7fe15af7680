// The centre's callbacks queue on the workstation: the server's queue while linked, fetched again on
// every change and every reconnect; the last known one, said so, while not; nothing taken offline; a
// finished callback call told to the server, again after a reconnect when it could not be told at once.
import { describe, expect, it } from 'vitest';
import type { CentreCallback } from '../../../src/protocol';
import {
  createCentreQueue,
  whenCallEnds,
  type CentreQueueLink,
  type CentreQueueStore,
  type KnownQueue,
} from '../../../src/services/callbacks/centreQueue';

const callback = (id: string, over: Partial<CentreCallback> = {}): CentreCallback => ({
  id,
  callId: `call-${id}`,
  phone: '+79123456789',
  question: `вопрос ${id}`,
  callerName: 'Ольга Ивановна',
  appealNumber: null,
  deadline: '2026-12-06T12:00:00.000Z',
  outsideHours: false,
  promisedAt: '2026-12-06T10:00:00.000Z',
  claim: null,
  ...over,
});

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function fakeServer() {
  let queue: CentreCallback[] = [];
  let reachable = true;
  let state: 'connected' | 'disconnected' = 'disconnected';
  const changed = new Set<() => void>();
  const links = new Set<(l: 'connected' | 'disconnected') => void>();
  const done: [string, string][] = [];
  const claims: string[] = [];
  const down = () => Promise.reject(new TypeError('Failed to fetch'));
  const link: CentreQueueLink = {
    list: () => (reachable ? Promise.resolve([...queue]) : down()),
    claim: (id) => {
      if (!reachable) return down();
      claims.push(id);
      const found = queue.find((c) => c.id === id);
      if (found?.claim) return Promise.reject(new Refusal(409, `уже взят: ${found.claim.name}`));
      return Promise.resolve({ ...found!, claim: { personId: 'me', name: 'Я', until: '' } });
    },
    release: () => (reachable ? Promise.resolve() : down()),
    done: (id, callId) => {
      if (!reachable) return down();
      done.push([id, callId]);
      return Promise.resolve();
    },
    onChanged: (l) => (changed.add(l), () => changed.delete(l)),
    onLink: (l) => (links.add(l), l(state), () => links.delete(l)),
  };
  return {
    link,
    done,
    claims,
    set: (next: CentreCallback[]) => {
      queue = next;
      for (const l of changed) l();
    },
    connect: (up: boolean) => {
      reachable = up;
      state = up ? 'connected' : 'disconnected';
      for (const l of links) l(up ? 'connected' : 'disconnected');
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the centre callbacks queue on the workstation', () => {
  it('shows the server queue while linked and follows every change the centre announces', async () => {
    const server = fakeServer();
    const queue = createCentreQueue(server.link, () => 1000);
    expect(queue.getView()).toEqual({ status: 'lastKnown', callbacks: [], at: null });
    server.set([callback('a')]);
    server.connect(true);
    await settle();
    expect(queue.getView()).toMatchObject({ status: 'live', callbacks: [{ id: 'a' }] });
    server.set([callback('a'), callback('b')]);
    await settle();
    expect(queue.getView()).toMatchObject({ status: 'live', callbacks: [{ id: 'a' }, { id: 'b' }] });
  });

  it('keeps the last known queue when the link drops, refuses to take from it, and refetches on reconnect', async () => {
    const server = fakeServer();
    server.set([callback('a')]);
    server.connect(true);
    const queue = createCentreQueue(server.link, () => 5000);
    await settle();
    server.connect(false);
    expect(queue.getView()).toMatchObject({ status: 'lastKnown', callbacks: [{ id: 'a' }], at: 5000 });
    expect(await queue.take('a')).toEqual({ ok: false, message: null });
    expect(server.claims).toEqual([]);
    // Changed while this workstation was away: heard of only by the refetch on reconnect.
    server.set([callback('c')]);
    server.connect(true);
    await settle();
    expect(queue.getView()).toMatchObject({ status: 'live', callbacks: [{ id: 'c' }] });
  });

  it('keeps the last queue fetched: after a reload without network it is shown with its time, and nothing can be taken', async () => {
    const server = fakeServer();
    let kept: KnownQueue | null = null;
    const store: CentreQueueStore = {
      load: () => Promise.resolve(kept),
      save: (q) => Promise.resolve(void (kept = q)),
    };
    server.set([callback('a', { claim: { personId: 'x', name: 'Петров Борис', until: '' } })]);
    server.connect(true);
    const before = createCentreQueue(server.link, () => 7000, store);
    await settle();
    expect(before.getView()).toMatchObject({ status: 'live', callbacks: [{ id: 'a' }] });
    before.stop();

    // The page reloads with the server away.
    server.connect(false);
    const after = createCentreQueue(server.link, () => 9000, store);
    await settle();
    expect(after.getView()).toEqual({
      status: 'lastKnown',
      callbacks: [callback('a', { claim: { personId: 'x', name: 'Петров Борис', until: '' } })],
      at: 7000,
    });
    expect(await after.take('a')).toEqual({ ok: false, message: null });
    expect(server.claims).toEqual([]);

    // Back online: the server's queue replaces it, and is kept in its turn.
    server.set([callback('b')]);
    server.connect(true);
    await settle();
    expect(after.getView()).toMatchObject({ status: 'live', callbacks: [{ id: 'b' }], at: 9000 });
    expect(kept).toMatchObject({ callbacks: [{ id: 'b' }], at: 9000 });
  });

  it("takes by claiming on the server; a refusal passes on the server's words", async () => {
    const server = fakeServer();
    server.set([callback('a'), callback('b', { claim: { personId: 'x', name: 'Петров Борис', until: '' } })]);
    server.connect(true);
    const queue = createCentreQueue(server.link);
    await settle();
    expect(await queue.take('a')).toMatchObject({ ok: true, callback: { id: 'a' } });
    expect(await queue.take('b')).toEqual({ ok: false, message: 'уже взят: Петров Борис' });
  });

  it('tells the server the callback call was made, again after a reconnect if the server was away', async () => {
    const server = fakeServer();
    server.set([callback('a')]);
    server.connect(true);
    const queue = createCentreQueue(server.link);
    await settle();
    server.connect(false);
    await queue.done('a', 'call-9');
    expect(server.done).toEqual([]);
    server.connect(true);
    await settle();
    expect(server.done).toEqual([['a', 'call-9']]);
    server.connect(false);
    server.connect(true);
    await settle();
    expect(server.done).toHaveLength(1);
  });

  it('hears the end of the callback call once, when another call or none is active', () => {
    let active: { callId: string } | null = { callId: 'c1' };
    const listeners = new Set<() => void>();
    const controller = {
      getActive: () => active,
      subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    };
    const ended: string[] = [];
    whenCallEnds(controller, 'c1', () => ended.push('c1'));
    for (const l of [...listeners]) l();
    expect(ended).toEqual([]);
    active = null;
    for (const l of [...listeners]) l();
    active = { callId: 'c2' };
    for (const l of [...listeners]) l();
    expect(ended).toEqual(['c1']);
  });
});
