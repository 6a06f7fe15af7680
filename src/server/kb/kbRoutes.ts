// /api/v1/kb: the organisation's knowledge base (issue 18). Workstations take the newest version as the
// same bundle the build makes (kb-bundle.json: rendered, with a content-hash version), so they swap it
// and its search index exactly as they swap a deployed one; editors export it as files and publish a
// new set of files, checked as kb:check checks a folder and refused with its words.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatKbIssue } from '../../cli/kbCheck';
import { assembleBundle, type KbBundle } from '../../kb/bundle';
import { idFromFileName, restoreArticle } from '../../kb/parse';
import { renderArticleBody } from '../../kb/render';
import { restoreKnowledgeBase } from '../../kb/restoreKnowledgeBase';
import {
  articleDraftSchema,
  articleDraftsSchema,
  articleIdSchema,
  kbArticleFileSchema,
  kbArticlesRefusalSchema,
  kbPublicationsSchema,
  kbRefusalSchema,
  publishKbArticlesSchema,
  kbVersionSchema,
  publishKbSchema,
  saveArticleDraftSchema,
  type KbArticleFile,
} from '../../protocol';
import { editorDraftRoutes } from '../editorDraftRoutes';
import { ApiError } from '../errors';
import { actorOf, auditBy, orNotFound, publishers, routeArea, type RouteSchemas } from '../routeKit';
import {
  deleteArticleDrafts,
  findArticleDraft,
  listArticleDrafts,
  saveArticleDraft,
} from '../storage/articleDrafts';
import {
  articlePublications,
  kbVersionOf,
  latestKbBundle,
  latestKbVersion,
  storeKbBundle,
  publishKbArticles,
  publishKbVersion,
  type StoredArticlePublication,
} from '../storage/kbVersions';

/** A whole knowledge base in one request: 5,000 articles of a few KB each, with room to spare. */
const KB_BODY_LIMIT = 32 * 1024 * 1024;
/** A draft holds one article as typed: its body may reach 200 KB (kb/parse.ts), its file 1 MB. */
const DRAFT_BODY_LIMIT = 1024 * 1024;
const draftParams = z.object({ articleId: articleIdSchema });

function bundleOf(articles: readonly KbArticleFile[], publishedAt: Date): KbBundle {
  const { articles: restored } = restoreKnowledgeBase(articles);
  return assembleBundle(restored, {
    render: renderArticleBody,
    hash: (text) => createHash('sha256').update(text).digest('hex'),
    builtAt: publishedAt.toISOString(),
  });
}

/** kb-bundle.json's shape (src/kb/bundle.ts); the workstation restores each article itself. */
const kbBundleSchema = z.object({
  format: z.number(),
  version: z.string(),
  builtAt: z.string(),
  articles: z.array(z.unknown()),
});

const wirePublication = (p: StoredArticlePublication) => ({ ...p, publishedAt: p.publishedAt.toISOString() });

