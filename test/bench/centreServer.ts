// The Sufler server in the bench's own process, on a database of its own (PostgreSQL when
// TEST_DATABASE_URL is set, embedded otherwise), with the sample organisations and cheap password hashing:
// the centre suites' common ground. Each figure names the kind it was measured on.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { defaultConfig } from '../../src/server/config';
import { createTestDatabase, type TestDatabaseKind } from '../server/testDatabase';

export interface BenchServer {
  kind: TestDatabaseKind;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  /** For reading what the server stored (databaseOf). */
  app: FastifyInstance;
  close(): Promise<void>;
}

/** `staticDir`: the built app to serve beside the API (null: the API alone). */
export async function startBenchServer(staticDir: string | null = null): Promise<BenchServer> {
  const kind: TestDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';
  const database = await createTestDatabase(kind);
  const app = await buildServer(
    defaultConfig({
      database: database.config,
      staticDir,
      seedSamples: true,
      logLevel: 'warn',
      passwordHashing: { memoryCost: 1024, timeCost: 1 },
    }),
  ).catch(async (e: unknown) => {
    await database.drop();
    throw e;
  });
  const close = async () => {
    await app.close();
    await database.drop();
  };
  try {
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    return { kind, url, app, close };
  } catch (e) {
    await close();
    throw e;
  }
}
