// One active call per operator across devices: a device holds the operator's lease; another is told so
// and may take it over explicitly, which raises the fencing number; the device that lost it is refused
// (lease_lost) in the transaction that would store its events, and those events are kept aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCallEvents } from '../../src/server/storage/callEvents';
import { countFencedEvents, leaseReleased } from '../../src/server/storage/leases';
import { batch, callEvents } from './callEventsKit';
import { callTransferring } from './callbacksKit';
import { listening, openStream, type Stream } from './streamKit';
import { MURMANSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

/** The stream's next news but the board's (uploads move the board, its news throttled to come later). */
async function nextLease(news: Stream) {
  let heard = await news.next();
  while (heard?.event === 'board') heard = await news.next();
  return heard;
}

describe.each(DATABASE_KINDS)('operator leases on %s', (kind) => {
  let server: TestServer;
  let operator: Session;
  const lease = (deviceId: string, takeOver = false) =>
    server.call('POST', '/api/v1/calls/lease', { as: operator, body: { deviceId, takeOver } });
  const upload = (body: unknown) => server.call('POST', '/api/v1/calls/events', { as: operator, body });

  let base: string | undefined;
  const stream = async () => openStream((base ??= await listening(server.app)), operator);

  beforeAll(async () => {
    server = await startTestServer(kind);
    operator = await server.signInAs(MURMANSK, 'operator');
  });
  afterAll(() => server.close());

  it('gives the lease to one device; a second is told, and takes it over only when asked', async () => {
    expect((await lease('desk')).json()).toEqual({ deviceId: 'desk', epoch: 1 });
    expect((await lease('desk')).json()).toEqual({ deviceId: 'desk', epoch: 1 });
    const refused = await lease('laptop');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'lease_held',
      message: expect.stringMatching(/другом устройстве/),
    });
    expect((await lease('laptop', true)).json()).toEqual({ deviceId: 'laptop', epoch: 2 });
  });

  it('refuses the events of the device that lost the lease, keeping them aside; the holder’s go in', async () => {
    const call = `lease-${kind}-1`;
    const before = await countFencedEvents(server.db, operator.personId);
    const held = (await lease('laptop')).json<{ epoch: number }>();
    // The desk still names the lease it had before the take-over.
    const stale = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 0, 2)]),
      lease: { deviceId: 'desk', epoch: 1 },
    });
    expect(stale.json()).toEqual({
      calls: [
        {
          callId: call,
          status: 'refused',
          code: 'lease_lost',
          message: expect.stringMatching(/другом устройстве/),
        },
      ],
    });
    expect(await listCallEvents(server.db, call)).toEqual([]);
    expect(await countFencedEvents(server.db, operator.personId)).toBe(before + 3);

    const current = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 0, 2)]),
      lease: { deviceId: 'laptop', epoch: held.epoch },
    });
    expect(current.json()).toMatchObject({ calls: [{ callId: call, status: 'stored', added: 3 }] });
  });

  it('keeps a refused batch aside once, however often the device that lost the lease sends it again', async () => {
    const call = `lease-${kind}-again`;
    const before = await countFencedEvents(server.db, operator.personId);
    const stale = {
      ...batch(MURMANSK, [call, callEvents(call, 0, 1)]),
      lease: { deviceId: 'desk', epoch: 1 },
    };
    expect((await upload(stale)).json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    expect((await upload(stale)).json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    expect(await countFencedEvents(server.db, operator.personId)).toBe(before + 2);
  });

  it('is released when the call its device was making ends, so the next call elsewhere takes it freely', async () => {
    const held = (await lease('desk', true)).json<{ epoch: number }>();
    const named = { deviceId: 'desk', epoch: held.epoch };
    // A call going on keeps it: another device is told it is held elsewhere.
    const call = `lease-${kind}-ends`;
    const log = callTransferring(call, 'not-a-person', undefined, true);
    const going = await upload({ ...batch(MURMANSK, [call, log.slice(0, 3)]), lease: named });
    expect(going.json()).toMatchObject({ calls: [{ status: 'stored' }] });
    expect((await lease('laptop')).statusCode).toBe(409);
    // Its final event stored, the lease is released: the laptop takes it without a take-over, under a
    // new fencing number, and nobody is told of a take-over.
    const ends = await upload({ ...batch(MURMANSK, [call, log.slice(3)]), lease: named });
    expect(ends.json()).toMatchObject({ calls: [{ status: 'stored' }] });
    expect(await leaseReleased(server.db, operator.personId)).toBe(true);
    const news = await stream();
    const taken = await lease('laptop');
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toEqual({ deviceId: 'laptop', epoch: held.epoch + 1 });
    expect(await leaseReleased(server.db, operator.personId)).toBe(false);
    // The desk's old number is still fenced.
    const late = `lease-${kind}-late`;
    const stale = await upload({ ...batch(MURMANSK, [late, callEvents(late, 0, 1)]), lease: named });
    expect(stale.json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    // The next lease news on the stream is a later take-over, not this free taking (the board's news of the
    // uploads may come first, throttled).
    expect((await lease('desk', true)).statusCode).toBe(200);
    expect(await nextLease(news)).toMatchObject({ event: 'lease', data: { deviceId: 'desk' } });
    news.close();
  });

  it('is held again by the device that released it when it uploads a new call before anyone took it', async () => {
    const held = (await lease('desk', true)).json<{ epoch: number }>();
    const named = { deviceId: 'desk', epoch: held.epoch };
    const done = `lease-${kind}-done`;
    const next = `lease-${kind}-next`;
    // One call ended offline and the next started offline: they go up together; the lease stays held.
    const both = await upload({
      ...batch(
        MURMANSK,
        [done, callTransferring(done, 'not-a-person', undefined, true)],
        [next, callEvents(next, 0, 1)],
      ),
      lease: named,
    });
    expect(both.json()).toMatchObject({ calls: [{ status: 'stored' }, { status: 'stored' }] });
    expect(await leaseReleased(server.db, operator.personId)).toBe(false);
    expect((await lease('laptop')).statusCode).toBe(409);
  });

  it('puts the events kept aside back into their call when its device takes the calls back and the call goes on', async () => {
    const call = `lease-${kind}-back`;
    const desk = (await lease('desk', true)).json<{ epoch: number }>();
    const first = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 0, 2)]),
      lease: { deviceId: 'desk', epoch: desk.epoch },
    });
    expect(first.json()).toMatchObject({ calls: [{ status: 'stored', added: 3 }] });
    // The laptop takes the calls over; the desk, not yet told, records two more events: kept aside.
    expect((await lease('laptop', true)).statusCode).toBe(200);
    const fenced = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 3, 4)]),
      lease: { deviceId: 'desk', epoch: desk.epoch },
    });
    expect(fenced.json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    // The desk takes the calls back and its call goes on from where it was.
    const back = (await lease('desk', true)).json<{ epoch: number }>();
    const later = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 5, 6)]),
      lease: { deviceId: 'desk', epoch: back.epoch },
    });
    expect(later.json()).toMatchObject({ calls: [{ status: 'stored', added: 4 }] });
    expect((await listCallEvents(server.db, call)).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // The record says what happened: two events kept aside, both put back.
    const supervisor = await server.signInAs(MURMANSK, 'supervisor');
    const record = await server.call('GET', `/api/v1/supervision/calls/${call}`, { as: supervisor });
    expect(record.json()).toMatchObject({
      keptAside: [{ events: 2, restored: 2, firstAt: callEvents(call, 3, 3)[0]?.at }],
    });
    // A retry of the refused batch changes nothing.
    const again = await upload({
      ...batch(MURMANSK, [call, callEvents(call, 3, 4)]),
      lease: { deviceId: 'desk', epoch: desk.epoch },
    });
    expect(again.json()).toMatchObject({ calls: [{ code: 'lease_lost' }] });
    expect((await listCallEvents(server.db, call)).length).toBe(7);
  });

  it('refuses a gap the kept-aside events do not fill whole, and fills it once they do', async () => {
    const call = `lease-${kind}-gap`;
    const desk = (await lease('desk', true)).json<{ epoch: number }>();
    const stale = { deviceId: 'desk', epoch: desk.epoch };
    await upload({ ...batch(MURMANSK, [call, callEvents(call, 0, 1)]), lease: stale });
    expect((await lease('laptop', true)).statusCode).toBe(200);
    await upload({ ...batch(MURMANSK, [call, callEvents(call, 2, 2)]), lease: stale });
    const back = { deviceId: 'desk', epoch: (await lease('desk', true)).json<{ epoch: number }>().epoch };
    // Event 3 is missing everywhere: nothing is put back, nothing stored.
    const gap = await upload({ ...batch(MURMANSK, [call, callEvents(call, 4, 5)]), lease: back });
    expect(gap.json()).toMatchObject({ calls: [{ status: 'refused', code: 'sequence_gap' }] });
    expect((await listCallEvents(server.db, call)).length).toBe(2);
    const filled = await upload({ ...batch(MURMANSK, [call, callEvents(call, 3, 5)]), lease: back });
    expect(filled.json()).toMatchObject({ calls: [{ status: 'stored', added: 4 }] });
    expect((await listCallEvents(server.db, call)).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('tells the streams when a device takes the lease over, naming the person and the new device', async () => {
    expect((await lease('laptop', true)).statusCode).toBe(200);
    const news = await stream();
    expect((await lease('desk', true)).statusCode).toBe(200);
    expect(await nextLease(news)).toEqual({
      event: 'lease',
      data: { kind: 'lease', personId: operator.personId, deviceId: 'desk' },
    });
    // Asking again from the holder takes nothing over: no news.
    expect((await lease('desk')).statusCode).toBe(200);
    expect((await lease('laptop', true)).statusCode).toBe(200);
    expect(await nextLease(news)).toMatchObject({ data: { deviceId: 'laptop' } });
    news.close();
  });
});
