// Sign-in attempts, counted in the database so that every server instance agrees on a lockout.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** Records an attempt as failed until it is marked a success; returns its id. */
export async function recordAttempt(db: Db, loginKey: string, address: string, now: Date): Promise<string> {
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ login_key: loginKey, address, at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function markAttemptSucceeded(db: Db, id: string): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', id).execute();
}

/**
 * Times of the most recent failures since `since` (newest first, at most `limit`): for a login, only
 * those after its last success; for an address, all of them.
 */
export async function recentFailures(
  db: Db,
  by: { loginKey: string } | { address: string },
  since: Date,
  limit: number,
): Promise<Date[]> {
  let query = db
    .selectFrom('sign_in_attempts')
    .select('at')
    .where('succeeded', '=', false)
    .where('at', '>', since);
  if ('loginKey' in by) {
    const key = by.loginKey;
    query = query
      .where('login_key', '=', key)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('sign_in_attempts as s')
              .select('s.id')
              .where('s.login_key', '=', key)
              .where('s.succeeded', '=', true)
              .where('s.at', '>=', eb.ref('sign_in_attempts.at')),
          ),
        ),
      );
  } else {
    query = query.where('address', '=', by.address);
  }
  const rows = await query.orderBy('at', 'desc').limit(limit).execute();
  return rows.map((r) => r.at);
}

export async function deleteAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('at', '<', before).execute();
}
