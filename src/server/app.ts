// buildServer(config): the whole server as a Fastify instance that does not listen (main.ts listens;
// tests call inject()). Opens the database, migrates it, seeds the samples if asked, registers one
// plugin per area.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { peopleRoutes } from './admin/peopleRoutes';
import { callbackRoutes } from './callbacks/callbackRoutes';
import { callRoutes } from './calls/callRoutes';
import { makeGuard } from './auth/guard';
import { sessionRoutes } from './auth/sessionRoutes';
import type { ServerConfig } from './config';
import type { Access, ServerDeps } from './context';
import { ApiError } from './errors';
import { loadBundledFlows, seedBundledFlows } from './flows/bundledFlows';
import { EventHub } from './events/eventHub';
import { eventRoutes } from './events/eventRoutes';
import { flowRoutes } from './flows/flowRoutes';
import { handoverRoutes } from './handovers/handoverRoutes';
import { articlesFor, loadBundledArticles } from './kb/bundledKb';
import { kbRoutes } from './kb/kbRoutes';
import { seedKbVersions } from './storage/kbVersions';
import { keepLeftReplays } from './storage/pendingReplays';
import { buildMissingRollups } from './storage/callRollups';
import { healthRoutes } from './health/healthRoutes';
import { server as messages } from '../i18n/ru/server';
import { organisationRoutes } from './organisations/organisationRoutes';
import { seedSamples } from './seed';
import { openDatabase, type ServerDatabase } from './storage/database';
import { migrate } from './storage/migrate';
import type { Database } from './storage/schema';
import { eraseExpired } from './storage/retention';
import { deleteExpiredSessions } from './storage/sessions';
import { deleteAttemptsBefore } from './storage/signInAttempts';
import { setSecurityHeaders } from './web/securityHeaders';
import { supervisionRoutes } from './supervision/supervisionRoutes';
import { groupRoutes } from './groups/groupRoutes';
import { hasBuild, isAppRoute, registerWeb, sendApp } from './web/webRoutes';

export const API_PREFIX = '/api/v1';

const databases = new WeakMap<FastifyInstance, Kysely<Database>>();

/** The database a built server uses: for tests and tools that inspect what the server stored. */
export function databaseOf(app: FastifyInstance): Kysely<Database> {
  const db = databases.get(app);
  if (!db) throw new Error('Not a server made by buildServer.');
  return db;
}
/** A route as the server registered it, with the access it declared (the route table tests read it). */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  csrf: boolean;
}

const routeLists = new WeakMap<FastifyInstance, readonly RouteEntry[]>();

/** Every route of a built server (HEAD twins of GET routes left out): tests check each has a row. */
export function routesOf(app: FastifyInstance): readonly RouteEntry[] {
  const routes = routeLists.get(app);
  if (!routes) throw new Error('Not a server made by buildServer.');
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes.filter((r) => r.method !== 'HEAD' || !gets.has(r.url));
}
// A NUL or half a surrogate pair: text PostgreSQL refuses (NUL) or silently alters (a lone surrogate).
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in a request's JSON a string (or a key) holds unstorable text: the fields to name in the 400. */
function unstorableFields(value: unknown, path: string, found: string[]): string[] {
  if (typeof value === 'string') {
    if (UNSTORABLE_TEXT.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, path ? `${path}.${i}` : String(i), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (UNSTORABLE_TEXT.test(k)) found.push(at);
      unstorableFields(v, at, found);
    }
  }
  return found;
}

const HOUSEKEEPING_MS = 60 * 60_000;

/** Errors are logged by kind and code only: a driver's detail can quote the values it refused. */
function safeError(err: Error): { type: string; message: string; stack: string; code?: unknown } {
  const code: unknown = 'code' in err ? err.code : undefined;
  return { type: err.name, code, message: err.message, stack: err.stack ?? '' };
}

/**
 * The database cannot be reached, as opposed to refusing a statement: the socket (ECONN…), a connection
 * exception (SQLSTATE class 08), an operator's shutdown or a restart (57P01–57P03), a database that takes no
 * connections now (55000, as when it is being restored), or pg's own code-less "terminated" errors on a
 * connection that dropped between two statements.
 */
function databaseDown(err: Error & { code?: string }): boolean {
  const code = err.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '55000'].includes(code) ||
    code.startsWith('08') ||
    (code === '' && /^(Connection terminated|Client has encountered a connection error)/.test(err.message))
  );
}

const api: FastifyPluginAsyncZod<ServerDeps> = async (app, { db, config, events }) => {
  // Plugin options carry Fastify's own (the prefix): hand the children only the dependencies.
  const deps: ServerDeps = { db, config, events };
  app.addHook('onRequest', makeGuard(deps));
  await app.register(sessionRoutes, deps);
  await app.register(peopleRoutes, { ...deps, prefix: '/admin/people' });
  await app.register(organisationRoutes, { ...deps, prefix: '/organisations' });
  await app.register(callRoutes, { ...deps, prefix: '/calls' });
  await app.register(callbackRoutes, { ...deps, prefix: '/callbacks' });
  await app.register(handoverRoutes, { ...deps, prefix: '/handovers' });
  await app.register(flowRoutes, { ...deps, prefix: '/flows' });
  await app.register(kbRoutes, { ...deps, prefix: '/kb' });
  await app.register(eventRoutes, { ...deps, prefix: '/events' });
  await app.register(supervisionRoutes, { ...deps, prefix: '/supervision' });
  await app.register(groupRoutes, { ...deps, prefix: '/groups' });
  app.get(
    '/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    // The document @fastify/swagger built from every route's zod schemas.
    () => Promise.resolve(app.swagger()),
  );
};

