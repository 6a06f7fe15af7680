// How each signed-in workstation's outbox stands (migration 0008, issue 20): kept per session, so a
// sign-out forgets it, and read by the supervisors' board as the outboxes stuck now.
import type { Kysely, Transaction } from 'kysely';
import type { OutboxReport } from '../../protocol';
import { fullNameOf, NAME_COLUMNS } from './accounts';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

export async function saveOutboxReport(
  db: Db,
  from: { sessionTokenHash: string; organisationId: string; personId: string },
  report: OutboxReport,
  now: number,
): Promise<void> {
  const row = {
    waiting_calls: report.calls,
    waiting_events: report.events,
    oldest_at: date(report.oldestAt),
    stuck_since: date(report.stuckSince),
    reported_at: new Date(now),
  };
  await db
    .insertInto('outbox_reports')
    .values({
      session_token_hash: from.sessionTokenHash,
      organisation_id: from.organisationId,
      person_id: from.personId,
      ...row,
    })
    .onConflict((oc) => oc.column('session_token_hash').doUpdateSet(row))
    .execute();
}

/** The organisation's workstations whose outbox is stuck now (of live sessions), longest stuck first. */
export async function stuckOutboxes(db: Db, organisationId: string, now: number) {
  const rows = await db
    .selectFrom('outbox_reports')
    .innerJoin('sessions', 'sessions.token_hash', 'outbox_reports.session_token_hash')
    .innerJoin('people', 'people.id', 'outbox_reports.person_id')
    .select([
      'outbox_reports.person_id',
      ...NAME_COLUMNS,
      'outbox_reports.waiting_calls',
      'outbox_reports.stuck_since',
      'outbox_reports.oldest_at',
    ])
    .where('outbox_reports.organisation_id', '=', organisationId)
    .where('outbox_reports.stuck_since', 'is not', null)
    .where('sessions.expires_at', '>', new Date(now))
    .orderBy('outbox_reports.stuck_since')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: fullNameOf(r),
    calls: r.waiting_calls,
    stuckSince: r.stuck_since?.getTime() ?? now,
    oldestAt: r.oldest_at?.getTime() ?? null,
  }));
}
