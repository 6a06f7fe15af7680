// Sessions: rows keyed by the SHA-256 of the cookie's token. Looking one up joins the person, their
// roles and organisation in one round trip, because it runs on every signed-in request.
import { sql, type Kysely } from 'kysely';
import type { Person } from '../../protocol';
import { PERSON_COLUMNS, personOf, rolesOf } from './accounts';
import { batching, type Batcher } from './batching';
import { prepared } from './database';
import type { Database } from './schema';

type Db = Kysely<Database>;

export interface SessionRow {
  tokenHash: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  person: Person;
  organisation: { id: string; shortName: string; fullName: string };
}

export async function insertSession(
  db: Db,
  s: {
    tokenHash: string;
    personId: string;
    organisationId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      person_id: s.personId,
      organisation_id: s.organisationId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/**
 * The live session with this token hash: not expired at `now`, its person not disabled. It runs on every
 * signed-in request, so the lookups asked while one is with the database go together in the next
 * (batching.ts); each still reads the sessions as they are after its request arrived.
 */
export async function findSession(db: Db, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const asked = { tokenHash, now };
  if (db.isTransaction) return (await findSessions(db, [asked]))[0];
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = batching((group: readonly Asked[]) => findSessions(db, group), { max: 500 });
    lookups.set(db, lookup);
  }
  return lookup(asked);
}

interface Asked {
  tokenHash: string;
  now: Date;
}

const lookups = new WeakMap<Db, Batcher<Asked, SessionRow | undefined>>();

async function findSessions(db: Db, asked: readonly Asked[]): Promise<(SessionRow | undefined)[]> {
  const query = db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .innerJoin('organisations', 'organisations.id', 'sessions.organisation_id')
    .select([
      'sessions.token_hash',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      ...PERSON_COLUMNS,
      'organisations.id as organisation_id',
      'organisations.short_name',
      'organisations.full_name',
      rolesOf.as('roles'),
    ])
    // One array, so that the statement's text is the same for any number of sessions (prepared once).
    .where('sessions.token_hash', '=', sql<string>`any(${[...new Set(asked.map((a) => a.tokenHash))]})`)
    .where('people.disabled_at', 'is', null);
  const { rows } = await db.executeQuery(prepared(query.compile()));
  const byHash = new Map(rows.map((r) => [r.token_hash, r]));
  // Each asker gets a session of its own (the guard moves its last-seen time), expired as of its `now`.
  return asked.map(({ tokenHash, now }) => {
    const row = byHash.get(tokenHash);
    if (!row || row.expires_at.getTime() <= now.getTime()) return undefined;
    return {
      tokenHash: row.token_hash,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      person: personOf(row),
      organisation: { id: row.organisation_id, shortName: row.short_name, fullName: row.full_name },
    };
  });
}

export async function extendSession(db: Db, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a person (sign-out everywhere, a password reset, disabling). */
export async function deletePersonSessions(db: Db, personId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
