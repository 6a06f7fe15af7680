// Every route × every role × another organisation, driven by the server's own route list: a route the
// server has without a row here fails the first test, naming it. For each row: who may (the route
// answers), who may not (403), nobody signed in (401); another organisation's id finds nothing (404, or
// the route's own refusal) and changes nothing of theirs; no answer to anyone carries anything of another
// organisation; every state-changing route refuses a request without its CSRF token and stores nothing;
// every signed-in route refuses a signed-out session.
//
// To add a route: one row in TABLE with its allowed roles, the status of success, the request, and, when
// its address or body names an id (a person, a flow, a call…), `target` (makes such an id in a given
// organisation) and `foreign` (what another organisation's id gets).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/protocol';
import { routesOf } from '../../src/server/app';
import { countCallEvents, listCallEvents } from '../../src/server/storage/callEvents';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';
import { callEvent, callEvents } from './callEventsKit';
import { loadFlow } from '../calls/helpers';
import { commentsOn } from '../../src/server/storage/supervision';
import { claimedCallback, newCallback, newHandover, operatorsCall } from './routeAccessTargets';

/** A shipped article for every ministry (no organisation named), as its file holds it. */
const UNCHANGED_ARTICLE = {
  file: 'knowledge-base/gen-appeal-anonymous.md',
  text: readFileSync('knowledge-base/gen-appeal-anonymous.md', 'utf8'),
};

const CONSULTATION = loadFlow('inbound-consultation.json');
const BUNDLED_VERSION = CONSULTATION.version;

type Who = 'anonymous' | Role;
const EVERYONE: readonly Who[] = ['anonymous', ...ROLES];
const SIGNED_IN: readonly Who[] = ROLES;
const ADMIN: readonly Who[] = ['administrator'];
const OPERATOR: readonly Who[] = ['operator'];
const PUBLISHERS: readonly Who[] = ['editor', 'administrator'];
const CALLBACK_READERS: readonly Who[] = ['operator', 'supervisor'];
/** Supervision's readers: an operator reads their own calls, the others the organisation's. */
const CALL_READERS: readonly Who[] = ['operator', 'supervisor', 'administrator'];
const SUPERVISORS: readonly Who[] = ['supervisor', 'administrator'];
/** A period holding every call the rows make (their events are stamped in November and December 2026). */
const PERIOD = `from=${Date.UTC(2026, 0, 1)}&to=${Date.UTC(2027, 0, 1)}`;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Req {
  method: Method;
  url: string;
  body?: unknown;
}

interface Case {
  /** The route as the server names it: method and address pattern. */
  route: string;
  allowed: readonly Who[];
  ok: number;
  /** Makes the id the request names, in the given organisation; absent when the route names none. */
  target?: (server: TestServer, organisationId: string, n: number) => Promise<string>;
  /** Builds the request for one attempt; `target` is what `target` made (in the caller's organisation). */
  request(ctx: { target: string; n: number }): Req;
  /** What an id of another organisation gets, asked by a role that may use the route. */
  foreign?: (res: LightMyRequestResponse, ctx: { server: TestServer; target: string }) => Promise<void>;
  /** A server-sent stream: asked over a real socket, since it never ends by itself. */
  stream?: true;
}

const ADMIN_PASSWORD = 'пароль-цели-1';

