// The device's end of the operator's lease: it asks without holding the call up, learns that another
// device has it or took it over, takes it over only when asked, and never lets a late answer undo what
// the operator did after it.
import { describe, expect, it } from 'vitest';
import {
  createLeaseClient,
  type Lease,
  type LeaseAnswer,
  type LeaseStore,
} from '../../../src/services/lease/leaseClient';

/** The server's lease in memory, with answers released by the test when it says so. */
class FakeLeaseServer {
  holder: string | null = null;
  epoch = 0;
  down = false;
  readonly waiting: (() => void)[] = [];
  hold = false;

  request = (deviceId: string, takeOver: boolean): Promise<LeaseAnswer> => {
    const answer = (): LeaseAnswer => {
      if (this.down) return { kind: 'unreachable' };
      if (this.holder === null || this.holder === deviceId || takeOver) {
        if (this.holder !== deviceId) this.epoch += 1;
        this.holder = deviceId;
        return { kind: 'held', epoch: this.epoch };
      }
      return { kind: 'elsewhere' };
    };
    // The decision is the server's at the time of the request; only its delivery may be late.
    const decided = answer();
    if (!this.hold) return Promise.resolve(decided);
    return new Promise((resolve) => this.waiting.push(() => resolve(decided)));
  };
}

function memoryStore(): LeaseStore & { saved: Lease | null } {
  const store = {
    saved: null as Lease | null,
    load: () => store.saved,
    save: (lease: Lease) => void (store.saved = lease),
  };
  return store;
}

function device(deviceId: string, server: FakeLeaseServer, store = memoryStore()) {
  return createLeaseClient({ deviceId, transport: server, store });
}

describe('the lease client', () => {
  it('holds the lease on the first device that asks; a second device is told, and calls are read-only there', async () => {
    const server = new FakeLeaseServer();
    const desk = device('desk', server);
    expect(desk.ask()).toBeUndefined(); // never awaited by a call
    await desk.settled();
    expect(desk.standing()).toBe('free');
    expect(desk.lease()).toEqual({ deviceId: 'desk', epoch: 1 });

    const laptop = device('laptop', server);
    laptop.ask();
    await laptop.settled();
    expect(laptop.standing()).toBe('elsewhere');
    expect(laptop.lease()).toBeNull();
  });

  it('takes it over only when asked; the device that lost it learns from its upload or from the stream', async () => {
    const server = new FakeLeaseServer();
    const desk = device('desk', server);
    const laptop = device('laptop', server);
    desk.ask();
    await desk.settled();
    laptop.ask();
    await laptop.settled();
    expect(await laptop.takeOver()).toBe(true);
    expect(laptop.standing()).toBe('free');
    expect(laptop.lease()).toEqual({ deviceId: 'laptop', epoch: 2 });

    // The stream's news about its own take-over changes nothing for the laptop.
    laptop.heardTakeOver('laptop');
    expect(laptop.standing()).toBe('free');
    // The desk hears it on the stream…
    const heard: string[] = [];
    desk.subscribe((s) => heard.push(s));
    desk.heardTakeOver('laptop');
    expect(desk.standing()).toBe('lost');
    expect(heard).toEqual(['lost']);
    // …and still names its old lease, so what it recorded goes up fenced.
    expect(desk.lease()).toEqual({ deviceId: 'desk', epoch: 1 });

    // A third device that took nothing does not turn 'lost' when it hears of a take-over.
    const tablet = device('tablet', server);
    tablet.heardTakeOver('laptop');
    expect(tablet.standing()).toBe('free');
  });

  it('is told by an upload refused for its lease, but not for a lease it has since taken back', async () => {
    const server = new FakeLeaseServer();
    const desk = device('desk', server);
    desk.ask();
    await desk.settled();
    await device('laptop', server).takeOver();
    desk.refused(1);
    expect(desk.standing()).toBe('lost');
    expect(await desk.takeOver()).toBe(true);
    expect(desk.lease()?.epoch).toBe(3);
    // A refusal of a batch sent before the take-back names the old number: it is old news.
    desk.refused(1);
    expect(desk.standing()).toBe('free');
  });

  it('changes nothing when the server cannot be reached; a take-over then says it failed', async () => {
    const server = new FakeLeaseServer();
    const desk = device('desk', server);
    const laptop = device('laptop', server);
    desk.ask();
    laptop.ask();
    await Promise.all([desk.settled(), laptop.settled()]);
    server.down = true;
    laptop.ask();
    await laptop.settled();
    expect(laptop.standing()).toBe('elsewhere');
    expect(await laptop.takeOver()).toBe(false);
    expect(laptop.standing()).toBe('elsewhere');

    // Offline, a device that never heard otherwise makes calls (the tabs' lock rules).
    const fresh = device('fresh', server);
    fresh.ask();
    await fresh.settled();
    expect(fresh.standing()).toBe('free');
  });

  it('does not let a late answer to an earlier ask undo the take-over asked after it', async () => {
    const server = new FakeLeaseServer();
    device('desk', server).ask();
    const laptop = device('laptop', server);
    server.hold = true;
    laptop.ask(); // decided 'elsewhere' by the server, delivered late
    const takeOver = laptop.takeOver(); // decided 'held' after it
    const [slowAsk, quickTakeOver] = server.waiting;
    quickTakeOver?.();
    expect(await takeOver).toBe(true);
    slowAsk?.();
    await laptop.settled();
    expect(laptop.standing()).toBe('free');
  });

  it('keeps its lease across a reload: asked again after another device took over, it knows it lost it', async () => {
    const server = new FakeLeaseServer();
    const store = memoryStore();
    const before = device('desk', server, store);
    before.ask();
    await before.settled();
    await device('laptop', server).takeOver();

    const after = device('desk', server, store);
    expect(after.lease()).toEqual({ deviceId: 'desk', epoch: 1 });
    after.ask();
    await after.settled();
    expect(after.standing()).toBe('lost');
    // A lease kept under another device id (a copied browser profile) is not this device's.
    expect(device('copy', server, store).lease()).toBeNull();
  });
});