export const kbRoutes = routeArea('kb', [400, 401, 403, 404], (app, { db, config, events }, declare) => {
  /** Builds and keeps the bundle of a version (once per version, whichever instance gets there first). */
  const buildBundle = async (organisationId: string, version: number): Promise<string> => {
    const stored = orNotFound(await kbVersionOf(db, organisationId, version), 'kb_not_found');
    const text = JSON.stringify(bundleOf(stored.articles, stored.publishedAt));
    await storeKbBundle(db, organisationId, version, text);
    return text;
  };

  /** A new version of `articles` articles: audited, its bundle built, then announced to workstations. */
  const versionPublished = async (request: FastifyRequest, version: number, articles: number, at: Date) => {
    const { organisationId } = actorOf(request);
    await auditBy(db, request, { action: 'kb_published', details: { version, articles }, at });
    // Ready before workstations hear of it: each of them downloads it as it is.
    await buildBundle(organisationId, version);
    await events.announce(organisationId, { kind: 'kb', version });
  };

  app.get(
    '',
    declare('signedIn', 'The newest knowledge base, as the bundle the build makes (kb-bundle.json)', {
      response: { 200: kbBundleSchema },
    }),
    async (request, reply) => {
      const { organisationId } = actorOf(request);
      const latest = orNotFound(await latestKbBundle(db, organisationId), 'kb_not_found');
      // Built when published; a version from before its bundle was kept is built at its first download.
      const bundle = latest.bundle ?? (await buildBundle(organisationId, latest.version));
      // Sent as stored: the JSON the schema describes, built by assembleBundle. Fastify sends a string as it
      // is (no second serialisation of 5,000 articles); the type provider only knows the parsed shape.
      return reply
        .type('application/json; charset=utf-8')
        .send(bundle as unknown as z.infer<typeof kbBundleSchema>);
    },
  );

  app.get(
    '/files',
    declare(
      publishers,
      'The newest knowledge base as its article files (the repository’s format), for export',
      {
        response: { 200: kbVersionSchema.extend({ articles: z.array(kbArticleFileSchema) }) },
      },
    ),
    async (request) => {
      const latest = orNotFound(await latestKbVersion(db, actorOf(request).organisationId), 'kb_not_found');
      return {
        version: latest.version,
        publishedAt: latest.publishedAt.toISOString(),
        articles: latest.articles,
      };
    },
  );

  /** A publication's options: by a publisher, of as many articles as a whole knowledge base holds. */
  const publishing = <S extends RouteSchemas>(summary: string, schemas: S) => ({
    ...declare(publishers, summary, schemas),
    bodyLimit: KB_BODY_LIMIT,
  });

  /** What the signed-in editor publishes now, refused whole (400) when its files have `issues`. */
  const publication = <A>(request: FastifyRequest, articles: A, note: string, issues: readonly string[]) => {
    if (issues.length > 0) throw new ApiError(400, 'kb_invalid', undefined, {}, { issues });
    const { organisationId, personId } = actorOf(request);
    return { organisationId, articles, authorPersonId: personId, note, publishedAt: config.now() };
  };

  app.post(
    '/versions',
    publishing('Publish a new knowledge base: every article file, checked as kb:check checks them', {
      body: publishKbSchema,
      response: { 201: kbVersionSchema, 400: kbRefusalSchema, 409: kbRefusalSchema },
    }),
    async (request, reply) => {
      const { articles, baseVersion, note } = request.body;
      const issues = restoreKnowledgeBase(articles).issues.map(formatKbIssue);
      const input = publication(request, articles, note, issues);
      const result = await publishKbVersion(db, baseVersion, input);
      if (!result.ok)
        throw new ApiError(
          409,
          'kb_version_conflict',
          undefined,
          {},
          result.latest === null ? {} : { latest: result.latest },
        );
      await versionPublished(request, result.version, articles.length, input.publishedAt);
      return reply.code(201).send({ version: result.version, publishedAt: input.publishedAt.toISOString() });
    },
  );
  app.get(
    '/publications',
    declare(
      publishers,
      'For each article: the version that last added or changed it, its author, time and note',
      {
        response: { 200: kbPublicationsSchema },
      },
    ),
    async (request) => {
      const { organisationId } = actorOf(request);
      const [latest, articles] = await Promise.all([
        latestKbVersion(db, organisationId),
        articlePublications(db, organisationId),
      ]);
      const { version } = orNotFound(latest, 'kb_not_found');
      return { version, articles: articles.map(wirePublication) };
    },
  );

  app.post(
    '/articles',
    publishing(
      'Publish edited or new articles over the newest knowledge base; refused with their text if another editor published them meanwhile',
      {
        body: publishKbArticlesSchema,
        response: { 201: kbPublicationsSchema, 400: kbRefusalSchema, 409: kbArticlesRefusalSchema },
      },
    ),
    async (request, reply) => {
      const { articles, note } = request.body;
      const issues = articles.flatMap((a) => {
        const read = restoreArticle(a.text, a.file);
        return read.ok ? [] : read.issues.map(formatKbIssue);
      });
      const input = publication(request, articles, note, issues);
      const { organisationId, authorPersonId: personId, publishedAt: now } = input;
      const result = await publishKbArticles(db, input);
      if (!result.ok) {
        const ids = result.conflicts.map((c) => idFromFileName(c.file));
        const known = new Map((await articlePublications(db, organisationId, ids)).map((p) => [p.id, p]));
        const conflicts = result.conflicts.map((c) => {
          const id = idFromFileName(c.file);
          const by = known.get(id);
          return {
            ...(by
              ? wirePublication(by)
              : { id, version: 1, publishedAt: now.toISOString(), author: null, note: '' }),
            file: c.file,
            text: c.text,
          };
        });
        throw new ApiError(409, 'kb_article_conflict', undefined, {}, { conflicts });
      }
      if (result.changed.length > 0)
        await versionPublished(request, result.version, result.changed.length, now);
      // The author's drafts of these articles are done with (another editor's stay theirs).
      await deleteArticleDrafts(
        db,
        { organisationId, personId },
        articles.map((a) => idFromFileName(a.file)),
      );
      const published = await articlePublications(db, organisationId, result.changed);
      return reply.code(201).send({ version: result.version, articles: published.map(wirePublication) });
    },
  );

  // Drafts are per editor, as flows' are: each reads and writes only their own (actorOf: the editor in
  // their organisation), saved as they type.
  app.get(
    '/drafts',
    declare(publishers, 'The signed-in editor’s drafts of articles, newest first', {
      response: { 200: articleDraftsSchema },
    }),
    async (request) => ({ drafts: await listArticleDrafts(db, actorOf(request)) }),
  );

  editorDraftRoutes(app, declare, {
    url: '/drafts/:articleId',
    of: 'an article',
    access: publishers,
    params: draftParams,
    body: saveArticleDraftSchema,
    draft: articleDraftSchema,
    bodyLimit: DRAFT_BODY_LIMIT,
    missing: 'article_draft_not_found',
    find: (editor, { articleId }) => findArticleDraft(db, editor, articleId),
    save: (editor, { articleId }, body) => saveArticleDraft(db, editor, articleId, body, config.now()),
    drop: (editor, { articleId }) => deleteArticleDrafts(db, editor, [articleId]),
  });
});
