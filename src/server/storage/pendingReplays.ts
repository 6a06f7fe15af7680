// Calls whose replay is pending (migration 0014). The grouped append (callEvents.ts) stores a call's events
// in one statement with every upload waiting at that moment, and files the call here, in that statement,
// when the events end it (its figures), promise a callback or transfer it (the callback and the handover
// the server files from the call's replay). What they name is then kept for every call filed at that
// moment, in one short transaction before the uploads are answered: a second group commit, where the full
// path read and replayed each call in its own transaction. A server stopped (or a database gone) between
// the two leaves the row; a start keeps what every row names, and an organisation's settling after its
// uploads keeps its own, so nothing is lost and nothing is kept twice.
import { sql, type Kysely } from 'kysely';
import type { HandoverOffer } from '../../protocol';
import { fileCallbackOfCall } from './callbacks';
import { callsForReplay, keepFigures } from './callFigures';
import { retryingConflicts } from './database';
import { fileHandoverOfCall } from './handovers';
import type { Database } from './schema';

/** What a call's replay gave when it was kept: figures new, a callback newly filed, a handover newly made. */
export interface Replayed {
  reduced: boolean;
  filedCallback: string | null;
  handover: HandoverOffer | null;
}

/** Calls one keeping takes at most (their logs are read in one statement). */
const KEEP_CHUNK = 200;

/**
 * Keeps what the pending rows of these calls (or of the organisation's oldest) name, in one transaction
 * whatever their number. The calls' rows and their pending rows are locked in id order, as every writer of
 * a call locks it, so a wrap-up stored meanwhile is either read here or reduces the kept figures again
 * after; a call another keeping took meanwhile is no longer pending and is left alone (a sweep of the
 * organisation skips those being kept). Answers how many pending calls it took, and what each gave.
 */
export async function keepPendingReplays(
  db: Kysely<Database>,
  which: { callIds: readonly string[] } | { organisationId: string },
): Promise<{ taken: number; replayed: Map<string, Replayed> }> {
  const replayed = new Map<string, Replayed>();
  if ('callIds' in which && which.callIds.length === 0) return { taken: 0, replayed };
  const where =
    'callIds' in which
      ? sql`p.call_id in (${sql.join(which.callIds)}) order by c.id limit ${KEEP_CHUNK} for update of c, p`
      : sql`p.organisation_id = ${which.organisationId}
        order by c.id limit ${KEEP_CHUNK} for update of c, p skip locked`;
  return retryingConflicts(() =>
    db.transaction().execute(async (trx) => {
      replayed.clear();
      const pending = await sql<{
        id: string;
        organisation_id: string;
        person_id: string;
        flow_id: string;
        flow_version: number;
        figures: boolean;
        callback: boolean;
        handover: boolean;
      }>`select c.id, c.organisation_id, c.person_id, c.flow_id, c.flow_version, p.figures, p.callback, p.handover
        from call_replays_pending p join calls c on c.id = p.call_id
        where ${where}`.execute(trx);
      if (pending.rows.length === 0) return { taken: 0, replayed };
      const ids = pending.rows.map((p) => p.id);
      const stored = await callsForReplay(trx, ids);
      const refs = pending.rows.map((p) => ({
        callId: p.id,
        id: p.id,
        organisationId: p.organisation_id,
        personId: p.person_id,
        flowId: p.flow_id,
        flowVersion: p.flow_version,
      }));
      const kept = new Set(
        await keepFigures(
          trx,
          refs.filter((_, i) => pending.rows[i]?.figures),
          stored,
        ),
      );
      for (const [i, ref] of refs.entries()) {
        const p = pending.rows[i];
        const call = stored.get(ref.id);
        replayed.set(ref.id, {
          reduced: kept.has(ref.id),
          filedCallback: p?.callback && call ? await fileCallbackOfCall(trx, ref, call) : null,
          handover: p?.handover && call ? await fileHandoverOfCall(trx, ref, call) : null,
        });
      }
      await trx.deleteFrom('call_replays_pending').where('call_id', 'in', ids).execute();
      return { taken: ids.length, replayed };
    }),
  );
}

/**
 * Keeps what the calls left pending by a server stopped (or a database gone) between storing their
 * events and keeping their replays name: of one organisation (its settling after uploads), or of all
 * (start). A callback or handover filed here is not announced: the workstations read the centre's queues
 * again when their event stream reconnects.
 */
export async function keepLeftReplays(db: Kysely<Database>, organisationId?: string): Promise<void> {
  // One read, outside any transaction: the settling after uploads runs this every time, and nearly
  // always nothing is left.
  let left = db.selectFrom('call_replays_pending').select('organisation_id').distinct();
  if (organisationId !== undefined) left = left.where('organisation_id', '=', organisationId);
  const organisations = (await left.execute()).map((r) => r.organisation_id);
  for (const id of organisations) {
    let taken: number;
    do taken = (await keepPendingReplays(db, { organisationId: id })).taken;
    while (taken === KEEP_CHUNK);
  }
}
