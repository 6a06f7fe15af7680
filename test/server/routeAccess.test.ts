// Every route × every role: who may (the route answers), who may not (403), nobody signed in (401), and
// an administrator naming another organisation's person finds nothing (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/protocol';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';
import { callEvent } from './callEventsKit';
import { loadFlow } from '../calls/helpers';

const CONSULTATION = loadFlow('inbound-consultation.json');
const BUNDLED_VERSION = CONSULTATION.version;

type Who = 'anonymous' | Role;
const EVERYONE: readonly Who[] = ['anonymous', ...ROLES];
const SIGNED_IN: readonly Who[] = ROLES;
const ADMIN: readonly Who[] = ['administrator'];
const OPERATOR: readonly Who[] = ['operator'];
const PUBLISHERS: readonly Who[] = ['editor', 'administrator'];

interface Case {
  route: string;
  allowed: readonly Who[];
  ok: number;
  /** Builds the request for one attempt; `target` is a fresh person of the caller's organisation. */
  request(ctx: { target: string; n: number }): {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: string;
    body?: unknown;
  };
}

const TABLE: readonly Case[] = [
  { route: 'GET /healthz', allowed: EVERYONE, ok: 200, request: () => ({ method: 'GET', url: '/healthz' }) },
  { route: 'GET /readyz', allowed: EVERYONE, ok: 200, request: () => ({ method: 'GET', url: '/readyz' }) },
  {
    route: 'GET /api/v1/openapi.json',
    allowed: EVERYONE,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/openapi.json' }),
  },
  {
    route: 'GET /api/v1/session',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/session' }),
  },
  {
    route: 'DELETE /api/v1/session',
    allowed: SIGNED_IN,
    ok: 204,
    request: () => ({ method: 'DELETE', url: '/api/v1/session' }),
  },
  {
    route: 'DELETE /api/v1/session/everywhere',
    allowed: SIGNED_IN,
    ok: 204,
    request: () => ({ method: 'DELETE', url: '/api/v1/session/everywhere' }),
  },
  {
    route: 'GET /api/v1/organisations/current',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/organisations/current' }),
  },
  {
    route: 'GET /api/v1/admin/people',
    allowed: ADMIN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/admin/people' }),
  },
  {
    route: 'POST /api/v1/admin/people',
    allowed: ADMIN,
    ok: 201,
    request: ({ n }) => ({
      method: 'POST',
      url: '/api/v1/admin/people',
      body: {
        login: `new.person.${n}`,
        password: 'длинный-пароль',
        surname: 'Петрова',
        firstName: 'Ольга',
        roles: ['operator'],
      },
    }),
  },
  {
    route: 'PUT /api/v1/admin/people/:id/password',
    allowed: ADMIN,
    ok: 204,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/password`,
      body: { password: 'новый-пароль-1' },
    }),
  },
  {
    route: 'PUT /api/v1/admin/people/:id/status',
    allowed: ADMIN,
    ok: 200,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/status`,
      body: { disabled: true },
    }),
  },
  {
    route: 'PUT /api/v1/admin/people/:id/roles',
    allowed: ADMIN,
    ok: 200,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/roles`,
      body: { roles: ['editor'] },
    }),
  },
  {
    route: 'POST /api/v1/calls/events',
    allowed: OPERATOR,
    ok: 200,
    request: ({ n }) => ({
      method: 'POST',
      url: '/api/v1/calls/events',
      body: {
        organisationId: MURMANSK,
        calls: [{ callId: `access-${n}`, events: [callEvent(`access-${n}`, 0)] }],
      },
    }),
  },
  {
    route: 'GET /api/v1/flows',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/flows' }),
  },
  {
    route: 'GET /api/v1/flows/:flowId/versions',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/flows/inbound-consultation/versions' }),
  },
  {
    route: 'GET /api/v1/flows/:flowId/versions/:version',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: `/api/v1/flows/inbound-consultation/versions/${BUNDLED_VERSION}` }),
  },
  {
    route: 'POST /api/v1/flows/:flowId/versions',
    allowed: PUBLISHERS,
    ok: 201,
    // Each attempt is a flow of its own, new to the organisation: no base to be stale against.
    request: ({ n }) => ({
      method: 'POST',
      url: `/api/v1/flows/access-${n}/versions`,
      body: { definition: { ...CONSULTATION, id: `access-${n}` }, baseVersion: null },
    }),
  },
  {
    route: 'GET /api/v1/kb',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/kb' }),
  },
  {
    route: 'GET /api/v1/kb/files',
    allowed: PUBLISHERS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/kb/files' }),
  },
  {
    route: 'POST /api/v1/kb/versions',
    allowed: PUBLISHERS,
    // From no base, over a knowledge base the organisation has: refused as stale, and nothing changes.
    ok: 409,
    request: () => ({
      method: 'POST',
      url: '/api/v1/kb/versions',
      body: { articles: [], baseVersion: null },
    }),
  },
  {
    route: 'GET /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    // Each person reads only their own draft: none is saved before the PUT row.
    ok: 404,
    request: () => ({ method: 'GET', url: '/api/v1/flows/inbound-consultation/draft' }),
  },
  {
    route: 'PUT /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    ok: 204,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/flows/inbound-consultation/draft',
      body: { draft: CONSULTATION, baseVersion: BUNDLED_VERSION },
    }),
  },
  {
    route: 'DELETE /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    ok: 204,
    request: () => ({ method: 'DELETE', url: '/api/v1/flows/inbound-consultation/draft' }),
  },
];

describe.each(DATABASE_KINDS)('route access on %s', (kind) => {
  let server: TestServer;
  let n = 0;
  // A fresh administrator session each time: the table signs administrators out everywhere.
  const admin = (): Promise<Session> => server.signInAs(MURMANSK, 'administrator');
  const newTarget = async (organisationId: string): Promise<string> => {
    const as = await server.signInAs(organisationId, 'administrator');
    const res = await server.call('POST', '/api/v1/admin/people', {
      as,
      body: {
        login: `target.${++n}`,
        password: 'пароль-цели-1',
        surname: 'Цель',
        firstName: 'Тест',
        roles: ['operator'],
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  const cases = TABLE.flatMap((c) => EVERYONE.map((who) => ({ ...c, who })));
  it.each(cases)('$route as $who', async (c) => {
    const target = await newTarget(MURMANSK);
    const as = c.who === 'anonymous' ? null : await server.signInAs(MURMANSK, c.who);
    const req = c.request({ target, n: ++n });
    const res = await server.call(req.method, req.url, { as, body: req.body });
    const expected = c.allowed.includes(c.who) ? c.ok : c.who === 'anonymous' ? 401 : 403;
    expect(res.statusCode, res.body).toBe(expected);
    if (expected >= 400) {
      expect(res.json()).toMatchObject({
        code: expect.any(String),
        message: expect.stringMatching(/[а-яё]/i),
      });
    }
  });

  const ownIdRoutes = TABLE.filter((c) => c.route.includes(':id'));
  it.each(ownIdRoutes)(
    "$route with another organisation's person: 404, and nothing changes there",
    async (c) => {
      const foreign = await newTarget(SVERDLOVSK);
      const req = c.request({ target: foreign, n: ++n });
      const res = await server.call(req.method, req.url, { as: await admin(), body: req.body });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'person_not_found' });
      // The foreign person can still sign in with their password, enabled, with their role.
      const theirs = await server.signIn(`target.${n - 1}`, 'пароль-цели-1');
      const me = await server.call('GET', '/api/v1/session', { as: theirs });
      expect(me.json()).toMatchObject({ person: { roles: ['operator'] }, organisation: { id: SVERDLOVSK } });
    },
  );

  it("lists only the administrator's own organisation", async () => {
    await newTarget(SVERDLOVSK);
    const res = await server.call('GET', '/api/v1/admin/people', { as: await admin() });
    const logins = res.json<{ people: { login: string }[] }>().people.map((p) => p.login);
    expect(logins).toContain('murmansk.operator');
    expect(logins.some((l) => l.startsWith('sverdlovsk.'))).toBe(false);
  });
});
