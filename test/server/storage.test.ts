import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrationStatus } from '../../src/server/storage/migrate';
import type { ServerDatabase } from '../../src/server/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './testDatabase';

describe.each(DATABASE_KINDS)('storage on %s', (kind) => {
  let opened: ServerDatabase | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('keeps two concurrent transactions apart: a rolled-back one leaves nothing, a committed one stays', async () => {
    opened = await openTestDatabase(kind);
    const { db } = opened;
    await sql`create table probe (id int primary key, who text not null)`.execute(db);
    let release!: () => void;
    const midway = new Promise<void>((r) => (release = r));
    const failing = db.transaction().execute(async (trx) => {
      await sql`insert into probe values (1, 'A')`.execute(trx);
      // Let the other transaction run while this one is open, then fail.
      release();
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('A fails');
    });
    const committing = (async () => {
      await midway;
      await db.transaction().execute(async (trx) => {
        await sql`insert into probe values (2, 'B')`.execute(trx);
      });
    })();
    await expect(failing).rejects.toThrow('A fails');
    await committing;
    const rows = await sql<{ who: string }>`select who from probe order by id`.execute(db);
    expect(rows.rows.map((r) => r.who)).toEqual(['B']);
  });

  it('applies every migration to an empty database, records them, and applies nothing twice', async () => {
    opened = await openTestDatabase(kind);
    const { db } = opened;
    expect((await migrationStatus(db)).current).toBe(false);
    const ran = await migrate(db);
    expect(ran.length).toBeGreaterThan(0);
    expect(await migrationStatus(db)).toMatchObject({ current: true, pending: [] });
    expect(await migrate(db)).toEqual([]);
    const roles = await db.selectFrom('roles').select('id').orderBy('id').execute();
    expect(roles.map((r) => r.id)).toEqual(['administrator', 'editor', 'operator', 'supervisor']);
  });
});
