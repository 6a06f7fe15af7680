// /api/v1/flows: the organisation's published call flows (issue 18). Everyone signed in reads what is in
// force and what is scheduled; editors and administrators publish. A version is checked exactly as
// flows:check checks a file, and is refused whole with the checker's own words; a draft based on a
// version that is no longer the newest is refused with that newer version, to compare with.
import { z } from 'zod';
import { checkFlow } from '../../flows/check';
import { hasErrors } from '../../flows/issues';
import { issueLine } from '../../i18n/ru/flowIssues';
import {
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
import { editorDraftRoutes } from '../editorDraftRoutes';
import { ApiError } from '../errors';
import { actorOf, auditBy, orNotFound, publishers, routeArea } from '../routeKit';
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
const flowParams = z.object({ flowId: flowIdSchema });
const versionParams = flowParams.extend({ version: flowVersionNumberSchema });

export const flowRoutes = routeArea('flows', [400, 401, 403, 404], (app, { db, config, events }, declare) => {
  /** The serialised catalogue of each organisation, while its versions are unchanged (this server's). */
  const catalogues = new Map<string, { mark: string; until: number; body: string }>();

  app.get(
    '',
    declare(readers, 'The flows in force and those scheduled to take effect', {
      response: { 200: flowCatalogueSchema },
    }),
    async (request, reply) => {
      const now = config.now();
      const { organisationId } = actorOf(request);
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
    declare(readers, 'Every published version of a flow, newest first', {
      params: flowParams,
      response: { 200: flowHistorySchema },
    }),
    async (request) => {
      const versions = await flowHistory(db, actorOf(request).organisationId, request.params.flowId);
      if (versions.length === 0) throw new ApiError(404, 'flow_not_found');
      return { versions };
    },
  );

  app.get(
    '/:flowId/versions/:version',
    declare(readers, 'One published version of a flow, with its definition', {
      params: versionParams,
      response: { 200: publishedFlowSchema },
    }),
    async (request) => {
      const { flowId, version } = request.params;
      const found = await findFlowVersion(db, actorOf(request).organisationId, flowId, version);
      return orNotFound(found, 'flow_not_found');
    },
  );

  app.post(
    '/:flowId/versions',
    declare(publishers, 'Publish the next version of a flow, at once or from a chosen time', {
      params: flowParams,
      body: publishFlowSchema,
      response: { 201: publishedFlowSchema, 400: flowRefusalSchema, 409: flowRefusalSchema },
    }),
    async (request, reply) => {
      const { organisationId, personId } = actorOf(request);
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
        organisationId,
        flowId,
        title: checked.flow.title,
        definition: checked.flow as unknown as Record<string, unknown>,
        authorPersonId: personId,
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
      await auditBy(db, request, {
        action: 'flow_published',
        details: { flowId, version: result.published.version, effectiveAt: effectiveAt.toISOString() },
        at: now,
      });
      // The draft it came from is done with (the author's own; another editor's stays theirs).
      await deleteFlowDraft(db, { organisationId, personId, flowId });
      // Every workstation of the organisation hears of it at once, the scheduled ones included.
      await events.announce(organisationId, {
        kind: 'flows',
        flowId,
        version: result.published.version,
        effectiveAt: result.published.effectiveAt,
      });
      return reply.code(201).send(result.published);
    },
  );

  // Drafts are per editor: each reads and writes only their own, saved as they type (migration 0005).
  editorDraftRoutes(app, declare, {
    url: '/:flowId/draft',
    of: 'a flow',
    access: publishers,
    params: flowParams,
    body: saveFlowDraftSchema,
    draft: flowDraftSchema,
    missing: 'draft_not_found',
    find: (editor, { flowId }) => findFlowDraft(db, { ...editor, flowId }),
    save: (editor, { flowId }, { draft, baseVersion }) =>
      saveFlowDraft(db, { ...editor, flowId }, draft, baseVersion, config.now()),
    drop: (editor, { flowId }) => deleteFlowDraft(db, { ...editor, flowId }),
  });
});