export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const database: ServerDatabase = await openDatabase(config.database);
  try {
    await migrate(database.db);
    if (config.seedSamples) await seedSamples(database.db, config.passwordHashing);
    // Every organisation starts with the flows the build brought; after that its published versions rule.
    if (config.bundledFlowsDir)
      await seedBundledFlows(database.db, loadBundledFlows(config.bundledFlowsDir), config.now());
    // And with the articles the build brought (issue 18): the first version of its knowledge base.
    if (config.bundledKbDir) {
      const shipped = loadBundledArticles(config.bundledKbDir);
      await seedKbVersions(database.db, (id) => articlesFor(shipped, id), config.now());
    }
    // Calls whose events a stopped server stored without keeping their replays (figures, callback,
    // handover) get them now.
    await keepLeftReplays(database.db);
    // Organisations without daily rollups of their call figures (new ones, or from before 0007) get them.
    await buildMissingRollups(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }

  const app = Fastify({
    // A request that arrives while the server stops gets the API's own 503 (the hook below), not Fastify's.
    return503OnClosing: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    logger: {
      level: config.logLevel,
      ...(config.logDestination ? { stream: config.logDestination } : {}),
      // Nothing personal or secret: a request is logged by method and path (no query, no headers), and
      // the headers that carry secrets are redacted should anything log them anyway.
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: safeError,
      },
    },
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access: route.config?.access, csrf: route.config?.csrf ?? true });
    }
  });
  const events = new EventHub(database.db, database.channel);
  let unlisten: (() => Promise<void>) | null = null;
  try {
    unlisten = await database.listen((payload) => events.deliver(payload));
  } catch (e) {
    await database.close();
    throw e;
  }
  const deps: ServerDeps = { db: database.db, config, events };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('session', null);

  const housekeeping = setInterval(() => {
    const now = config.now();
    void deleteExpiredSessions(database.db, now)
      .then(() => deleteAttemptsBefore(database.db, new Date(now.getTime() - 86_400_000)))
      // Personal data past the organisation's retention (issue 19): erased a batch at a time.
      .then(() => eraseExpired(database.db, now))
      .catch((e: unknown) => app.log.warn({ err: e }, 'housekeeping failed'));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();
  // Stopping: new requests are refused at once, open event streams end (they would hold the server open);
  // the server then waits for those in flight (Fastify closes the listening socket before its onClose
  // hooks run), and only then the database closes.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    events.closeAll();
    done();
  });
  app.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? new ApiError(503, 'server_closing', undefined, { 'retry-after': '60' }) : undefined);
  });
  app.addHook('onClose', async () => {
    clearInterval(housekeeping);
    await unlisten?.();
    await database.close();
  });

  app.addHook('onSend', async (request, reply) => setSecurityHeaders(request, reply));
  // The API speaks JSON only: a text/plain body (what another site's form can send) is 415, not parsed.
  app.removeContentTypeParser('text/plain');
  // Text the database cannot hold as sent is refused before any route sees it (else a 500, or a
  // changed name stored).
  app.addHook('preValidation', (request, _reply, done) => {
    const fields = unstorableFields(
      { ...(request.params as object), ...(request.query as object), ...(request.body as object) },
      '',
      [],
    );
    done(
      fields.length === 0
        ? undefined
        : new ApiError(400, 'invalid_request', messages.invalidRequest(fields), {}, { fields }),
    );
  });

  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      return reply
        .code(err.statusCode)
        .headers(err.headers)
        .send({ ...err.details, code: err.code, message: err.message });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation
        .map((v) => v.instancePath.replace(/^\//, '').replace(/\//g, '.'))
        .filter(Boolean);
      return reply
        .code(400)
        .send({ code: 'invalid_request', message: messages.invalidRequest(fields), fields });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({
        code: 'body_too_large',
        message: messages.bodyTooLarge(Math.floor(config.bodyLimit / 1024)),
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .code(415)
        .send({ code: 'unsupported_media_type', message: messages.api.unsupported_media_type });
    }
    if (err.statusCode === 400 && (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)) {
      return reply.code(400).send({ code: 'invalid_json', message: messages.api.invalid_json });
    }
    if (databaseDown(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply
        .code(503)
        .send({ code: 'database_unavailable', message: messages.api.database_unavailable });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ code: 'internal', message: messages.api.internal });
  });

  const web = hasBuild(config.staticDir) ? config.staticDir : null;
  app.setNotFoundHandler((request, reply) => {
    if (web && isAppRoute(request)) return sendApp(reply);
    return reply.code(404).send({ code: 'not_found', message: messages.api.not_found });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Sufler API', description: messages.apiTitle, version: '1' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes, { ...deps });
  await typed.register(api, { ...deps, prefix: API_PREFIX });
  if (web) await registerWeb(app, web);
  await app.ready();
  databases.set(app, database.db);
  routeLists.set(app, routes);
  return app;
}
