// One active call per operator across devices: a device holds the operator's lease; another is told so
// and may take it over explicitly, which raises the fencing number; the device that lost it is refused
// (lease_lost) in the transaction that would store its events, and those events are kept aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCallEvents } from '../../src/server/storage/callEvents';
import { countFencedEvents } from '../../src/server/storage/leases';
import { batch, callEvents } from './callEventsKit';
import { listening, openStream } from './streamKit';
import { MURMANSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

describe.each(DATABASE_KINDS)('operator leases on %s', (kind) => {
  let server: TestServer;
  let operator: Session;
  const lease = (deviceId: string, takeOver = false) =>
    server.call('POST', '/api/v1/calls/lease', { as: operator, body: { deviceId, takeOver } });
  const upload = (body: unknown) => server.call('POST', '/api/v1/calls/events', { as: operator, body });

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

  it('tells the streams when a device takes the lease over, naming the person and the new device', async () => {
    const base = await listening(server.app);
    const stream = await openStream(base, operator);
    expect((await lease('desk', true)).statusCode).toBe(200);
    expect(await stream.next()).toEqual({
      event: 'lease',
      data: { kind: 'lease', personId: operator.personId, deviceId: 'desk' },
    });
    // Asking again from the holder takes nothing over: no news.
    expect((await lease('desk')).statusCode).toBe(200);
    expect((await lease('laptop', true)).statusCode).toBe(200);
    expect(await stream.next()).toMatchObject({ data: { deviceId: 'laptop' } });
    stream.close();
  });
});
