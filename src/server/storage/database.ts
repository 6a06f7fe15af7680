// Opens the server's PostgreSQL: a real one by URL (pg), or PGlite embedded in a data folder (or in
// memory). One Kysely code path for both; PGlite goes through the one-client pool in pglitePool.ts.
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { PGlitePool } from './pglitePool';
import type { Database } from './schema';

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      /** Tables live in this schema (tests make one per run). */ schema?: string;
    }
  | { kind: 'embedded'; /** A data folder; none keeps the database in memory (tests). */ dataDir?: string };

/** Stops listening. */
export type Unlisten = () => Promise<void>;

export interface ServerDatabase {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /**
   * The database's own channel for news between server instances (PostgreSQL NOTIFY is per database,
   * so a test's schema gets a channel of its own).
   */
  channel: string;
  /** Calls `onNotify` with the payload of every NOTIFY on `channel`, from any instance. */
  listen(onNotify: (payload: string) => void): Promise<Unlisten>;
  close(): Promise<void>;
}

const CHANNEL = 'sufler_events';

/**
 * A statement whose text begins with this comment is prepared once per connection, under a name taken
 * from its text, and then only executed: PostgreSQL parses and plans it once, not at every request. For
 * the statements every request runs (the session's lookup, the grouped append); their text must not vary
 * with their input (a list goes in as one array or JSON parameter), or each variant is prepared anew.
 */
export const PREPARED = '/* prepared */ ';

/** A query built with Kysely, marked to be prepared (PREPARED). */
export const prepared = <R>(query: CompiledQuery<R>): CompiledQuery<R> => ({
  ...query,
  sql: PREPARED + query.sql,
});
/** A connection that listens and dropped (the database restarted) tries again this often. */
const RELISTEN_MS = 1000;

export async function openDatabase(config: DatabaseConfig): Promise<ServerDatabase> {
  // Each driver is loaded only when used: PGlite's module alone is tens of megabytes resident.
  if (config.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const { createHash } = await import('node:crypto');
    const names = new Map<string, string>();
    const nameOf = (text: string) => {
      let name = names.get(text);
      if (!name) names.set(text, (name = createHash('sha1').update(text).digest('hex')));
      return name;
    };
    class PreparingClient extends pg.Client {
      // Kysely asks with (text, values) and awaits the promise.
      override query(...args: unknown[]): never {
        const [text, values] = args;
        const query = super.query.bind(this) as (...a: unknown[]) => never;
        return typeof text === 'string' && text.startsWith(PREPARED) && Array.isArray(values)
          ? query({ name: nameOf(text), text, values })
          : query(...args);
      }
    }
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    // A connection that drops (the database restarted) must not crash the process: while idle in the pool
    // the pool reports it; while checked out between two statements of a transaction, the client itself
    // emits it, with no listener of the pool's. Its next statement then fails (a 503 for the request) and
    // the pool discards it on release, since it is no longer queryable.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const channel = config.schema ? `${CHANNEL}_${config.schema}` : CHANNEL;
    const listen = async (onNotify: (payload: string) => void): Promise<Unlisten> => {
      let stopped = false;
      let client: InstanceType<typeof pg.Client> | null = null;
      let retry: NodeJS.Timeout | null = null;
      // One connection of its own holds the LISTEN; when it drops it is made again, until stopped.
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: config.url });
        c.on('notification', (m) => {
          if (m.channel === channel && m.payload !== undefined) onNotify(m.payload);
        });
        const again = () => {
          if (stopped || client !== c) return;
          client = null;
          retry ??= setTimeout(() => {
            retry = null;
            void connect().catch(() => undefined);
          }, RELISTEN_MS);
        };
        c.on('error', again);
        c.on('end', again);
        client = c;
        try {
          await c.connect();
          await c.query(`listen "${channel}"`);
        } catch (e) {
          again();
          throw e;
        }
      };
      await connect();
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        await client?.end().catch(() => undefined);
      };
    };
    return { db, kind: 'postgres', channel, listen, close: () => db.destroy() };
  }

  // PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, in this process
  // (measured: 128 MB → 290 MB resident, 16 MB → 175 MB, 4 MB → about 160 MB). Reads that miss them are
  // served from the operating system's file cache; 4 MB is enough for a small centre's accounts and calls.
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create(config.dataDir, { postgresqlconf: 'shared_buffers = 4MB' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(lite) }) });
  // One process holds an embedded database: its NOTIFY reaches this process's own listeners.
  const listen = async (onNotify: (payload: string) => void): Promise<Unlisten> =>
    lite.listen(CHANNEL, onNotify);
  return { db, kind: 'embedded', channel: CHANNEL, listen, close: () => db.destroy() };
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

/** PostgreSQL's unique violation: the key is another row's, perhaps one written since this writer looked. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === '23505';
}

/** PostgreSQL's deadlock and serialization failures: the transaction was undone and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs a transaction again (up to `attempts` times, after a short random pause) when PostgreSQL undid it
 * for a deadlock or a serialization failure, which two workstations' uploads touching the same shared rows
 * can meet; any other error goes to the caller at once. `run` must do nothing outside the database.
 */
export async function retryingConflicts<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (attempt >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}
