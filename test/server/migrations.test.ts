// Migrations are additive, refuse an edited shipped file or a newer database, and carry every released
// database forward: each dump in test/fixtures/server-db/ (one per release) is loaded and migrated.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { defaultConfig } from '../../src/server/config';
import type { ServerDatabase } from '../../src/server/storage/database';
import { verifyPassword } from '../../src/server/auth/passwords';
import { SAMPLE_PASSWORD, sampleLogin } from '../../src/server/seed';
import { findPerson, findPersonForSignIn, loginKey } from '../../src/server/storage/accounts';
import { loadMigrations, migrate, migrationStatus } from '../../src/server/storage/migrate';
import { MURMANSK } from './serverHarness';
import { createTestDatabase, DATABASE_KINDS, openTestDatabase } from './testDatabase';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'server-db');
const releases = existsSync(FIXTURES)
  ? readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.sql'))
      .sort()
  : [];

describe('migration files', () => {
  it.each(loadMigrations().map((m) => [m.version, m] as const))('migration %i only adds', (_v, m) => {
    const code = m.sql.replace(/--.*$/gm, '');
    expect(code).not.toMatch(/\bdrop\s+(table|column|index|constraint|schema|type|view)\b/i);
    expect(code).not.toMatch(/\brename\b/i);
    expect(code).not.toMatch(/\balter\s+column\b[^;]*\btype\b/i);
    expect(code).not.toMatch(/\b(truncate|delete\s+from)\b/i);
  });
});

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let opened: ServerDatabase | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('refuses to start on a database whose shipped migration was edited, or that is newer than the server', async () => {
    opened = await openTestDatabase(kind);
    const known = loadMigrations();
    await migrate(opened.db, known);
    const edited = known.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(opened.db, edited)).rejects.toThrow(/changed after it was applied/);
    await expect(migrate(opened.db, known.slice(0, -1))).rejects.toThrow(/newer release/);
    const next = {
      version: (known.at(-1)?.version ?? 0) + 1,
      name: 'next',
      sql: 'create table next_thing (id int)',
      checksum: 'n',
    };
    expect(await migrationStatus(opened.db, [...known, next])).toMatchObject({
      current: false,
      pending: [next.version],
    });
  });

  it('reports not ready while a migration is missing', async () => {
    const db = await createTestDatabase(kind);
    const app = await buildServer(defaultConfig({ database: db.config, logLevel: 'silent' }));
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      const { databaseOf } = await import('../../src/server/app');
      await sql`delete from schema_migrations`.execute(databaseOf(app));
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not_ready', migrations: 'pending' });
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('has a dump of every release to carry forward (test/fixtures/server-db/<release>.sql)', () => {
    // 0.1.0 shipped migration 0001; every later release adds its own dump (makeRelease.ts).
    expect(releases).toContain('0.1.0.sql');
  });
  it.each(releases)('carries the released database %s forward with every row', async (file) => {
    opened = await openTestDatabase(kind);
    await sql.raw(readFileSync(join(FIXTURES, file), 'utf8')).execute(opened.db);
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(opened.db);
    const count = async (t: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(opened!.db)).rows[0]
        ?.n;
    const before = new Map<string, number | undefined>();
    for (const t of tables.rows) before.set(t.name, await count(t.name));
    await migrate(opened.db);
    expect(await migrationStatus(opened.db)).toMatchObject({ current: true });
    for (const [t, n] of before) if (t !== 'schema_migrations') expect(await count(t)).toBe(n);
    // The released rows still work with today's code: a sample account is found for sign-in with its
    // roles, and a password it kept still verifies.
    const operator = await findPersonForSignIn(opened.db, loginKey(sampleLogin(MURMANSK, 'operator')));
    expect(await verifyPassword(operator?.passwordHash ?? '', SAMPLE_PASSWORD)).toBe(true);
    const person = await findPerson(opened.db, MURMANSK, operator?.id ?? '');
    expect(person?.roles).toEqual(['operator']);
  });
});
