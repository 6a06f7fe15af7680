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
