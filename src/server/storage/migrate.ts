// Numbered SQL migrations (migrations/NNNN_name.sql), applied in order at start and recorded in
// schema_migrations with a checksum, so an edited shipped migration or a newer database is refused.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any number both the pg and PGlite advisory locks accept; it serialises instances starting together.
const MIGRATION_LOCK = 51_617_001;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file): Migration => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2]) throw new Error(`Migration file name not NNNN_name.sql: ${file}`);
      const text = readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n/g, '\n');
      return {
        version: Number(match[1]),
        name: match[2],
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  // Numbers only go up; a branch may hold a later number before the ones given to others are merged.
  migrations.forEach((m, i) => {
    const before = migrations[i - 1]?.version ?? 0;
    if (m.version <= before) throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version}`);
  });
  return migrations;
}

export class MigrationError extends Error {}

export interface MigrationStatus {
  applied: number[];
  pending: number[];
  /** True when the database has exactly the migrations this server knows. */
  current: boolean;
}

async function appliedRows(db: Kysely<Database>): Promise<{ version: number; checksum: string }[]> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass('schema_migrations') is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  return db.selectFrom('schema_migrations').select(['version', 'checksum']).orderBy('version').execute();
}

function check(known: readonly Migration[], applied: { version: number; checksum: string }[]): void {
  for (const row of applied) {
    const m = known.find((k) => k.version === row.version);
    if (!m) {
      throw new MigrationError(
        `The database has migration ${row.version}, which this server does not know: it belongs to a newer release.`,
      );
    }
    if (m.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.version} (${m.name}) was changed after it was applied.`);
    }
  }
}

export async function migrationStatus(
  db: Kysely<Database>,
  known: readonly Migration[] = loadMigrations(),
): Promise<MigrationStatus> {
  const applied = await appliedRows(db);
  const versions = applied.map((r) => r.version);
  const pending = known.filter((m) => !versions.includes(m.version)).map((m) => m.version);
  let consistent = true;
  try {
    check(known, applied);
  } catch {
    consistent = false;
  }
  return { applied: versions, pending, current: consistent && pending.length === 0 };
}

/** Applies every pending migration in one transaction; returns the versions applied. */
export async function migrate(
  db: Kysely<Database>,
  known: readonly Migration[] = loadMigrations(),
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const applied = await appliedRows(trx);
    check(known, applied);
    const done = new Set(applied.map((r) => r.version));
    const ran: number[] = [];
    for (const m of known) {
      if (done.has(m.version)) continue;
      await sql.raw(m.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, checksum: m.checksum })
        .execute();
      ran.push(m.version);
    }
    return ran;
  });
}
