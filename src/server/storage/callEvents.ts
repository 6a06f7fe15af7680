// Calls uploaded by workstations: each event stored once, keyed by (call, seq), in one transaction per
// batch that locks each call's row, so two uploads of the same call (a retry racing its original, two
// tabs) wait for each other and the second finds the events already held.
import { isDeepStrictEqual } from 'node:util';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CALL_REFUSALS, CallEventBatch } from '../../protocol';
import { fileCallbackOfCall } from './callbacks';
import { chainOfStart, fileHandoverOfCall } from './handovers';
import { holdsLease, keepFencedEvents } from './leases';
import type { Database } from './schema';

type CallRefusal = (typeof CALL_REFUSALS)[number];
type Upload = CallEventBatch['calls'][number];
type UploadedEvent = Upload['events'][number];

export interface Uploader {
  organisationId: string;
  personId: string;
}

export type StoreResult =
  /** `filedCallback`: a callback the new events promised; `handover`: a transfer they handed over. */
  | {
      callId: string;
      status: 'stored';
      added: number;
      filedCallback?: string;
      handover?: { id: string; recipientPersonId: string };
    }
  | { callId: string; status: 'refused'; code: CallRefusal };

/** The event as it was sent, and as the database gives it back: plain JSON. */
const asJson = (e: UploadedEvent): unknown => JSON.parse(JSON.stringify(e));

async function storeCall(
  trx: Transaction<Database>,
  who: Uploader,
  call: Upload,
  now: Date,
): Promise<StoreResult> {
  const { callId, events } = call;
  const refuse = (code: CallRefusal): StoreResult => ({ callId, status: 'refused', code });
  const first = events[0];
  if (!first || events.some((e, i) => e.seq !== first.seq + i)) return refuse('sequence_gap');
  if (first.seq === 0) {
    // A call begins on a flow version the organisation published (or was given with the build).
    const flow = await trx
      .selectFrom('flow_versions')
      .select('version')
      .where('organisation_id', '=', who.organisationId)
      .where('flow_id', '=', first.flowId)
      .where('version', '=', first.flowVersion)
      .executeTakeFirst();
    if (!flow) return refuse('unknown_flow_version');
    await trx
      .insertInto('calls')
      .values({
        id: callId,
        organisation_id: who.organisationId,
        person_id: who.personId,
        flow_id: first.flowId,
        flow_version: first.flowVersion,
        started_at: new Date(first.at),
        // A call taken from a handover continues the client call's chain (its start names it).
        chain_id: chainOfStart(first.event),
        received_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const held = await trx
    .selectFrom('calls')
    .select(['organisation_id', 'person_id', 'next_seq', 'flow_id', 'flow_version'])
    .where('id', '=', callId)
    .forUpdate()
    .executeTakeFirst();
  if (!held) return refuse('sequence_gap');
  // Another organisation's call answers like another operator's: nothing about it is revealed.
  if (held.organisation_id !== who.organisationId || held.person_id !== who.personId)
    return refuse('call_not_yours');
  if (first.seq > held.next_seq) return refuse('sequence_gap');
  // Every event of a call names the version it began on.
  if (events.some((e) => e.flowId !== held.flow_id || e.flowVersion !== held.flow_version))
    return refuse('unknown_flow_version');

  const replayed = events.filter((e) => e.seq < held.next_seq);
  if (replayed.length > 0) {
    const stored = await trx
      .selectFrom('call_events')
      .select(['seq', 'payload'])
      .where('call_id', '=', callId)
      .where('seq', '>=', first.seq)
      .where('seq', '<', held.next_seq)
      .execute();
    const bySeq = new Map(stored.map((r) => [r.seq, r.payload]));
    if (replayed.some((e) => !isDeepStrictEqual(bySeq.get(e.seq), asJson(e))))
      return refuse('event_conflict');
  }
  const added = events.filter((e) => e.seq >= held.next_seq);
  const last = added.at(-1);
  if (!last) return { callId, status: 'stored', added: 0 };
  await trx
    .insertInto('call_events')
    .values(
      added.map((e) => ({
        call_id: callId,
        seq: e.seq,
        organisation_id: who.organisationId,
        at: new Date(e.at),
        type: e.event.type,
        payload: JSON.stringify(e),
        received_at: now,
      })),
    )
    .execute();
  await trx
    .updateTable('calls')
    .set({ next_seq: last.seq + 1, updated_at: now })
    .where('id', '=', callId)
    .execute();
  const ref = {
    id: callId,
    organisationId: who.organisationId,
    personId: held.person_id,
    flowId: held.flow_id,
    flowVersion: held.flow_version,
  };
  // A callback promised in the call is the centre's, and a transfer to a colleague who uses Sufler hands
  // the call over: both filed with the events that made them.
  const filed = added.some((e) => e.event.type === 'operator.callback')
    ? await fileCallbackOfCall(trx, ref)
    : null;
  const handover = added.some((e) => e.event.type === 'operator.transfer')
    ? await fileHandoverOfCall(trx, ref)
    : null;
  return {
    callId,
    status: 'stored',
    added: added.length,
    ...(filed ? { filedCallback: filed } : {}),
    ...(handover ? { handover: { id: handover.id, recipientPersonId: handover.recipientPersonId } } : {}),
  };
}

/**
 * Stores a batch's calls in one transaction and answers per call. A refused call writes nothing and
 * leaves the others of the batch stored. Calls are locked in id order, so two batches never deadlock.
 */
export async function storeCallEvents(
  db: Kysely<Database>,
  who: Uploader,
  calls: readonly Upload[],
  now: Date,
  /** The lease the uploading device holds, checked in the same transaction; absent: no check. */
  lease?: CallEventBatch['lease'],
): Promise<StoreResult[]> {
  const order = [...calls].sort((a, b) => (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));
  const results = await db.transaction().execute(async (trx) => {
    const byCall = new Map<string, StoreResult>();
    // A device that lost the operator's lease adds nothing to any call; its events are kept aside.
    if (lease && !(await holdsLease(trx, who.personId, lease))) {
      await keepFencedEvents(trx, who, lease, calls);
      for (const call of order)
        byCall.set(call.callId, { callId: call.callId, status: 'refused', code: 'lease_lost' });
      return byCall;
    }
    for (const call of order) byCall.set(call.callId, await storeCall(trx, who, call, now));
    return byCall;
  });
  return calls.map(
    (c) => results.get(c.callId) ?? { callId: c.callId, status: 'refused', code: 'sequence_gap' },
  );
}

export interface StoredCallEvent {
  seq: number;
  payload: unknown;
}

/** A call's events as held, in order: for tests and tools that check what the server stored. */
export async function listCallEvents(db: Kysely<Database>, callId: string): Promise<StoredCallEvent[]> {
  return db
    .selectFrom('call_events')
    .select(['seq', 'payload'])
    .where('call_id', '=', callId)
    .orderBy('seq')
    .execute();
}

/** How many events the server holds in all (the bench and tests count them). */
export async function countCallEvents(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from call_events`.execute(db);
  return row.rows[0]?.n ?? 0;
}
