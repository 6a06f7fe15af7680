// One active call per operator across devices (migrations 0004, 0010): a lease per operator with a
// fencing number. Taking it over bumps the number, so the device that lost it is refused at its next
// upload, in the transaction that would store its events; those events are kept aside, never dropped, and
// put back into their call if that device takes the lease back and the call goes on. The lease is released
// when its device's call ends, so the next call on another device takes it without a take-over.
import type { Kysely, Transaction } from 'kysely';
import type { CallEventBatch } from '../../protocol';
import type { Actor } from './accounts';
import type { Database } from './schema';

type Db = Kysely<Database>;

export type LeaseResult =
  /** `tookOver`: it was another device's until this request (that device must hear of it). */
  | { status: 'held'; deviceId: string; epoch: number; tookOver: boolean }
  /** Another device holds it and no take-over was asked for. */
  | { status: 'elsewhere'; deviceId: string; epoch: number };

/** The person's lease (an operator has one row, taken over or released, never deleted). */
const leaseOf = (db: Db, personId: string) =>
  db.selectFrom('operator_leases').where('person_id', '=', personId);

/** The person's lease, locked: a take-over waits for an upload in flight, which sees its number after. */
const lockedLease = (trx: Transaction<Database>, personId: string) =>
  leaseOf(trx, personId).select(['device_id', 'epoch', 'released_at']).forUpdate();

export function acquireLease(db: Db, who: Actor, deviceId: string, takeOver: boolean): Promise<LeaseResult> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('operator_leases')
      .values({
        person_id: who.personId,
        organisation_id: who.organisationId,
        device_id: deviceId,
        epoch: 1,
        acquired_at: who.now,
      })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
    const row = await lockedLease(trx, who.personId).executeTakeFirstOrThrow();
    const epoch = Number(row.epoch);
    const released = row.released_at !== null;
    if (row.device_id === deviceId) {
      if (released)
        await trx
          .updateTable('operator_leases')
          .set({ released_at: null, acquired_at: who.now })
          .where('person_id', '=', who.personId)
          .execute();
      return { status: 'held', deviceId, epoch, tookOver: false };
    }
    if (!takeOver && !released) return { status: 'elsewhere', deviceId: row.device_id, epoch };
    // A released lease is taken freely, but still under a new number: whatever the other device might
    // still send under the old one is fenced. Only a lease taken from a call going on is a take-over.
    await trx
      .updateTable('operator_leases')
      .set({ device_id: deviceId, epoch: epoch + 1, acquired_at: who.now, released_at: null })
      .where('person_id', '=', who.personId)
      .execute();
    return { status: 'held', deviceId, epoch: epoch + 1, tookOver: !released };
  });
}

/**
 * Inside the upload's transaction: the batch's lease as the operator's current one stands (released at
 * its last call's end, or not), or null when another device holds it since. A batch naming no lease (from
 * a workstation without leases) is let through and changes nothing. Locks the lease row, so a take-over
 * waits for an upload in flight and the next upload of the old device sees the new number.
 */
export async function leaseStanding(
  trx: Transaction<Database>,
  personId: string,
  lease: CallEventBatch['lease'],
): Promise<{ released: boolean } | null> {
  if (!lease) return { released: false };
  const row = await lockedLease(trx, personId).executeTakeFirst();
  return row !== undefined && row.device_id === lease.deviceId && Number(row.epoch) === lease.epoch
    ? { released: row.released_at !== null }
    : null;
}

/**
 * Inside the upload's transaction, after leaseStanding: the batch's calls as stored decide the lease. A
 * call going on keeps it held (a device that released it at its last call's end and started another
 * offline holds it again, if nobody took it meanwhile); otherwise a call that ended releases it.
 */
export async function settleLease(
  trx: Transaction<Database>,
  personId: string,
  lease: NonNullable<CallEventBatch['lease']>,
  was: { released: boolean },
  calls: { ended: boolean; open: boolean },
  now: Date,
): Promise<void> {
  const release = !calls.open && calls.ended;
  if (calls.open ? !was.released : !release || was.released) return;
  await trx
    .updateTable('operator_leases')
    .set({ released_at: release ? now : null })
    .where('person_id', '=', personId)
    .where('device_id', '=', lease.deviceId)
    .where('epoch', '=', lease.epoch)
    .execute();
}

/** Whether the person's lease is released now (tests). */
export async function leaseReleased(db: Db, personId: string): Promise<boolean> {
  const row = await leaseOf(db, personId).select('released_at').executeTakeFirst();
  return row?.released_at != null;
}

/**
 * Keeps a refused device's events aside: what it recorded stays on the server, outside the call. Once
 * each: a retry of the same batch (a lost answer, a reload) adds nothing; the lease row locked by
 * holdsLease serialises the person's uploads, so the check and the insert cannot interleave.
 */
