// Backup and restore as README says (pg_dump to a file, psql into an empty database): the server started
// on the restored database holds the same calls, event for event, knows every event already (the same
// batch again adds nothing), goes on with the next one, and the people and their sessions are as they were.
// Needs a real PostgreSQL (TEST_DATABASE_URL) and pg_dump/psql on the PATH; skipped, saying why, without.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, databaseOf } from '../../src/server/app';
import { defaultConfig } from '../../src/server/config';
import { SAMPLE_PASSWORD, sampleLogin } from '../../src/server/seed';
import { MURMANSK } from './serverHarness';
import { createOwnDatabase } from './testDatabase';
import { batch, callEvent, callEvents } from './callEventsKit';

// PostgreSQL's own client tools, from the system (not npm packages).
const PG_DUMP = 'pg_dump';
const PSQL = 'psql';
const has = (tool: string): boolean => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const skipReason = !process.env.TEST_DATABASE_URL
  ? 'TEST_DATABASE_URL is not set (backup and restore need a real PostgreSQL)'
  : !has(PG_DUMP) || !has(PSQL)
    ? 'pg_dump or psql is not on the PATH'
    : null;

describe.skipIf(skipReason !== null)(
  `backup and restore${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    const start = async (url: string, seedSamples: boolean): Promise<FastifyInstance> => {
      const app = await buildServer(
        defaultConfig({
          database: { kind: 'postgres', url },
          seedSamples,
          logLevel: 'warn',
          passwordHashing: { memoryCost: 1024, timeCost: 1 },
        }),
      );
      cleanups.push(() => app.close());
      return app;
    };

    it('serves the same calls and people from a restored pg_dump', async () => {
      const [source, target] = [await createOwnDatabase(), await createOwnDatabase()];
      cleanups.push(source.drop, target.drop);
      const dir = mkdtempSync(join(tmpdir(), 'sufler-backup-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));

      const before = await start(source.url, true);
      const signIn = await before.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { login: sampleLogin(MURMANSK, 'operator'), password: SAMPLE_PASSWORD },
      });
      const cookie = `sufler_session=${signIn.cookies.find((c) => c.name === 'sufler_session')?.value ?? ''}`;
      const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
      const upload = (app: FastifyInstance, body: unknown) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/calls/events',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: body as object,
        });
      const calls = batch(
        MURMANSK,
        ['backup-1', callEvents('backup-1', 0, 5)],
        ['backup-2', callEvents('backup-2', 0, 2)],
      );
      expect((await upload(before, calls)).json()).toMatchObject({
        calls: [{ added: 6 }, { added: 3 }],
      });
      const held = async (app: FastifyInstance) =>
        databaseOf(app)
          .selectFrom('call_events')
          .select(['call_id', 'seq', 'payload', 'at', 'received_at'])
          .orderBy('call_id')
          .orderBy('seq')
          .execute();
      const original = await held(before);

      // The backup README describes, and its restore into an empty database.
      const file = join(dir, 'sufler.sql');
      execFileSync(PG_DUMP, ['--no-owner', '--no-privileges', '--file', file, source.url]);
      execFileSync(PSQL, ['--quiet', '--set', 'ON_ERROR_STOP=1', '--file', file, target.url], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });

      const after = await start(target.url, false);
      expect(await held(after)).toEqual(original);
      // The session the workstation holds opens the restored server; the same batch adds nothing, the
      // next event of a call follows on.
      expect((await upload(after, calls)).json()).toMatchObject({
        calls: [
          { callId: 'backup-1', status: 'stored', added: 0 },
          { callId: 'backup-2', status: 'stored', added: 0 },
        ],
      });
      expect(
        (await upload(after, batch(MURMANSK, ['backup-2', [callEvent('backup-2', 3)]]))).json(),
      ).toMatchObject({
        calls: [{ status: 'stored', added: 1 }],
      });
      const people = await after.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { login: sampleLogin(MURMANSK, 'administrator'), password: SAMPLE_PASSWORD },
      });
      expect(people.statusCode).toBe(200);
    }, 60_000);
  },
);
