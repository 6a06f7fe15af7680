// Handovers (migration 0004): a transfer to a colleague who uses Sufler, filed from the call's uploaded
// events in the transaction that stores them; read and accepted only by that colleague. Both calls of
// the hand-over carry the chain's id, so the supervisor sees one client call across desks.
import type { Kysely, Transaction } from 'kysely';
import { handoverOfLog } from '../../calls/replay';
import type { HandoverOffer } from '../../protocol';
import { activeHoldersOf, type Actor } from './accounts';
import { readReplayed, type StoredCall } from './callFigures';
import type { Database } from './schema';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export interface CallRef {
  id: string;
  organisationId: string;
  personId: string;
  flowId: string;
  flowVersion: number;
}

/** An operator of the organisation who can take a call: anyone else named in the directory gets nothing. */
async function isActiveOperator(trx: Trx, organisationId: string, personId: string): Promise<boolean> {
  const row = await activeHoldersOf(trx, 'operator')
    .where('people.id', '=', personId)
    .where('people.organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Files the handover the call's latest transfer makes, if any; returns it when newly filed. */
export async function fileHandoverOfCall(
  trx: Trx,
  call: CallRef,
  stored: StoredCall,
): Promise<HandoverOffer | null> {
  const handover = readReplayed(stored, (flow, log, _, replay) => handoverOfLog(flow, log, replay));
  if (!handover || !UUID.test(handover.recipientPersonId)) return null;
  if (!(await isActiveOperator(trx, call.organisationId, handover.recipientPersonId))) return null;
  const inserted = await trx
    .insertInto('handovers')
    .values({
      id: handover.id,
      organisation_id: call.organisationId,
      from_call_id: call.id,
      from_person_id: call.personId,
      recipient_person_id: handover.recipientPersonId,
      chain_id: handover.chainId,
      transfers: handover.transfers,
      content: JSON.stringify(handover),
      offered_at: new Date(handover.at),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  await trx
    .updateTable('calls')
    .set({ chain_id: handover.chainId })
    .where('id', '=', call.id)
    .where('chain_id', 'is', null)
    .execute();
  return inserted ? handover : null;
}

/** The chain a call continues, as its start record names it (a call taken from a handover). */
export function chainOfStart(event: { type: string; [k: string]: unknown }): string | null {
  if (event.type !== 'call.started') return null;
  const start = event.start;
  if (typeof start !== 'object' || start === null || !('handover' in start)) return null;
  const handover = start.handover;
  if (typeof handover !== 'object' || handover === null || !('chainId' in handover)) return null;
  return typeof handover.chainId === 'string' ? handover.chainId : null;
}

function recipientOnly(db: Db | Trx, organisationId: string, personId: string) {
  return db
    .selectFrom('handovers')
    .select(['id', 'content', 'accepted_at', 'accepted_call_id'])
    .where('organisation_id', '=', organisationId)
    .where('recipient_person_id', '=', personId);
}

/** The handovers offered to this person and not yet accepted, oldest first. */
export async function listOfferedHandovers(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<HandoverOffer[]> {
  const rows = await recipientOnly(db, organisationId, personId)
    .where('accepted_at', 'is', null)
    .orderBy('offered_at')
    .execute();
  return rows.map((r) => r.content as HandoverOffer);
}

/** One handover, for its recipient only (anyone else: null, as if there were none). */
export async function findHandover(
  db: Db,
  organisationId: string,
  personId: string,
  id: string,
): Promise<HandoverOffer | null> {
  const row = await recipientOnly(db, organisationId, personId).where('id', '=', id).executeTakeFirst();
  return row ? (row.content as HandoverOffer) : null;
}

export type AcceptResult = { status: 'ok'; handover: HandoverOffer } | { status: 'missing' | 'accepted' };

/** The recipient takes the call on with `callId`; the same call accepting again changes nothing. */
export function acceptHandover(db: Db, who: Actor, id: string, callId: string): Promise<AcceptResult> {
  return db.transaction().execute(async (trx) => {
    const row = await recipientOnly(trx, who.organisationId, who.personId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { status: 'missing' };
    const handover = row.content as HandoverOffer;
    if (row.accepted_at)
      return row.accepted_call_id === callId ? { status: 'ok', handover } : { status: 'accepted' };
    await trx
      .updateTable('handovers')
      .set({ accepted_at: who.now, accepted_call_id: callId })
      .where('id', '=', id)
      .execute();
    // The colleague's call may be up already (its start names the chain too); either way it carries it.
    await trx
      .updateTable('calls')
      .set({ chain_id: handover.chainId })
      .where('id', '=', callId)
      .where('person_id', '=', who.personId)
      .execute();
    return { status: 'ok', handover };
  });
}

/** The calls of one client call across desks, in order: for the supervisor's record and for tests. */
export async function callsOfChain(db: Db, organisationId: string, chainId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('calls')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('chain_id', '=', chainId)
    .orderBy('started_at')
    .execute();
  return rows.map((r) => r.id);
}
