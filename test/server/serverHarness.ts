// A server on a throwaway database for route tests: the samples seeded (two organisations, one account
// per role in each), cheap password hashing, a clock the test can move, logs kept for inspection.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildServer, databaseOf } from '../../src/server/app';
import type { Database } from '../../src/server/storage/schema';
import { defaultConfig, type ServerConfig } from '../../src/server/config';
import { SAMPLE_PASSWORD, sampleLogin } from '../../src/server/seed';
import type { Role } from '../../src/protocol';
import { createTestDatabase, type TestDatabaseKind } from './testDatabase';

export const MURMANSK = 'murmansk-sport';
export const SVERDLOVSK = 'sverdlovsk-digital';

export interface Session {
  cookie: string;
  csrfToken: string;
  personId: string;
}

export interface TestServer {
  app: FastifyInstance;
  /** What the server stored, to check it directly. */
  db: Kysely<Database>;
  /** The configuration it was built with (a second instance on the same database uses it). */
  config: ServerConfig;
  logs: string[];
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  signIn(login: string, password?: string): Promise<Session>;
  signInAs(organisationId: string, role: Role): Promise<Session>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    opts?: { as?: Session | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestServer(
  kind: TestDatabaseKind,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  const logs: string[] = [];
  let offset = 0;
  const config = defaultConfig({
    database: database.config,
    seedSamples: true,
    logLevel: 'info',
    logDestination: { write: (line: string) => void logs.push(line) },
    passwordHashing: { memoryCost: 1024, timeCost: 1 },
    now: () => new Date(Date.now() + offset),
    ...overrides,
  });
  const app = await buildServer(config);

  const call: TestServer['call'] = (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) {
      headers.cookie = `sufler_session=${opts.as.cookie}`;
      if (method !== 'GET') headers['x-csrf-token'] ??= opts.as.csrfToken;
    }
    return app.inject({
      method,
      url,
      headers,
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
  };

  const signIn = async (login: string, password = SAMPLE_PASSWORD): Promise<Session> => {
    const res = await call('POST', '/api/v1/session', { body: { login, password } });
    if (res.statusCode !== 200)
      throw new Error(`sign-in of ${login} answered ${res.statusCode}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'sufler_session')?.value ?? '';
    const body = res.json<{ csrfToken: string; person: { id: string } }>();
    return { cookie, csrfToken: body.csrfToken, personId: body.person.id };
  };

  return {
    app,
    db: databaseOf(app),
    config,
    logs,
    advance: (ms) => {
      offset += ms;
    },
    signIn,
    signInAs: (organisationId, role) => signIn(sampleLogin(organisationId, role)),
    call,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Борис Петров, a second operator of Murmansk added by its administrator, signed in. */
export async function addBoris(server: TestServer): Promise<Session> {
  const admin = await server.signInAs(MURMANSK, 'administrator');
  const created = await server.call('POST', '/api/v1/admin/people', {
    as: admin,
    body: {
      login: 'boris.operator',
      password: 'пароль-бориса-1',
      surname: 'Петров',
      firstName: 'Борис',
      roles: ['operator'],
    },
  });
  if (created.statusCode !== 201) throw new Error(`adding Boris: ${created.statusCode}`);
  return server.signIn('boris.operator', 'пароль-бориса-1');
}
