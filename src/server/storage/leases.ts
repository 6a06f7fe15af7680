// One active call per operator across devices (migration 0004): a lease per operator with a fencing
// number. Taking it over bumps the number, so the device that lost it is refused at its next upload, in
// the transaction that would store its events; those events are kept aside, never dropped.
import type { Kysely, Transaction } from 'kysely';
import type { CallEventBatch } from '../../protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;

export type LeaseResult =
  /** `tookOver`: it was another device's until this request (that device must hear of it). */
  | { status: 'held'; deviceId: string; epoch: number; tookOver: boolean }
  /** Another device holds it and no take-over was asked for. */
  | { status: 'elsewhere'; deviceId: string; epoch: number };

export function acquireLease(
  db: Db,
  who: { organisationId: string; personId: string; now: Date },
  deviceId: string,
  takeOver: boolean,
): Promise<LeaseResult> {
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
    const row = await trx
      .selectFrom('operator_leases')
      .select(['device_id', 'epoch'])
      .where('person_id', '=', who.personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const epoch = Number(row.epoch);
    if (row.device_id === deviceId) return { status: 'held', deviceId, epoch, tookOver: false };
    if (!takeOver) return { status: 'elsewhere', deviceId: row.device_id, epoch };
    await trx
      .updateTable('operator_leases')
      .set({ device_id: deviceId, epoch: epoch + 1, acquired_at: who.now })
      .where('person_id', '=', who.personId)
      .execute();
    return { status: 'held', deviceId, epoch: epoch + 1, tookOver: true };
  });
}

/**
 * Inside the upload's transaction: true when the batch's lease is the operator's current one (or the
 * batch names none, from a workstation without leases). Locks the lease row, so a take-over waits for an
 * upload in flight and the next upload of the old device sees the new number.
 */
export async function holdsLease(
  trx: Transaction<Database>,
  personId: string,
  lease: CallEventBatch['lease'],
): Promise<boolean> {
  if (!lease) return true;
  const row = await trx
    .selectFrom('operator_leases')
    .select(['device_id', 'epoch'])
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined && row.device_id === lease.deviceId && Number(row.epoch) === lease.epoch;
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
