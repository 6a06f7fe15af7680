// Publishing the next numbered version of a flow or of the knowledge base: the newest version is checked
// against the one the edit started from, and the next number inserted, in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from './database';
import type { Database } from './schema';

type Db = Kysely<Database>;

/**
 * Writes version `newest + 1` with `write` if the newest is still `baseVersion` (null: none yet); if not,
 * answers `stale` with the newest. When another writer took that number between the check and the insert,
 * the primary key refuses the second, which is answered as a stale base: of two writers publishing from
 * one base, exactly one wins.
 */
export async function publishNextVersion<V extends { version: number }, T>(
  db: Db,
  baseVersion: number | null,
  steps: {
    newest: (db: Db) => Promise<V | null>;
    write: (trx: Transaction<Database>, version: number, newest: V | null) => Promise<T>;
    stale: (newest: V | null) => T;
  },
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const newest = await steps.newest(trx);
      if ((newest?.version ?? null) !== baseVersion) return steps.stale(newest);
      return steps.write(trx, (newest?.version ?? 0) + 1, newest);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return steps.stale(await steps.newest(db));
    throw e;
  }
}
