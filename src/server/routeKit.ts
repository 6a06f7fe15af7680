// What every API route of an area says the same way: the area's plugin, its declaration (who may call it,
// which the auth hook reads and refuses everybody else; its OpenAPI summary under the area's tag; its zod
// schemas beside the refusals the area answers with), the signed-in person it acts for, a lookup missing
// from their organisation answered 404 with the area's code (another organisation's ids reveal nothing),
// and what they did written to the audit log.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { apiErrorSchema } from '../protocol';
import { sessionOf } from './auth/guard';
import type { Access, ServerDeps } from './context';
import { ApiError } from './errors';
import type { ApiErrorCode } from '../i18n/ru/server';
import { appendAudit, type AuditEntry } from './storage/audit';
import type { Database } from './storage/schema';

/**
 * Who may call a route, for the role lists the areas share: administrators alone, operators alone, and
 * supervising or publishing, which an administrator may do as well.
 */
export const administrators = ['administrator'] as const;
export const operators = ['operator'] as const;
export const supervisors = ['supervisor', 'administrator'] as const;
export const publishers = ['editor', 'administrator'] as const;

/** The statuses a route refuses with, each answered as `{ code, message }` (apiErrorSchema). */
type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;
type Refusals<S extends RefusalStatus> = { [K in S]: typeof apiErrorSchema };

/** What a route's schemas may describe; its replies are required. */
export interface RouteSchemas {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** The route's own replies; a refusal status named here replaces the plain one. */
  response: Record<number, z.ZodType>;
}

/** A route's replies: the refusals, then its own (which win where both name a status). */
type Replies<B extends RefusalStatus, R> = Omit<Refusals<B>, keyof R> & R;

function refusalsOf<S extends RefusalStatus>(statuses: readonly S[]): Refusals<S> {
  // Filled just below with one entry per status, which is all the mapped type asks.
  const replies = {} as Refusals<S>;
  for (const status of statuses) replies[status] = apiErrorSchema;
  return replies;
}

/**
 * The declarations of an area's routes: `declare(access, summary, schemas)` gives a route's options with
 * its access, its summary under `tag`, its schemas and the area's refusals (or the ones it names instead).
 */
function routeDeclarations<const A extends RefusalStatus>(tag: string, areaRefusals: readonly A[]) {
  return function declare<S extends RouteSchemas, const B extends RefusalStatus = A>(
    access: Access,
    summary: string,
    schemas: S,
    refusals?: readonly B[],
  ) {
    // The spread's own type would intersect a replaced refusal with the route's reply for that status.
    const response = {
      ...refusalsOf<RefusalStatus>(refusals ?? areaRefusals),
      ...schemas.response,
    } as Replies<B, S['response']>;
    return { config: { access }, schema: { summary, tags: [tag], ...schemas, response } };
  };
}

/** The `declare` of an area whose routes refuse with these statuses. */
export type RouteDeclarations<A extends RefusalStatus> = ReturnType<typeof routeDeclarations<A>>;

/** The Fastify instance an area registers its routes on (zod schemas typing each request and reply). */
export type AreaApp = Parameters<FastifyPluginAsyncZod<ServerDeps>>[0];

/**
 * An area's plugin: `register` adds its routes, each declared with the area's `declare` (under `tag`,
 * refusing with `areaRefusals` unless a route names its own).
 */
export function routeArea<const A extends RefusalStatus>(
  tag: string,
  areaRefusals: readonly A[],
  register: (app: AreaApp, deps: ServerDeps, declare: RouteDeclarations<A>) => void,
): FastifyPluginAsyncZod<ServerDeps> {
  const declare = routeDeclarations(tag, areaRefusals);
  return (app, deps) => {
    register(app, deps, declare);
    // Routes are registered synchronously; Fastify takes a promise from an async plugin.
    return Promise.resolve();
  };
}

/** The signed-in person a route acts for, in their organisation (the guard has already let them in). */
export function actorOf(request: FastifyRequest): { organisationId: string; personId: string } {
  const { organisation, person } = sessionOf(request);
  return { organisationId: organisation.id, personId: person.id };
}

/** What a lookup in the caller's organisation found, or a 404 with `code` when it found nothing. */
export function orNotFound<T>(value: T | null | undefined, code: ApiErrorCode): T {
  if (value === null || value === undefined) throw new ApiError(404, code);
  return value;
}

/** Writes to the audit log what the signed-in person did, from the address of this request. */
export async function auditBy(
  db: Kysely<Database>,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'organisationId' | 'actorPersonId' | 'address'>,
): Promise<void> {
  const { organisationId, personId } = actorOf(request);
  await appendAudit(db, { organisationId, actorPersonId: personId, address: request.ip, ...entry });
}
