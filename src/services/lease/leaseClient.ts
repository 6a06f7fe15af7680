// The device's end of the operator's lease (POST /api/v1/calls/lease): asks for it when a call starts or
// resumes, never holding the call up; learns it is held elsewhere (409), or lost to another device (an
// upload refused with lease_lost, or the stream's 'lease' news); takes it over only when asked. The lease
// held is kept on the device, so what it recorded goes up naming it even after a reload, and is fenced by
// the server if another device took over meanwhile.
import type { LeaseStanding } from './standing';

export interface Lease {
  deviceId: string;
  epoch: number;
}

export type LeaseAnswer =
  | { kind: 'held'; epoch: number }
  /** Another device holds it (409 lease_held). */
  | { kind: 'elsewhere' }
  /** No answer, or not one about the lease: nothing is known, nothing changes. */
  | { kind: 'unreachable' };

export interface LeaseTransport {
  request(deviceId: string, takeOver: boolean): Promise<LeaseAnswer>;
}

/** Where the held lease is kept between page loads (localStorage in the app, memory in tests). */
export interface LeaseStore {
  load(): Lease | null;
  save(lease: Lease): void;
}

export interface LeaseClient {
  standing(): LeaseStanding;
  /** The lease uploads name; null before this device ever held one. */
  lease(): Lease | null;
  ask(): void;
  takeOver(): Promise<boolean>;
  /** An upload naming `epoch` came back lease_lost. */
  refused(epoch: number): void;
  /** The stream said `deviceId` took this person's lease over. */
  heardTakeOver(deviceId: string): void;
  subscribe(listener: (standing: LeaseStanding) => void): () => void;
  /** Resolves when no request is in flight (tests). */
  settled(): Promise<void>;
}

export function createLeaseClient(deps: {
  deviceId: string;
  transport: LeaseTransport;
  store: LeaseStore;
}): LeaseClient {
  const { deviceId, transport, store } = deps;
  const stored = store.load();
  // A lease kept under another device id (a copied profile) is not this device's.
  let lease: Lease | null = stored?.deviceId === deviceId ? stored : null;
  let standing: LeaseStanding = 'free';
  const listeners = new Set<(s: LeaseStanding) => void>();
  const inFlight = new Set<Promise<unknown>>();
  // Answers are applied in the order the requests were made: a slow 'elsewhere' to an ask must not undo
  // the take-over the operator asked for after it.
  let asked = 0;
  let applied = 0;

  const set = (next: LeaseStanding) => {
    if (next === standing) return;
    standing = next;
    for (const l of [...listeners]) l(next);
  };

  async function request(takeOver: boolean): Promise<LeaseAnswer> {
    const n = ++asked;
    const pending = transport.request(deviceId, takeOver).catch((): LeaseAnswer => ({ kind: 'unreachable' }));
    inFlight.add(pending);
    const answer = await pending;
    inFlight.delete(pending);
    if (n < applied) return { kind: 'unreachable' };
    applied = n;
    if (answer.kind === 'held') {
      lease = { deviceId, epoch: answer.epoch };
      store.save(lease);
      set('free');
    } else if (answer.kind === 'elsewhere') {
      // Held here before and someone else has it now: it was taken over while this device did not hear.
      set(lease || standing === 'lost' ? 'lost' : 'elsewhere');
    }
    return answer;
  }

  const lose = () => set('lost');

  return {
    standing: () => standing,
    lease: () => lease,
    ask() {
      void request(false);
    },
    async takeOver() {
      return (await request(true)).kind === 'held';
    },
    refused(epoch) {
      if (lease?.epoch === epoch) lose();
    },
    heardTakeOver(other) {
      // A device that never held it has lost nothing: it stays as it was ('elsewhere' or free).
      if (other !== deviceId && lease) lose();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