/** A fresh person of the organisation, added by its administrator. */
async function newPerson(server: TestServer, organisationId: string, n: number): Promise<string> {
  const as = await server.signInAs(organisationId, 'administrator');
  const res = await server.call('POST', '/api/v1/admin/people', {
    as,
    body: {
      login: `target.${organisationId}.${n}`,
      password: ADMIN_PASSWORD,
      surname: 'Цель',
      firstName: 'Тест',
      roles: ['operator'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A flow the organisation publishes under a name of its own (another organisation has no such flow). */
async function newFlow(server: TestServer, organisationId: string, n: number): Promise<string> {
  const flowId = `target-${n}-flow`;
  const res = await server.call('POST', `/api/v1/flows/${flowId}/versions`, {
    as: await server.signInAs(organisationId, 'editor'),
    body: { definition: { ...CONSULTATION, id: flowId }, baseVersion: null },
  });
  expect(res.statusCode, res.body).toBe(201);
  return flowId;
}

/** A call the organisation's operator began, with two events held. */
async function newCall(server: TestServer, organisationId: string, n: number): Promise<string> {
  const callId = `target-${n}-call`;
  const res = await server.call('POST', '/api/v1/calls/events', {
    as: await server.signInAs(organisationId, 'operator'),
    body: { organisationId, calls: [{ callId, events: callEvents(callId, 0, 1) }] },
  });
  expect(res.json()).toMatchObject({ calls: [{ status: 'stored', added: 2 }] });
  return callId;
}

/** Drafts of a flow of the organisation's own, saved by its editor and its administrator. */
async function newDrafts(server: TestServer, organisationId: string, n: number): Promise<string> {
  const flowId = `target-${n}-draft`;
  for (const role of ['editor', 'administrator'] as const) {
    const res = await server.call('PUT', `/api/v1/flows/${flowId}/draft`, {
      as: await server.signInAs(organisationId, role),
      body: { draft: { ...CONSULTATION, id: flowId }, baseVersion: null },
    });
    expect(res.statusCode, res.body).toBe(204);
  }
  return flowId;
}

/** A group of operators of the organisation, made by its administrator. */
async function newGroup(server: TestServer, organisationId: string, n: number): Promise<string> {
  const res = await server.call('POST', '/api/v1/groups', {
    as: await server.signInAs(organisationId, 'administrator'),
    body: { name: `Группа ${n}`, members: [] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Drafts of an article under a name of the organisation's own, saved by its editor and its administrator. */
async function newArticleDrafts(server: TestServer, organisationId: string, n: number): Promise<string> {
  const articleId = `target-${n}-article`;
  for (const role of ['editor', 'administrator'] as const) {
    const res = await server.call('PUT', `/api/v1/kb/drafts/${articleId}`, {
      as: await server.signInAs(organisationId, role),
      body: { draft: { id: articleId, title: 'Черновик' }, base: null },
    });
    expect(res.statusCode, res.body).toBe(204);
  }
  return articleId;
}

/** Another organisation's call named in an upload's body: refused per call, its events as they were. */
const callNotYours: Case['foreign'] = async (res, { server, target }) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({
    calls: [{ callId: target, status: 'refused', code: 'call_not_yours' }],
  });
  expect((await listCallEvents(server.db, target)).map((e) => e.seq)).toEqual([0, 1]);
};

/** An upload of the call's first event. */
const uploadOf = (callId: string): Req => ({
  method: 'POST',
  url: '/api/v1/calls/events',
  body: { organisationId: MURMANSK, calls: [{ callId, events: [callEvent(callId, 0)] }] },
});

const personNotFound: Case['foreign'] = (res) => {
  expect(res.statusCode, res.body).toBe(404);
  expect(res.json()).toMatchObject({ code: 'person_not_found' });
  return Promise.resolve();
};
const flowNotFound: Case['foreign'] = (res) => {
  expect(res.statusCode, res.body).toBe(404);
  expect(res.json()).toMatchObject({ code: 'flow_not_found' });
  return Promise.resolve();
};

/** Another organisation's id is not found, under the route's own code, and the answer does not name it. */
const notFound =
  (code: string): NonNullable<Case['foreign']> =>
  (res, { target }) => {
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ code });
    expect(res.body).not.toContain(target);
    return Promise.resolve();
  };
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

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
    // Signing in again while signed in is allowed (it replaces the session the browser carried).
    route: 'POST /api/v1/session',
    allowed: EVERYONE,
    ok: 200,
    request: () => ({
      method: 'POST',
      url: '/api/v1/session',
      body: { login: 'murmansk.operator', password: 'sufler-demo' },
    }),
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
    route: 'GET /api/v1/events',
    allowed: SIGNED_IN,
    ok: 200,
    stream: true,
    request: () => ({ method: 'GET', url: '/api/v1/events' }),
  },
  {
    route: 'GET /api/v1/organisations/current',
    allowed: SIGNED_IN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/organisations/current' }),
  },
  {
    route: 'GET /api/v1/organisations/current/people',
    allowed: CALLBACK_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/organisations/current/people' }),
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
    route: 'PUT /api/v1/admin/people/:personId/password',
    allowed: ADMIN,
    ok: 204,
    target: newPerson,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/password`,
      body: { password: 'новый-пароль-1' },
    }),
    foreign: personNotFound,
  },
  {
    route: 'PUT /api/v1/admin/people/:personId/status',
    allowed: ADMIN,
    ok: 200,
    target: newPerson,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/status`,
      body: { disabled: true },
    }),
    foreign: personNotFound,
  },
  {
    route: 'PUT /api/v1/admin/people/:personId/roles',
    allowed: ADMIN,
    ok: 200,
    target: newPerson,
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/admin/people/${target}/roles`,
      body: { roles: ['editor'] },
    }),
    foreign: personNotFound,
  },
  {
    // The call is named in the body: another organisation's call is refused per call, as another
    // operator's would be (nothing says it exists elsewhere), and its events stay as they were.
    route: 'POST /api/v1/calls/events',
    allowed: OPERATOR,
    ok: 200,
    target: (_server, organisationId, n) => Promise.resolve(`access-${organisationId}-${n}`),
    request: ({ target }) => uploadOf(target),
    foreign: callNotYours,
  },
  {
    // Calls imported from files: a call of another organisation is refused per call, as an upload's is,
    // and its events stay as they were.
    route: 'POST /api/v1/calls/imports',
    allowed: SUPERVISORS,
    ok: 200,
    target: newCall,
    request: ({ target }) => ({ ...uploadOf(target), url: '/api/v1/calls/imports' }),
    foreign: callNotYours,
  },
  {
    // Takes the lease over from whichever device held it: the operator's own, nothing of anyone else's.
    route: 'POST /api/v1/calls/lease',
    allowed: OPERATOR,
    ok: 200,
    request: ({ n }) => ({
      method: 'POST',
      url: '/api/v1/calls/lease',
      body: { deviceId: `desk-${n}`, takeOver: true },
    }),
  },
  {
    // The reporting session's own row; nothing of anyone else's.
    route: 'PUT /api/v1/calls/outbox',
    allowed: OPERATOR,
    ok: 204,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/calls/outbox',
      body: { calls: 0, events: 0, oldestAt: null, stuckSince: null },
    }),
  },
  {
    route: 'GET /api/v1/callbacks',
    allowed: CALLBACK_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/callbacks' }),
  },
  {
    route: 'POST /api/v1/callbacks/:id/claim',
    allowed: OPERATOR,
    ok: 200,
    target: newCallback,
    request: ({ target }) => ({ method: 'POST', url: at('/api/v1/callbacks', target, '/claim'), body: {} }),
    foreign: notFound('callback_not_found'),
  },
  {
    // Claimed by the organisation's operator, who gives it back; another organisation's, claimed by its
    // own operator, is not found (its holder's name not told) and stays claimed.
    route: 'POST /api/v1/callbacks/:id/release',
    allowed: OPERATOR,
    ok: 200,
    target: claimedCallback,
    request: ({ target }) => ({ method: 'POST', url: at('/api/v1/callbacks', target, '/release'), body: {} }),
    foreign: notFound('callback_not_found'),
  },
  {
    // Nobody holds it, so anyone of the organisation may close it: anyone of another may not.
    route: 'POST /api/v1/callbacks/:id/done',
    allowed: OPERATOR,
    ok: 200,
    target: newCallback,
    request: ({ target, n }) => ({
      method: 'POST',
      url: at('/api/v1/callbacks', target, '/done'),
      body: { callId: `kept-${n}` },
    }),
    foreign: notFound('callback_not_found'),
  },
  {
    route: 'GET /api/v1/handovers',
    allowed: OPERATOR,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/handovers' }),
  },
  {
    // Handed over to the organisation's operator (the account the operator rows sign in with).
    route: 'GET /api/v1/handovers/:id',
    allowed: OPERATOR,
    ok: 200,
    target: newHandover,
    request: ({ target }) => ({ method: 'GET', url: at('/api/v1/handovers', target) }),
    foreign: notFound('handover_not_found'),
  },
  {
    route: 'POST /api/v1/handovers/:id/accept',
    allowed: OPERATOR,
    ok: 200,
    target: newHandover,
    request: ({ target, n }) => ({
      method: 'POST',
      url: at('/api/v1/handovers', target, '/accept'),
      body: { callId: `taking-${n}` },
    }),
    foreign: notFound('handover_not_found'),
  },
  {
    route: 'GET /api/v1/supervision/calls',
    allowed: CALL_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: `/api/v1/supervision/calls?${PERIOD}` }),
  },
  {
    route: 'GET /api/v1/supervision/calls.csv',
    allowed: CALL_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: `/api/v1/supervision/calls.csv?${PERIOD}` }),
  },
  {
    // Filtered by a group of the reader's organisation; another organisation's group is not found.
    route: 'GET /api/v1/supervision/calls.json',
    allowed: CALL_READERS,
    ok: 200,
    target: newGroup,
    request: ({ target }) => ({
      method: 'GET',
      url: `/api/v1/supervision/calls.json?${PERIOD}&group=${target}`,
    }),
    foreign: notFound('group_not_found'),
  },
  {
    route: 'GET /api/v1/groups',
    allowed: SUPERVISORS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/groups' }),
  },
  {
    // Its member is a person of the organisation; another organisation's person is not found.
    route: 'POST /api/v1/groups',
    allowed: ADMIN,
    ok: 201,
    target: newPerson,
    request: ({ target, n }) => ({
      method: 'POST',
      url: '/api/v1/groups',
      body: { name: `Первая линия ${n}`, members: [target] },
    }),
    foreign: personNotFound,
  },
  {
    route: 'PUT /api/v1/groups/:groupId',
    allowed: ADMIN,
    ok: 200,
    target: newGroup,
    request: ({ target, n }) => ({
      method: 'PUT',
      url: at('/api/v1/groups', target),
      body: { name: `Льготы ${n}`, members: [] },
    }),
    foreign: notFound('group_not_found'),
  },
  {
    route: 'DELETE /api/v1/groups/:groupId',
    allowed: ADMIN,
    ok: 204,
    target: newGroup,
    request: ({ target }) => ({ method: 'DELETE', url: at('/api/v1/groups', target) }),
    foreign: notFound('group_not_found'),
  },
  {
    // The organisation's operator made the call, so all three readers may read it.
    route: 'GET /api/v1/supervision/calls/:callId',
    allowed: CALL_READERS,
    ok: 200,
    target: operatorsCall,
    request: ({ target }) => ({ method: 'GET', url: at('/api/v1/supervision/calls', target) }),
    foreign: notFound('call_not_found'),
  },
  {
    // A comment is stored under the commenter's organisation: the digest of the other's would not show
    // one left on its call, so the call's comments are looked at too.
    route: 'POST /api/v1/supervision/calls/:callId/comments',
    allowed: SUPERVISORS,
    ok: 201,
    target: operatorsCall,
    request: ({ target }) => ({
      method: 'POST',
      url: at('/api/v1/supervision/calls', target, '/comments'),
      body: { body: 'Поздоровайтесь по сценарию.' },
    }),
    foreign: async (res, ctx) => {
      await notFound('call_not_found')(res, ctx);
      expect(await commentsOn(ctx.server.db, ctx.target)).toEqual([]);
    },
  },
  {
    route: 'GET /api/v1/supervision/dashboard',
    allowed: CALL_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: `/api/v1/supervision/dashboard?${PERIOD}` }),
  },
  {
    route: 'GET /api/v1/supervision/coaching',
    allowed: CALL_READERS,
    ok: 200,
    request: () => ({ method: 'GET', url: `/api/v1/supervision/coaching?${PERIOD}` }),
  },
  {
    route: 'GET /api/v1/supervision/retention',
    allowed: SUPERVISORS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/supervision/retention' }),
  },
  {
    // The longest retention there is: nothing the other rows made is erased under it.
    route: 'PUT /api/v1/supervision/retention',
    allowed: ADMIN,
    ok: 200,
    request: () => ({ method: 'PUT', url: '/api/v1/supervision/retention', body: { days: 3650 } }),
  },
  {
    route: 'GET /api/v1/supervision/board',
    allowed: SUPERVISORS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/supervision/board' }),
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
    target: () => Promise.resolve(CONSULTATION.id),
    request: ({ target }) => ({ method: 'GET', url: `/api/v1/flows/${target}/versions` }),
    foreign: flowNotFound,
  },
  {
    route: 'GET /api/v1/flows/:flowId/versions/:version',
    allowed: SIGNED_IN,
    ok: 200,
    target: () => Promise.resolve(CONSULTATION.id),
    request: ({ target }) => ({
      method: 'GET',
      url: `/api/v1/flows/${target}/versions/${target === CONSULTATION.id ? BUNDLED_VERSION : 1}`,
    }),
    foreign: flowNotFound,
  },
  {
    // Flow ids are the organisation's own names: publishing under a name another organisation uses makes
    // a flow of one's own. With the other's version as base it is a conflict that names no version.
    route: 'POST /api/v1/flows/:flowId/versions',
    allowed: PUBLISHERS,
    ok: 201,
    target: (_server, _organisationId, n) => Promise.resolve(`access-${n}`),
    request: ({ target }) => ({
      method: 'POST',
      url: `/api/v1/flows/${target}/versions`,
      body: {
        definition: { ...CONSULTATION, id: target },
        baseVersion: target.startsWith('access-') ? null : 1,
      },
    }),
    foreign: (res) => {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'version_conflict' });
      expect(res.json()).not.toHaveProperty('latest');
      return Promise.resolve();
    },
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
    route: 'GET /api/v1/kb/publications',
    allowed: PUBLISHERS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/kb/publications' }),
  },
  {
    route: 'POST /api/v1/kb/articles',
    allowed: PUBLISHERS,
    // An article every ministry has, published as it stands: accepted, and nothing changes.
    ok: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/kb/articles',
      body: { articles: [{ ...UNCHANGED_ARTICLE, base: null }], note: '' },
    }),
  },
  {
    route: 'GET /api/v1/kb/drafts',
    allowed: PUBLISHERS,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/v1/kb/drafts' }),
  },
  {
    route: 'GET /api/v1/kb/drafts/:articleId',
    allowed: PUBLISHERS,
    // Each person reads only their own draft: none is saved before the PUT row.
    ok: 404,
    target: () => Promise.resolve('gen-appeal-anonymous'),
    request: ({ target }) => ({ method: 'GET', url: `/api/v1/kb/drafts/${target}` }),
    // Drafts another organisation's editor and administrator saved under an article name are not read.
    foreign: (res, { target }) => {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'article_draft_not_found' });
      expect(res.body).not.toContain(target);
      return Promise.resolve();
    },
  },
  {
    route: 'PUT /api/v1/kb/drafts/:articleId',
    allowed: PUBLISHERS,
    ok: 204,
    target: () => Promise.resolve('gen-appeal-anonymous'),
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/kb/drafts/${target}`,
      body: { draft: { id: target, title: 'Черновик' }, base: null },
    }),
    // Under an article name another organisation has drafts of, one saves a draft of one's own: theirs stay.
    foreign: (res) => {
      expect(res.statusCode, res.body).toBe(204);
      return Promise.resolve();
    },
  },
  {
    route: 'DELETE /api/v1/kb/drafts/:articleId',
    allowed: PUBLISHERS,
    ok: 204,
    target: () => Promise.resolve('gen-appeal-anonymous'),
    request: ({ target }) => ({ method: 'DELETE', url: `/api/v1/kb/drafts/${target}` }),
    // Drops one's own draft of that name (there is none): another organisation's drafts stay.
    foreign: (res) => {
      expect(res.statusCode, res.body).toBe(204);
      return Promise.resolve();
    },
  },
  {
    route: 'GET /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    // Each person reads only their own draft: none is saved before the PUT row.
    ok: 404,
    target: () => Promise.resolve(CONSULTATION.id),
    request: ({ target }) => ({ method: 'GET', url: `/api/v1/flows/${target}/draft` }),
    // Drafts another organisation's editor and administrator saved under a flow name are not read.
    foreign: (res, { target }) => {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'draft_not_found' });
      expect(res.body).not.toContain(target);
      return Promise.resolve();
    },
  },
  {
    route: 'PUT /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    ok: 204,
    target: () => Promise.resolve(CONSULTATION.id),
    request: ({ target }) => ({
      method: 'PUT',
      url: `/api/v1/flows/${target}/draft`,
      body: { draft: CONSULTATION, baseVersion: BUNDLED_VERSION },
    }),
    // Under a flow name another organisation has drafts of, one saves a draft of one's own: theirs stay.
    foreign: (res) => {
      expect(res.statusCode, res.body).toBe(204);
      return Promise.resolve();
    },
  },
  {
    route: 'DELETE /api/v1/flows/:flowId/draft',
    allowed: PUBLISHERS,
    ok: 204,
    target: () => Promise.resolve(CONSULTATION.id),
    request: ({ target }) => ({ method: 'DELETE', url: `/api/v1/flows/${target}/draft` }),
    // Drops one's own draft of that name (there is none): another organisation's drafts stay.
    foreign: (res) => {
      expect(res.statusCode, res.body).toBe(204);
      return Promise.resolve();
    },
  },
];

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const ROWS = new Map(TABLE.map((c) => [c.route, c]));
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** For a foreign case: how to make the other organisation's id (a row's `target`, or a made-up one). */
const FOREIGN_TARGETS: Record<string, Case['target']> = {
  'POST /api/v1/calls/events': newCall,
  'GET /api/v1/flows/:flowId/versions': newFlow,
  'GET /api/v1/flows/:flowId/versions/:version': newFlow,
  'POST /api/v1/flows/:flowId/versions': newFlow,
  'GET /api/v1/flows/:flowId/draft': newDrafts,
  'PUT /api/v1/flows/:flowId/draft': newDrafts,
  'DELETE /api/v1/flows/:flowId/draft': newDrafts,
  'GET /api/v1/kb/drafts/:articleId': newArticleDrafts,
  'PUT /api/v1/kb/drafts/:articleId': newArticleDrafts,
  'DELETE /api/v1/kb/drafts/:articleId': newArticleDrafts,
};

