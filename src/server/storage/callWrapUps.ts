// Wrap-ups uploaded by workstations (issue 19, migration 0009): what the operator filled in after a call,
// one row per call, sent only by the call's own operator. A later save replaces it (an older one arriving
// late is ignored), and the call's kept figures are reduced again with it in the same transaction.
import { retryingConflicts } from './database';
import { sql, type Kysely } from 'kysely';
import type { UploadedWrapUp } from '../../protocol';
import { reduceCallAgain } from './callFigures';
import { lockCalls, type Uploader } from './callEvents';
import type { Database } from './schema';

export type WrapUpResult =
  | { callId: string; status: 'stored' }
  | { callId: string; status: 'refused'; code: 'call_not_yours' | 'sequence_gap' };

/**
 * Stores each call's wrap-up in one transaction, locking the calls' rows in id order as the events'
 * upload does. A call the server does not hold yet is refused as `sequence_gap` (its events go first);
 * another operator's or another organisation's call as `call_not_yours`, writing nothing.
 */
export async function storeWrapUps(
  db: Kysely<Database>,
  who: Uploader,
  items: readonly { callId: string; wrapUp: UploadedWrapUp }[],
  now: Date,
): Promise<Map<string, WrapUpResult>> {
  const results = new Map<string, WrapUpResult>();
  if (items.length === 0) return results;
  const order = [...items].sort((a, b) => (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));
  await retryingConflicts(() =>
    db.transaction().execute(async (trx) => {
      results.clear();
      const held = await lockCalls(
        trx,
        order.map((i) => i.callId),
      );
      const erasedRows = await trx
        .selectFrom('call_figures')
        .select('call_id')
        .where(
          'call_id',
          'in',
          order.map((i) => i.callId),
        )
        .where('erased_at', 'is not', null)
        .execute();
      const erased = new Set(erasedRows.map((r) => r.call_id));
      for (const { callId, wrapUp } of order) {
        const h = held.get(callId);
        if (!h) {
          results.set(callId, { callId, status: 'refused', code: 'sequence_gap' });
          continue;
        }
        // Another organisation's call answers like another operator's: nothing about it is revealed.
        if (h.organisation_id !== who.organisationId || h.person_id !== who.personId) {
          results.set(callId, { callId, status: 'refused', code: 'call_not_yours' });
          continue;
        }
        // A call whose personal data the retention erased keeps no free text: its summary stays empty.
        const kept = erased.has(callId) ? { ...wrapUp, summary: '' } : wrapUp;
        const payload = JSON.stringify(kept);
        const changed = await sql<{ call_id: string }>`
        insert into call_wrapups (call_id, organisation_id, person_id, saved_at, payload, received_at, updated_at)
        values (${callId}, ${who.organisationId}, ${who.personId}, ${kept.savedAt}, ${payload}::jsonb, ${now}, ${now})
        on conflict (call_id) do update set saved_at = excluded.saved_at, payload = excluded.payload,
          updated_at = excluded.updated_at
        where excluded.saved_at >= call_wrapups.saved_at and excluded.payload <> call_wrapups.payload
        returning call_id`.execute(trx);
        if (changed.rows.length > 0)
          await reduceCallAgain(trx, {
            callId,
            organisationId: who.organisationId,
            personId: h.person_id,
            flowId: h.flow_id,
            flowVersion: h.flow_version,
          });
        results.set(callId, { callId, status: 'stored' });
      }
    }),
  );
  return results;
}

/** The wrap-ups' summaries and survey marks of these calls, for the supervisor's list and record. */
export async function wrapUpNotes(
  db: Kysely<Database>,
  callIds: readonly string[],
): Promise<Map<string, { summary: string; surveyOffered: boolean }>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_wrapups')
    .select(['call_id', 'payload'])
    .where('call_id', 'in', [...callIds])
    .execute();
  return new Map(
    rows.map((r) => {
      const w = r.payload as UploadedWrapUp; // stored from the checked upload schema
      return [r.call_id, { summary: w.summary, surveyOffered: w.surveyOffered }];
    }),
  );
}
