// The centre's callbacks queue (migration 0004): filed from a call's uploaded events in the transaction
// that stores them, claimed by one operator at a time with a conditional UPDATE (of two claiming at once,
// the second finds the row held once the first commits), released, and closed by the call that kept it.
import { sql, type ExpressionBuilder, type Kysely, type Transaction, type Updateable } from 'kysely';
import { callbackOfLog } from '../../calls/replay';
import type { CentreCallback } from '../../protocol';
import type { Actor } from './accounts';
import { readReplayed, type StoredCall } from './callFigures';
import type { CallRef } from './handovers';
import type { Database } from './schema';

type Db = Kysely<Database>;

const holderName = sql<string>`coalesce((select trim(p.surname || ' ' || p.first_name || ' ' || p.patronymic)
  from people p where p.id = callbacks.claimed_by), '')`;

/**
 * Files the callback a call promised, if it did, from the events the server holds (replayed through the
 * flow version the call ran on, as the workstation's engine did). Returns its id when newly filed.
 */
export async function fileCallbackOfCall(
  trx: Transaction<Database>,
  call: CallRef,
  stored: StoredCall,
): Promise<string | null> {
  const task = readReplayed(stored, (flow, log, _, replay) => callbackOfLog(flow, log, replay));
  if (!task || task.organisationId !== call.organisationId) return null;
  const inserted = await trx
    .insertInto('callbacks')
    .values({
      id: task.id,
      organisation_id: call.organisationId,
      call_id: call.id,
      promised_by: call.personId,
      phone: task.phone,
      question: task.question,
      caller_name: task.callerName,
      appeal_number: task.appealNumber,
      deadline: new Date(task.deadline),
      outside_hours: task.outsideHours,
      promised_at: new Date(task.createdAt),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

const columns = [
  'id',
  'call_id',
  'phone',
  'question',
  'caller_name',
  'appeal_number',
  'deadline',
  'outside_hours',
  'promised_at',
  'claimed_by',
  'claimed_until',
  'done_at',
] as const;

function openOf(db: Db | Transaction<Database>, organisationId: string) {
  return db
    .selectFrom('callbacks')
    .select([...columns, holderName.as('holder_name')])
    .where('organisation_id', '=', organisationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof openOf>['executeTakeFirstOrThrow']>>;

function callbackOf(row: Row, now: Date): CentreCallback {
  const live = row.claimed_by !== null && row.claimed_until !== null && row.claimed_until > now;
  return {
    id: row.id,
    callId: row.call_id,
    phone: row.phone,
    question: row.question,
    callerName: row.caller_name,
    appealNumber: row.appeal_number,
    deadline: row.deadline.toISOString(),
    outsideHours: row.outside_hours,
    promisedAt: row.promised_at.toISOString(),
    claim:
      live && row.claimed_by && row.claimed_until
        ? { personId: row.claimed_by, name: row.holder_name, until: row.claimed_until.toISOString() }
        : null,
  };
}

/** The organisation's callbacks not yet kept, the nearest deadline first. */
export async function listOpenCallbacks(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<CentreCallback[]> {
  const rows = await openOf(db, organisationId)
    .where('done_at', 'is', null)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
  return rows.map((r) => callbackOf(r, now));
}

export type CallbackChange =
  | { status: 'ok'; callback: CentreCallback }
  /** Someone else holds a live claim on it. */
  | { status: 'taken'; holder: string }
  | { status: 'done' }
  | { status: 'missing' };

/** The organisation's callback, still open, and unclaimed, claimed by this person, or its claim lapsed. */
const freeFor = (eb: ExpressionBuilder<Database, 'callbacks'>, who: Actor) =>
  eb.and([
    eb('organisation_id', '=', who.organisationId),
    eb('done_at', 'is', null),
    eb.or([
      eb('claimed_by', 'is', null),
      eb('claimed_by', '=', who.personId),
      eb('claimed_until', '<=', who.now),
    ]),
  ]);

/** Why a change was refused, read after the conditional UPDATE matched nothing. */
async function refusal(trx: Transaction<Database>, who: Actor, id: string): Promise<CallbackChange> {
  const row = await openOf(trx, who.organisationId).where('id', '=', id).executeTakeFirst();
  if (!row) return { status: 'missing' };
  if (row.done_at) return { status: 'done' };
  const current = callbackOf(row, who.now);
  return current.claim ? { status: 'taken', holder: current.claim.name } : { status: 'missing' };
}

async function changed(trx: Transaction<Database>, who: Actor, id: string): Promise<CallbackChange> {
  const row = await openOf(trx, who.organisationId).where('id', '=', id).executeTakeFirstOrThrow();
  return { status: 'ok', callback: callbackOf(row, who.now) };
}

/**
 * Changes the callback if it is free for `who` (freeFor), answering whether it was. One UPDATE decides,
 * so two changes at once cannot both match: PostgreSQL makes the second wait for the first's row lock
 * and re-checks the condition against the row the first committed.
 */
async function changeIfFree(
  trx: Transaction<Database>,
  who: Actor,
  id: string,
  change: Updateable<Database['callbacks']>,
): Promise<boolean> {
  const row = await trx
    .updateTable('callbacks')
    .set(change)
    .where('id', '=', id)
    .where((eb) => freeFor(eb, who))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims a callback until `until`: free, lapsed, or already the claimer's (which renews it). */
export function claimCallback(db: Db, who: Actor, id: string, until: Date): Promise<CallbackChange> {
  return db.transaction().execute(async (trx) => {
    const claim = { claimed_by: who.personId, claimed_until: until, updated_at: who.now };
    return (await changeIfFree(trx, who, id, claim)) ? changed(trx, who, id) : refusal(trx, who, id);
  });
}

/** Gives a claimed callback back to the queue: only its holder can. */
export function releaseCallback(db: Db, who: Actor, id: string): Promise<CallbackChange> {
  return db.transaction().execute(async (trx) => {
    const released = await trx
      .updateTable('callbacks')
      .set({ claimed_by: null, claimed_until: null, updated_at: who.now })
      .where('id', '=', id)
      .where('organisation_id', '=', who.organisationId)
      .where('done_at', 'is', null)
      .where('claimed_by', '=', who.personId)
      .returning('id')
      .executeTakeFirst();
    if (released) return changed(trx, who, id);
    const why = await refusal(trx, who, id);
    // Not held by anyone (it lapsed, or was never claimed): already back in the queue.
    return why.status === 'missing' && (await stored(trx, who, id)) ? changed(trx, who, id) : why;
  });
}

/** The organisation's callback as stored, kept or not, and the call that kept it; undefined: none. */
function stored(trx: Transaction<Database>, who: Actor, id: string) {
  return trx
    .selectFrom('callbacks')
    .select(['id', 'done_call_id'])
    .where('id', '=', id)
    .where('organisation_id', '=', who.organisationId)
    .executeTakeFirst();
}

/**
 * The promise is kept: the call `callId` was made. Its holder closes it, or anyone when nobody holds it
 * (a claim that lapsed during a long call); the same call closing it again changes nothing.
 */
export function completeCallback(db: Db, who: Actor, id: string, callId: string): Promise<CallbackChange> {
  return db.transaction().execute(async (trx) => {
    const done = await changeIfFree(trx, who, id, {
      done_at: who.now,
      done_by: who.personId,
      done_call_id: callId,
      claimed_by: null,
      claimed_until: null,
      updated_at: who.now,
    });
    if (done) return changed(trx, who, id);
    if ((await stored(trx, who, id))?.done_call_id === callId) return changed(trx, who, id);
    return refusal(trx, who, id);
  });
}