describe.each(DATABASE_KINDS)('route access on %s', (kind) => {
  let server: TestServer;
  let base: string;
  let n = 0;
  /** What no answer given to Murmansk may contain: Sverdlovsk's id, its people's ids, its own flow. */
  const foreignMarks: string[] = [SVERDLOVSK];

  /** Everything the organisation holds, as one digest: equal before and after means nothing changed. */
  const digest = async (organisationId: string | null): Promise<string> => {
    const tables = await sql<{ table_name: string; has_org: boolean }>`
      select t.table_name, exists (
        select 1 from information_schema.columns c
        where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'organisation_id'
      ) as has_org
      from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by t.table_name`.execute(server.db);
    const hash = createHash('sha256');
    for (const { table_name: table, has_org: hasOrg } of tables.rows) {
      if (organisationId !== null && !hasOrg) continue;
      const where = organisationId === null ? sql`` : sql`where organisation_id = ${organisationId}`;
      const rows = await sql<{ row: string }>`
        select row_to_json(t)::text as row from ${sql.table(table)} t ${where}`.execute(server.db);
      hash.update(table);
      for (const r of rows.rows.map((x) => x.row).sort()) hash.update(r);
    }
    return hash.digest('hex');
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    if (!address || typeof address !== 'object') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
    const people = await server.call('GET', '/api/v1/admin/people', {
      as: await server.signInAs(SVERDLOVSK, 'administrator'),
    });
    foreignMarks.push(...people.json<{ people: { id: string }[] }>().people.map((p) => p.id));
    foreignMarks.push(await newFlow(server, SVERDLOVSK, ++n), await newCall(server, SVERDLOVSK, ++n));
    // An article draft of Sverdlovsk's editors: no list of drafts shown to anyone else names it.
    foreignMarks.push(await newArticleDrafts(server, SVERDLOVSK, ++n));
  });
  afterAll(() => server.close());

  const send = async (c: Case, req: Req, as: Session | null): Promise<LightMyRequestResponse | number> => {
    if (!c.stream) return server.call(req.method, req.url, { as, body: req.body });
    const abort = new AbortController();
    const res = await fetch(`${base}${req.url}`, {
      headers: as ? { cookie: `sufler_session=${as.cookie}` } : {},
      signal: abort.signal,
    });
    if (res.ok) abort.abort();
    else await res.text();
    return res.status;
  };

  it('has a row for every route the server has, and no row for a route it lacks', () => {
    const served = routesOf(server.app).map(key);
    expect(
      served.filter((r) => !ROWS.has(r)),
      'routes without a row in TABLE (add one: roles, request, foreign ids)',
    ).toEqual([]);
    expect(
      TABLE.map((c) => c.route).filter((r) => !served.includes(r)),
      'rows for routes the server does not have',
    ).toEqual([]);
    expect(
      TABLE.filter((c) => /:\w+/.test(c.route) && !c.foreign).map((c) => c.route),
      'routes with an id in their address but no case for another organisation’s id',
    ).toEqual([]);
  });

  it('declares access on every route; only sign-in goes without a CSRF token; the public routes are these', () => {
    const routes = routesOf(server.app);
    expect(routes.filter((r) => r.access === undefined).map(key)).toEqual([]);
    expect(routes.filter((r) => !SAFE.has(r.method) && !r.csrf).map(key)).toEqual(['POST /api/v1/session']);
    // A new public route (a self-service password reset, say) must be looked at here first.
    expect(routes.filter((r) => r.access === 'public').map(key)).toEqual([
      'GET /healthz',
      'GET /readyz',
      'POST /api/v1/session',
      'GET /api/v1/openapi.json',
    ]);
  });

  const cases = TABLE.flatMap((c) => EVERYONE.map((who) => ({ ...c, who })));
  it.each(cases)('$route as $who', async (c) => {
    const target = c.target ? await c.target(server, MURMANSK, ++n) : '';
    const as = c.who === 'anonymous' ? null : await server.signInAs(MURMANSK, c.who);
    const res = await send(c, c.request({ target, n: ++n }), as);
    const status = typeof res === 'number' ? res : res.statusCode;
    const expected = c.allowed.includes(c.who) ? c.ok : c.who === 'anonymous' ? 401 : 403;
    expect(status, typeof res === 'number' ? '' : res.body).toBe(expected);
    if (typeof res === 'number') return;
    for (const mark of foreignMarks) expect(res.body.toLowerCase()).not.toContain(mark.toLowerCase());
    if (expected >= 400) {
      expect(res.json()).toMatchObject({
        code: expect.any(String),
        message: expect.stringMatching(/[а-яё]/i),
      });
    }
  });

  const foreignCases = TABLE.filter((c) => c.foreign).flatMap((c) =>
    c.allowed.filter((w): w is Role => w !== 'anonymous').map((who) => ({ ...c, who })),
  );
  it.each(foreignCases)(
    "$route as $who with another organisation's id: nothing found, nothing of theirs changed",
    async (c) => {
      const make = FOREIGN_TARGETS[c.route] ?? c.target ?? newPerson;
      const target = await make(server, SVERDLOVSK, ++n);
      const as = await server.signInAs(MURMANSK, c.who);
      const theirs = await digest(SVERDLOVSK);
      const res = await send(c, c.request({ target, n: ++n }), as);
      if (typeof res === 'number') throw new Error('a stream names no id');
      await c.foreign?.(res, { server, target });
      for (const mark of foreignMarks) expect(res.body.toLowerCase()).not.toContain(mark.toLowerCase());
      expect(await digest(SVERDLOVSK)).toBe(theirs);
    },
  );

  const writes = TABLE.filter(
    (c) => !SAFE.has(c.route.split(' ')[0] ?? '') && c.route !== 'POST /api/v1/session',
  );
  it.each(writes)('$route refuses a missing or foreign CSRF token and stores nothing', async (c) => {
    const who = c.allowed.find((w): w is Role => w !== 'anonymous');
    if (!who) throw new Error(`${c.route}: no role may use it`);
    const target = c.target ? await c.target(server, MURMANSK, ++n) : '';
    const as = await server.signInAs(MURMANSK, who);
    const other = await server.signInAs(MURMANSK, who);
    const before = await digest(null);
    const req = c.request({ target, n: ++n });
    for (const token of ['', other.csrfToken, `${as.csrfToken}x`]) {
      const res = await server.call(req.method, req.url, {
        as,
        body: req.body,
        headers: { 'x-csrf-token': token },
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
    expect(await digest(null)).toBe(before);
  });

  const signedIn = TABLE.filter((c) => !c.allowed.includes('anonymous'));
  it.each(signedIn)('$route refuses a session that signed out', async (c) => {
    const who = c.allowed.find((w): w is Role => w !== 'anonymous') ?? 'operator';
    const target = c.target ? await c.target(server, MURMANSK, ++n) : '';
    const as = await server.signInAs(MURMANSK, who);
    const out = await server.call('DELETE', '/api/v1/session', { as });
    expect(out.statusCode).toBe(204);
    const events = await countCallEvents(server.db);
    const res = await send(c, c.request({ target, n: ++n }), as);
    expect(typeof res === 'number' ? res : res.statusCode).toBe(401);
    if (typeof res !== 'number') expect(res.json()).toMatchObject({ code: 'session_expired' });
    expect(await countCallEvents(server.db)).toBe(events);
  });
});
