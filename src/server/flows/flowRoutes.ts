// /api/v1/flows: the organisation's published call flows (issue 18). Everyone signed in reads what is in
// force and what is scheduled; editors and administrators publish. A version is checked exactly as
// flows:check checks a file, and is refused whole with the checker's own words; a draft based on a
// version that is no longer the newest is refused with that newer version, to compare with.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkFlow } from '../../flows/check';
import { hasErrors } from '../../flows/issues';
import { issueLine } from '../../i18n/ru/flowIssues';
import {
  apiErrorSchema,
  flowCatalogueSchema,
  flowHistorySchema,
  flowIdSchema,
  flowRefusalSchema,
  flowDraftSchema,
  flowVersionNumberSchema,
  publishedFlowSchema,
  publishFlowSchema,
  saveFlowDraftSchema,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { appendAudit } from '../storage/audit';
import { deleteFlowDraft, findFlowDraft, saveFlowDraft } from '../storage/flowDrafts';
import {
  catalogueMark,
  findFlowVersion,
  flowCatalogue,
  flowHistory,
  publishFlowVersion,
} from '../storage/flowVersions';

const readers = 'signedIn' as const;
type Catalogue = z.infer<typeof flowCatalogueSchema>;
const publishers = ['editor', 'administrator'] as const;
const refusals = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const flowParams = z.object({ flowId: flowIdSchema });
const versionParams = flowParams.extend({ version: flowVersionNumberSchema });

export const flowRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config, events }) => {
  /** The serialised catalogue of each organisation, while its versions are unchanged (this server's). */
  const catalogues = new Map<string, { mark: string; until: number; body: string }>();

  app.get(
    '',
    {
      config: { access: readers },
      schema: {
        summary: 'The flows in force and those scheduled to take effect',
        tags: ['flows'],
        response: { 200: flowCatalogueSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const now = config.now();
      const organisationId = sessionOf(request).organisation.id;
      // Every workstation of a centre asks at once after a publication: the answer is serialised once
      // per change (a new version, or a scheduled one taking effect), and only the time is fresh.
      const mark = await catalogueMark(db, organisationId);
      const cached = catalogues.get(organisationId);
      let body = cached && cached.mark === mark && now.getTime() < cached.until ? cached.body : null;
      if (body === null) {
        const catalogue = await flowCatalogue(db, organisationId, now);
        const next = catalogue.scheduled.reduce((t, f) => Math.min(t, Date.parse(f.effectiveAt)), Infinity);
        body = JSON.stringify(flowCatalogueSchema.omit({ serverTime: true }).parse(catalogue)).slice(1);
        catalogues.set(organisationId, { mark, until: next, body });
      }
      return (
        reply
          .type('application/json; charset=utf-8')
          // Already serialised (checked by the schema when it was made): Fastify sends a string as it is.
          .send(`{"serverTime":${JSON.stringify(now.toISOString())},${body}` as unknown as Catalogue)
      );
    },
  );

  app.get(
    '/:flowId/versions',
    {
      config: { access: readers },
      schema: {
        summary: 'Every published version of a flow, newest first',
        tags: ['flows'],
        params: flowParams,
        response: { 200: flowHistorySchema, ...refusals },
      },
    },
    async (request) => {
      const versions = await flowHistory(db, sessionOf(request).organisation.id, request.params.flowId);
      if (versions.length === 0) throw new ApiError(404, 'flow_not_found');
      return { versions };
    },
  );

  app.get(
    '/:flowId/versions/:version',
    {
      config: { access: readers },
      schema: {
        summary: 'One published version of a flow, with its definition',
        tags: ['flows'],
        params: versionParams,
        response: { 200: publishedFlowSchema, ...refusals },
      },
    },
    async (request) => {
      const { flowId, version } = request.params;
      const found = await findFlowVersion(db, sessionOf(request).organisation.id, flowId, version);
      if (!found) throw new ApiError(404, 'flow_not_found');
      return found;
    },
  );

  app.post(
    '/:flowId/versions',
    {
      config: { access: publishers },
      schema: {
        summary: 'Publish the next version of a flow, at once or from a chosen time',
        tags: ['flows'],
        params: flowParams,
        body: publishFlowSchema,
        response: { 201: publishedFlowSchema, 409: flowRefusalSchema, ...refusals, 400: flowRefusalSchema },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const { flowId } = request.params;
      const { definition, baseVersion, note } = request.body;
      const now = config.now();
      const effectiveAt = request.body.effectiveAt ? new Date(request.body.effectiveAt) : now;
      if (effectiveAt.getTime() < now.getTime()) throw new ApiError(400, 'effective_in_past');
      if (definition.id !== flowId) throw new ApiError(400, 'flow_id_mismatch');
      // The version number is the server's to give: the checker sees the one this version will carry.
      const candidate = { ...definition, version: (baseVersion ?? 0) + 1 };
      const checked = checkFlow(candidate);
      if (!checked.flow || hasErrors(checked.issues))
        throw new ApiError(
          400,
          'flow_invalid',
          undefined,
          {},
          {
            issues: checked.issues.filter((i) => i.severity === 'error').map((i) => issueLine(i)),
          },
        );
      const result = await publishFlowVersion(db, baseVersion, {
        organisationId: session.organisation.id,
        flowId,
        title: checked.flow.title,
        definition: checked.flow as unknown as Record<string, unknown>,
        authorPersonId: session.person.id,
        note,
        publishedAt: now,
        effectiveAt,
      });
      if (!result.ok)
        throw new ApiError(
          409,
          'version_conflict',
          undefined,
          {},
          result.latest ? { latest: result.latest } : {},
        );
      await appendAudit(db, {
        organisationId: session.organisation.id,
        actorPersonId: session.person.id,
        action: 'flow_published',
        address: request.ip,
        details: { flowId, version: result.published.version, effectiveAt: effectiveAt.toISOString() },
        at: now,
      });
      // The draft it came from is done with (the author's own; another editor's stays theirs).
      await deleteFlowDraft(db, {
        organisationId: session.organisation.id,
        personId: session.person.id,
        flowId,
      });
      // Every workstation of the organisation hears of it at once, the scheduled ones included.
      await events.announce(session.organisation.id, {
        kind: 'flows',
        flowId,
        version: result.published.version,
        effectiveAt: result.published.effectiveAt,
      });
      return reply.code(201).send(result.published);
    },
  );

  // Drafts are per editor: each reads and writes only their own, saved as they type (migration 0005).
  const draftOwner = (request: Parameters<typeof sessionOf>[0], flowId: string) => {
    const session = sessionOf(request);
    return { organisationId: session.organisation.id, personId: session.person.id, flowId };
  };

  app.get(
    '/:flowId/draft',
    {
      config: { access: publishers },
      schema: {
        summary: 'The signed-in editor’s draft of a flow',
        tags: ['flows'],
        params: flowParams,
        response: { 200: flowDraftSchema, ...refusals },
      },
    },
    async (request) => {
      const found = await findFlowDraft(db, draftOwner(request, request.params.flowId));
      if (!found) throw new ApiError(404, 'draft_not_found');
      return found;
    },
  );

  app.put(
    '/:flowId/draft',
    {
      config: { access: publishers },
      schema: {
        summary: 'Save the signed-in editor’s draft of a flow as typed, errors and all',
        tags: ['flows'],
        params: flowParams,
        body: saveFlowDraftSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { draft, baseVersion } = request.body;
      await saveFlowDraft(db, draftOwner(request, request.params.flowId), draft, baseVersion, config.now());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/:flowId/draft',
    {
      config: { access: publishers },
      schema: {
        summary: 'Drop the signed-in editor’s draft of a flow',
        tags: ['flows'],
        params: flowParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteFlowDraft(db, draftOwner(request, request.params.flowId));
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};
