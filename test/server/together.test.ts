// Requests arriving at once from many workstations share the database's round trips (storage/batching.ts):
// the live events of calls going on go in by one statement for all that waited, and the sessions of the
// requests are looked up together. Each request must still be answered as if it had come alone: stored
// once, or refused with its own reason, by its own session, whatever else shared its statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callEventSchema } from '../../src/protocol/calls';
import { listCallEvents, storeCallEvents } from '../../src/server/storage/callEvents';
import { leaseReleased } from '../../src/server/storage/leases';
import { callTransferring } from './callbacksKit';
import { batch, callEvent, callEvents, countingStatements } from './callEventsKit';
import { addBoris, MURMANSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

const URL = '/api/v1/calls/events';
const CALLS = 24;

type Ack = { callId: string; status: string; added?: number; code?: string };

describe.each(DATABASE_KINDS)('requests arriving together on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let boris: Session;
  const upload = async (as: Session, body: unknown): Promise<Ack> => {
    const res = await server.call('POST', URL, { as, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ calls: Ack[] }>().calls[0] as Ack;
  };
  const held = async (callId: string) => (await listCallEvents(server.db, callId)).map((e) => e.seq);

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(MURMANSK, 'operator');
    boris = await addBoris(server);
  });
  afterAll(() => server.close());

  it('answers each upload as if it came alone, the refused ones beside the stored', async () => {
    const ids = Array.from({ length: CALLS }, (_, i) => `live-${kind}-${i}`);
    const unknown = `live-${kind}-unknown`;
    const started = await Promise.all([
      ...ids.map((id) => upload(anna, batch(MURMANSK, [id, callEvents(id, 0, 1)]))),
      // The same start twice at once (a retry racing its original), and a start on a version nobody holds.
      upload(anna, batch(MURMANSK, [ids[0] as string, callEvents(ids[0] as string, 0, 1)])),
      upload(
        anna,
        batch(MURMANSK, [unknown, callEvents(unknown, 0, 1).map((e) => ({ ...e, flowVersion: 999 }))]),
      ),
    ]);
    expect(
      started
        .filter((a) => a.callId === ids[0])
        .map((a) => a.added)
        .sort(),
    ).toEqual([0, 2]);
    for (const id of ids.slice(1))
      expect(started.filter((a) => a.callId === id)).toEqual([{ callId: id, status: 'stored', added: 2 }]);
    expect(started.find((a) => a.callId === unknown)).toMatchObject({
      status: 'refused',
      code: 'unknown_flow_version',
    });
    expect(await held(unknown)).toEqual([]);
    const [gap, replay, conflict, foreign, twice, ...going] = ids as [
      string,
      string,
      string,
      string,
      string,
      ...string[],
    ];

    const answers = await Promise.all([
      ...going.map((id) => upload(anna, batch(MURMANSK, [id, callEvents(id, 2, 3)]))),
      upload(anna, batch(MURMANSK, [gap, callEvents(gap, 4, 4)])),
      upload(anna, batch(MURMANSK, [replay, callEvents(replay, 1, 1)])),
      upload(
        anna,
        batch(MURMANSK, [
          conflict,
          [callEvent(conflict, 1, { event: { type: 'operator.next', optionId: 'other' } })],
        ]),
      ),
      upload(boris, batch(MURMANSK, [foreign, callEvents(foreign, 2, 2)])),
      // A retry racing its original: the events go in once.
      upload(anna, batch(MURMANSK, [twice, callEvents(twice, 2, 4)])),
      upload(anna, batch(MURMANSK, [twice, callEvents(twice, 2, 4)])),
    ]);

    const byCall = (id: string) => answers.filter((a) => a.callId === id);
    for (const id of going) expect(byCall(id)).toEqual([{ callId: id, status: 'stored', added: 2 }]);
    expect(byCall(gap)).toMatchObject([{ status: 'refused', code: 'sequence_gap' }]);
    expect(byCall(replay)).toEqual([{ callId: replay, status: 'stored', added: 0 }]);
    expect(byCall(conflict)).toMatchObject([{ status: 'refused', code: 'event_conflict' }]);
    expect(byCall(foreign)).toMatchObject([{ status: 'refused', code: 'call_not_yours' }]);
    expect(
      byCall(twice)
        .map((a) => a.added)
        .sort(),
    ).toEqual([0, 3]);

    for (const id of going) expect(await held(id)).toEqual([0, 1, 2, 3]);
    for (const id of [gap, replay, conflict, foreign]) expect(await held(id)).toEqual([0, 1]);
    expect(await held(twice)).toEqual([0, 1, 2, 3, 4]);

    // Each call's next number moved with its own events only: the next event of every call goes in.
    const next = await Promise.all([
      ...going.map((id) => upload(anna, batch(MURMANSK, [id, callEvents(id, 4, 4)]))),
      upload(anna, batch(MURMANSK, [twice, callEvents(twice, 5, 5)])),
      upload(anna, batch(MURMANSK, [gap, callEvents(gap, 2, 2)])),
    ]);
    expect(next.every((a) => a.status === 'stored' && a.added === 1)).toBe(true);
  });

  it('starts calls and appends their live events by one statement for all that arrive together', async () => {
    // Every statement the storage sends, counted (the database's work is what the centre pays for).
    const counted = countingStatements(server.db);
    const db = counted.db;
    const who = { organisationId: MURMANSK, personId: anna.personId };
    const ids = Array.from({ length: 20 }, (_, i) => `counted-${kind}-${i}`);
    const store = (from: number, to: number) =>
      Promise.all(
        ids.map((callId) =>
          storeCallEvents(
            db,
            who,
            [{ callId, events: callEvents(callId, from, to).map((e) => callEventSchema.parse(e)) }],
            new Date(),
          ),
        ),
      );
    for (const [from, to] of [
      [0, 1],
      [2, 4],
    ] as const) {
      counted.statements = 0;
      const stored = await store(from, to);
      expect(stored.flat()).toEqual(
        ids.map((callId) => ({ callId, status: 'stored', added: to - from + 1 })),
      );
      // The first goes alone; those that came meanwhile share the next (the embedded database answers
      // each at once, so nothing waits there and every upload is a statement of its own).
      expect(counted.statements).toBeLessThanOrEqual(kind === 'postgres' ? 2 : ids.length);
    }
    for (const id of ids) expect(await held(id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stores whole outboxes (many calls an upload) by the grouped append, the calls it leaves by the full path', async () => {
    const counted = countingStatements(server.db);
    const db = counted.db;
    const who = { organisationId: MURMANSK, personId: anna.personId };
    const outbox = (name: string) => Array.from({ length: 8 }, (_, i) => `outbox-${kind}-${name}-${i}`);
    const [first, second] = [outbox('a'), outbox('b')];
    const events = (ids: readonly string[], from: number, to: number) =>
      ids.map((callId) => ({
        callId,
        events: callEvents(callId, from, to).map((e) => callEventSchema.parse(e)),
      }));
    counted.statements = 0;
    const stored = await Promise.all([
      storeCallEvents(db, who, events(first, 0, 4), new Date()),
      storeCallEvents(db, who, events(second, 0, 4), new Date()),
    ]);
    expect(stored.flat()).toEqual(
      [...first, ...second].map((callId) => ({ callId, status: 'stored', added: 5 })),
    );
    // Sixteen calls in two uploads: the first upload's calls go alone, the second's share the next.
    if (kind === 'postgres') expect(counted.statements).toBeLessThanOrEqual(2);

    // An outbox after an outage: calls going on, a gap, a replay, a call of another operator's, a call
    // that transfers: each answered as when it came alone, the others of its upload stored beside it.
    const foreign = `outbox-${kind}-foreign`;
    await upload(boris, batch(MURMANSK, [foreign, callEvents(foreign, 0, 1)]));
    const transferring = `outbox-${kind}-transferring`;
    const [going, gap, replay] = [first.slice(0, 6), first[6] as string, first[7] as string];
    const mixed = await storeCallEvents(
      server.db,
      who,
      [
        ...events(going, 5, 6),
        ...events([gap], 9, 9),
        ...events([replay], 3, 4),
        ...events([foreign], 2, 2),
        {
          callId: transferring,
          events: callTransferring(transferring, 'not-a-person', undefined, true).map((e) =>
            callEventSchema.parse(e),
          ),
        },
      ],
      new Date(),
    );
    const answer = (id: string) => mixed.find((a) => a.callId === id);
    for (const id of going) expect(answer(id)).toEqual({ callId: id, status: 'stored', added: 2 });
    expect(answer(gap)).toMatchObject({ status: 'refused', code: 'sequence_gap' });
    expect(answer(replay)).toEqual({ callId: replay, status: 'stored', added: 0 });
    expect(answer(foreign)).toMatchObject({ status: 'refused', code: 'call_not_yours' });
    expect(answer(transferring)).toMatchObject({ status: 'stored', reduced: true });
    for (const id of going) expect(await held(id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await held(gap)).toEqual([0, 1, 2, 3, 4]);
    expect(await held(foreign)).toEqual([0, 1]);
  });

  it('refuses the device that lost the lease while the holder’s events, sent at the same moment, go in', async () => {
    const lease = (deviceId: string, takeOver = false) =>
      server.call('POST', '/api/v1/calls/lease', { as: boris, body: { deviceId, takeOver } });
    const desk = (await lease('desk')).json<{ deviceId: string; epoch: number }>();
    const [kept, lost] = [`lease-live-${kind}-1`, `lease-live-${kind}-2`];
    for (const id of [kept, lost])
      await upload(boris, { ...batch(MURMANSK, [id, callEvents(id, 0, 1)]), lease: desk });
    const laptop = (await lease('laptop', true)).json<{ deviceId: string; epoch: number }>();

    const [fromLaptop, fromDesk] = await Promise.all([
      upload(boris, { ...batch(MURMANSK, [kept, callEvents(kept, 2, 3)]), lease: laptop }),
      upload(boris, { ...batch(MURMANSK, [lost, callEvents(lost, 2, 3)]), lease: desk }),
    ]);
    expect(fromLaptop).toEqual({ callId: kept, status: 'stored', added: 2 });
    expect(fromDesk).toMatchObject({ callId: lost, status: 'refused', code: 'lease_lost' });
    expect(await held(kept)).toEqual([0, 1, 2, 3]);
    expect(await held(lost)).toEqual([0, 1]);

    // A call of the laptop's ends and releases the lease; its next call, started beside another's, holds
    // it again.
    const done = `lease-live-${kind}-done`;
    const ended = await upload(boris, {
      ...batch(MURMANSK, [done, callTransferring(done, 'not-a-person', undefined, true)]),
      lease: laptop,
    });
    expect(ended).toMatchObject({ callId: done, status: 'stored' });
    expect(await leaseReleased(server.db, boris.personId)).toBe(true);
    const [nextCall, other] = [`lease-live-${kind}-3`, `live-${kind}-other`];
    const [again] = await Promise.all([
      upload(boris, { ...batch(MURMANSK, [nextCall, callEvents(nextCall, 0, 1)]), lease: laptop }),
      upload(anna, batch(MURMANSK, [other, callEvents(other, 0, 1)])),
    ]);
    expect(again).toEqual({ callId: nextCall, status: 'stored', added: 2 });
    expect(await leaseReleased(server.db, boris.personId)).toBe(false);
    expect(await held(nextCall)).toEqual([0, 1]);
  });

  it('answers requests arriving together each by its own session: live, signed out, or of a disabled person', async () => {
    const live = await server.signInAs(MURMANSK, 'operator');
    const signedOut = await server.signInAs(MURMANSK, 'operator');
    expect((await server.call('DELETE', '/api/v1/session', { as: signedOut })).statusCode).toBe(204);
    const admin = await server.signInAs(MURMANSK, 'administrator');
    const gone = await server.signIn('boris.operator', 'пароль-бориса-1');
    const disabled = await server.call('PUT', `/api/v1/admin/people/${gone.personId}/status`, {
      as: admin,
      body: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBeLessThan(300);

    const asked = [live, signedOut, gone, admin].flatMap((as) => Array.from({ length: 8 }, () => as));
    const answers = await Promise.all(asked.map((as) => server.call('GET', '/api/v1/session', { as })));
    answers.forEach((res, i) => {
      const as = asked[i];
      if (as === live || as === admin) {
        expect(res.statusCode).toBe(200);
        expect(res.json<{ person: { id: string } }>().person.id).toBe(as.personId);
      } else {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'session_expired' });
      }
    });
  });
});
