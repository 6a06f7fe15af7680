// Opens the server's PostgreSQL: a real one by URL (pg), or PGlite embedded in a data folder (or in
// memory). One Kysely code path for both; PGlite goes through the one-client pool in pglitePool.ts.
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGlitePool } from './pglitePool';
import type { Database } from './schema';

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      /** Tables live in this schema (tests make one per run). */ schema?: string;
    }
  | { kind: 'embedded'; /** A data folder; none keeps the database in memory (tests). */ dataDir?: string };

export interface ServerDatabase {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<ServerDatabase> {
  // Each driver is loaded only when used: PGlite's module alone is tens of megabytes resident.
  if (config.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    // A connection that drops while idle (the database restarted) must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  // PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, in this process:
  // 16 MB (measured: about 290 → 175 MB resident) is plenty for a centre's accounts and calls.
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create(config.dataDir, { postgresqlconf: 'shared_buffers = 16MB' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(lite) }) });
  return { db, kind: 'embedded', close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