export async function keepFencedEvents(
  trx: Transaction<Database>,
  who: { organisationId: string; personId: string },
  lease: NonNullable<CallEventBatch['lease']>,
  calls: readonly CallEventBatch['calls'][number][],
): Promise<void> {
  const kept =
    calls.length === 0
      ? []
      : await trx
          .selectFrom('fenced_call_events')
          .select(['call_id', 'seq'])
          .where('person_id', '=', who.personId)
          .where('device_id', '=', lease.deviceId)
          .where('epoch', '=', lease.epoch)
          .where(
            'call_id',
            'in',
            calls.map((c) => c.callId),
          )
          .execute();
  const known = new Set(kept.map((k) => `${k.call_id}\u0000${k.seq}`));
  const rows = calls.flatMap((c) =>
    c.events
      .filter((e) => !known.has(`${c.callId}\u0000${e.seq}`))
      .map((e) => ({
        organisation_id: who.organisationId,
        person_id: who.personId,
        device_id: lease.deviceId,
        epoch: lease.epoch,
        call_id: c.callId,
        seq: e.seq,
        payload: JSON.stringify(e),
      })),
  );
  if (rows.length > 0) await trx.insertInto('fenced_call_events').values(rows).execute();
}

/** How many events of a person are kept aside (tests and the supervisor's tools). */
export async function countFencedEvents(db: Db, personId: string): Promise<number> {
  const rows = await db
    .selectFrom('fenced_call_events')
    .select('id')
    .where('person_id', '=', personId)
    .execute();
  return rows.length;
}

type UploadedEvent = CallEventBatch['calls'][number]['events'][number];

/**
 * The person's events kept aside that fill each call's gap, [from, up to), in order; a call whose gap
 * they do not fill whole is left out. Kept aside twice under two leases, an event is the same one (the
 * same device recorded it), so the later copy is taken.
 */
export async function fencedFilling(
  trx: Transaction<Database>,
  personId: string,
  gaps: readonly { callId: string; from: number; upTo: number }[],
): Promise<Map<string, UploadedEvent[]>> {
  const filled = new Map<string, UploadedEvent[]>();
  if (gaps.length === 0) return filled;
  const rows = await trx
    .selectFrom('fenced_call_events')
    .select(['call_id', 'seq', 'payload'])
    .where('person_id', '=', personId)
    .where('restored_at', 'is', null)
    .where(
      'call_id',
      'in',
      gaps.map((g) => g.callId),
    )
    .orderBy('id')
    .execute();
  const bySeq = new Map(rows.map((r) => [`${r.call_id}\u0000${r.seq}`, r.payload as UploadedEvent]));
  for (const { callId, from, upTo } of gaps) {
    const events: UploadedEvent[] = [];
    for (let seq = from; seq < upTo; seq++) {
      const e = bySeq.get(`${callId}\u0000${seq}`);
      if (!e) break;
      events.push(e);
    }
    if (events.length === upTo - from) filled.set(callId, events);
  }
  return filled;
}

/** The kept-aside events of these calls are in their calls now: marked, never deleted. */
export async function markRestored(
  trx: Transaction<Database>,
  personId: string,
  callIds: readonly string[],
  now: Date,
): Promise<void> {
  if (callIds.length === 0) return;
  await trx
    .updateTable('fenced_call_events')
    .set({ restored_at: now })
    .where('person_id', '=', personId)
    .where('restored_at', 'is', null)
    .where('call_id', 'in', callIds)
    .execute();
}

export interface KeptAside {
  /** The device that sent them, and the lease it had lost. */
  deviceId: string;
  epoch: number;
  events: number;
  /** Of them, in the call now: put back when its device took the lease back and the call went on. */
  restored: number;
  /** The time the first and the last of them were recorded on the device. */
  firstAt: number;
  lastAt: number;
}

/** What of a call was kept aside, per device and lease: the supervisor's record says what happened. */
export async function keptAsideOf(db: Db, organisationId: string, callId: string): Promise<KeptAside[]> {
  const rows = await db
    .selectFrom('fenced_call_events as f')
    // In the call now: put back when its device took the calls back (or sent again under the new lease).
    .leftJoin('call_events as e', (j) => j.onRef('e.call_id', '=', 'f.call_id').onRef('e.seq', '=', 'f.seq'))
    .select(['f.device_id', 'f.epoch', 'f.payload', 'e.seq as held'])
    .where('f.organisation_id', '=', organisationId)
    .where('f.call_id', '=', callId)
    .orderBy('f.id')
    .execute();
  const groups = new Map<string, KeptAside>();
  for (const r of rows) {
    const at = (r.payload as UploadedEvent).at;
    const back = r.held === null ? 0 : 1;
    const key = `${r.device_id}\u0000${r.epoch}`;
    const g = groups.get(key);
    if (g) {
      g.events++;
      g.restored += back;
      g.firstAt = Math.min(g.firstAt, at);
      g.lastAt = Math.max(g.lastAt, at);
    } else
      groups.set(key, {
        deviceId: r.device_id,
        epoch: Number(r.epoch),
        events: 1,
        restored: back,
        firstAt: at,
        lastAt: at,
      });
  }
  return [...groups.values()];
}
