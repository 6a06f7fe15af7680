// The knowledge base as the server keeps it per organisation (issue 18): numbered immutable versions,
// each the whole set of articles exactly as their knowledge-base/ files hold them (kb:check's format).
import { z } from 'zod';

export const kbArticleFileSchema = z.object({
  /** The path shown in the checker's messages, e.g. "knowledge-base/appeal-deadlines.md". */
  file: z.string().min(1).max(300),
  text: z.string().max(256 * 1024),
});
export type KbArticleFile = z.infer<typeof kbArticleFileSchema>;

export const publishKbSchema = z.object({
  articles: z.array(kbArticleFileSchema).max(20_000),
  /** The version the editor's changes started from; a newer one published meanwhile is a conflict. */
  baseVersion: z.number().int().min(1).nullable(),
  note: z.string().trim().max(500).default(''),
});

export const kbVersionSchema = z.object({ version: z.number().int(), publishedAt: z.iso.datetime() });

/** A refused publication: kb:check's findings in its own words, or the newer version's number. */
export const kbRefusalSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.string()).optional(),
  latest: z.number().int().optional(),
});

/** Who last published an article, in which knowledge-base version, when and why. */
export const kbArticlePublicationSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  /** Null for the version the build brought. */
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  note: z.string(),
});
export type KbArticlePublication = z.infer<typeof kbArticlePublicationSchema>;

export const kbPublicationsSchema = z.object({
  version: z.number().int(),
  articles: z.array(kbArticlePublicationSchema),
});

/**
 * Some articles published over the newest version (an editor's edited or new ones). `base` is the digest
 * (src/kb/overlay.ts articleHash) of the text the edit started from, null for a new article: if another
 * editor published the article since, the publication is refused with their text.
 */
export const publishKbArticlesSchema = z.object({
  articles: z
    .array(kbArticleFileSchema.extend({ base: z.string().max(64).nullable() }))
    .min(1)
    .max(5_000),
  note: z.string().trim().max(500).default(''),
});

/** An article someone else published since the edit started: their text, to compare and decide. */
export const kbArticleConflictSchema = kbArticlePublicationSchema.extend({
  file: z.string(),
  text: z.string(),
});
export type KbArticleConflict = z.infer<typeof kbArticleConflictSchema>;

export const kbArticlesRefusalSchema = kbRefusalSchema.extend({
  conflicts: z.array(kbArticleConflictSchema).optional(),
});

/** An article's id: its file name without the extension (kb/parse.ts checks the same shape). */
export const articleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

/**
 * An editor's draft of an article, as typed (errors and all): the form's fields, and the digest of the
 * published text it started from (null for a new article), which publishing sends as the edit's base.
 * Only its author reads it (migration 0011).
 */
export const saveArticleDraftSchema = z.object({
  draft: z.record(z.string(), z.unknown()),
  base: z.string().max(64).nullable(),
});
export const articleDraftSchema = saveArticleDraftSchema.extend({
  articleId: articleIdSchema,
  savedAt: z.iso.datetime(),
});
export type ArticleDraft = z.infer<typeof articleDraftSchema>;
export const articleDraftsSchema = z.object({ drafts: z.array(articleDraftSchema) });
