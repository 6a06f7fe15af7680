// An editor's draft of one thing (a flow, an article), saved as they type: each editor reads, saves and
// drops only their own, in their organisation. The flows and the knowledge base declare theirs here.
import type { FastifyRequest, FastifyTypeProviderDefault } from 'fastify';
import { z } from 'zod';
import type { ApiErrorCode } from '../i18n/ru/server';
import type { Access } from './context';
import { actorOf, orNotFound, type AreaApp, type RouteDeclarations } from './routeKit';

/** The editor whose draft a request reads or writes. */
type Editor = ReturnType<typeof actorOf>;

interface EditorDrafts<P, B, D> {
  url: string;
  /** The thing drafted, as the summaries name it: "a flow", "an article". */
  of: string;
  access: Access;
  params: z.ZodType<P>;
  body: z.ZodType<B>;
  draft: z.ZodType<D>;
  /** The largest draft a save takes, where it is not Fastify's default. */
  bodyLimit?: number;
  /** The code of the 404 for a draft the editor does not have. */
  missing: ApiErrorCode;
  find: (editor: Editor, params: P) => Promise<D | null>;
  save: (editor: Editor, params: P, body: B) => Promise<void>;
  drop: (editor: Editor, params: P) => Promise<void>;
}

/** Registers GET, PUT and DELETE of `url`: the signed-in editor's draft, found, saved and dropped. */
export function editorDraftRoutes<P, B, D>(
  zodApp: AreaApp,
  declare: RouteDeclarations<400 | 401 | 403 | 404>,
  d: EditorDrafts<P, B, D>,
): void {
  // The zod type provider cannot type a request from a schema still generic here, so these routes take
  // their params and body as the schemas above checked them (and their replies are checked as declared).
  const app = zodApp.withTypeProvider<FastifyTypeProviderDefault>();
  const paramsOf = (request: FastifyRequest) => request.params as P;

  app.get(
    d.url,
    declare(d.access, `The signed-in editor’s draft of ${d.of}`, {
      params: d.params,
      response: { 200: d.draft },
    }),
    async (request) => orNotFound(await d.find(actorOf(request), paramsOf(request)), d.missing),
  );

  app.put(
    d.url,
    {
      ...declare(d.access, `Save the signed-in editor’s draft of ${d.of} as typed, errors and all`, {
        params: d.params,
        body: d.body,
        response: { 204: z.null() },
      }),
      ...(d.bodyLimit === undefined ? {} : { bodyLimit: d.bodyLimit }),
    },
    async (request, reply) => {
      await d.save(actorOf(request), paramsOf(request), request.body as B);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    d.url,
    declare(d.access, `Drop the signed-in editor’s draft of ${d.of}`, {
      params: d.params,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      await d.drop(actorOf(request), paramsOf(request));
      return reply.code(204).send(null);
    },
  );
}
