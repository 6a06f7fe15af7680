// The lease client's link to POST /api/v1/calls/lease through the session client, and where the device
// keeps its id and its lease (localStorage: both must outlive a reload, and are no secret).
import { api, ApiRefusal } from '../account/session';
import type { Lease, LeaseStore, LeaseTransport } from './leaseClient';

const DEVICE_KEY = 'sufler.device';
const LEASE_KEY = 'sufler.lease.';

export const serverLeaseTransport: LeaseTransport = {
  async request(deviceId, takeOver) {
    try {
      const lease = await api<Lease>('POST', '/calls/lease', { deviceId, takeOver });
      return { kind: 'held', epoch: lease.epoch };
    } catch (error) {
      if (error instanceof ApiRefusal && error.code === 'lease_held') return { kind: 'elsewhere' };
      return { kind: 'unreachable' };
    }
  },
};

/** This browser profile's id: every tab of it is one device (the tabs share the Web Lock instead). */
export function deviceId(): string {
  try {
    const known = localStorage.getItem(DEVICE_KEY);
    if (known) return known;
    const made = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    // No storage (a locked-down profile): an id for this page, so it still asks and is told.
    return crypto.randomUUID();
  }
}

export function localLeaseStore(personId: string): LeaseStore {
  const key = LEASE_KEY + personId;
  return {
    load() {
      try {
        const raw: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
        if (typeof raw !== 'object' || raw === null) return null;
        const { deviceId: id, epoch } = raw as Partial<Lease>; // checked field by field below
        return typeof id === 'string' && typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 1
          ? { deviceId: id, epoch }
          : null;
      } catch {
        return null;
      }
    },
    save(lease) {
      try {
        localStorage.setItem(key, JSON.stringify(lease));
      } catch {
        // Storage full or refused: the lease is still held in memory for this page.
      }
    },
  };
}
