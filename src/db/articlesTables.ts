// Row shape of the editor's article changes: kept apart from the cached bundle so they can be exported
// to knowledge-base/ and laid over the next bundle, whatever version it brings.
import type { Article } from '../kb/article';
import type { EditBase } from '../kb/overlay';

export interface ArticleEditRow {
  id: string;
  article: Article;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The body as rendered on save; rows saved before it was kept lack it (rendered again when needed). */
  html?: string;
  /** The official text this change replaced; absent on rows saved before it was recorded. */
  basedOn?: EditBase;
  /** The active bundle's own text of the article, recorded when that bundle was laid under the change. */
  official?: { version: string; article: Article | null };
}

/**
 * An article being edited, as typed (errors and all), before it is saved: one per person and article.
 * `fields` is the form's state (src/editor/articleFile.ts ArticleFields), restored on read.
 */
export interface ArticleDraftRow {
  /** The signed-in person's id; '' on a single workstation with no server. */
  owner: string;
  id: string;
  fields: unknown;
  /** Digest of the published text the edit started from (src/kb/overlay.ts); null for a new article. */
  base: string | null;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** Whether the server has this very text; an unsynced draft (typed offline) goes up on the next open. */
  synced: boolean;
}
