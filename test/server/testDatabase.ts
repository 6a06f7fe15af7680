// Every server test runs on PGlite (in memory), and also on a real PostgreSQL when TEST_DATABASE_URL is
// set: each test database there is a schema of its own, dropped when the test closes it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseConfig, type ServerDatabase } from '../../src/server/storage/database';

export type TestDatabaseKind = 'embedded' | 'postgres';

const url = process.env.TEST_DATABASE_URL;

export const DATABASE_KINDS: TestDatabaseKind[] = url ? ['embedded', 'postgres'] : ['embedded'];

export interface TestDatabase {
  config: DatabaseConfig;
  /** Drops what the test created (the schema on PostgreSQL). */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the given kind. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded' || !url) return { config: { kind: 'embedded' }, drop: () => Promise.resolve() };
  const schema = `sufler_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create schema ${schema}`));
  return {
    config: { kind: 'postgres', url, schema },
    drop: () => admin((c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}

/** Opens a fresh database; close() closes it and drops it. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<ServerDatabase> {
  const t = await createTestDatabase(kind);
  const opened = await openDatabase(t.config);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await t.drop();
    },
  };
}

/** A PostgreSQL database of its own (not a schema): for a server in another process, and for pg_dump. */
export interface OwnDatabase {
  url: string;
  /**
   * What a PostgreSQL restart looks like to its clients, on this database alone (the machine's PostgreSQL
   * is shared): `true` refuses new connections and ends every open one; `false` accepts them again.
   */
  outage(down: boolean): Promise<void>;
  drop(): Promise<void>;
}

export async function createOwnDatabase(): Promise<OwnDatabase> {
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sufler_own_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    outage: (down) =>
      admin(async (c) => {
        await c.query(`alter database ${name} allow_connections ${down ? 'false' : 'true'}`);
        if (down)
          await c.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          );
      }),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
