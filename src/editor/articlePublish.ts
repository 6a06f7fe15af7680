// Publishing articles to the whole centre (issue 18): the editor's saved changes go through
// POST /api/v1/kb/articles, each with the digest of the official text it started from. An article another
// editor published since comes back with their text, for the editor to compare and decide; the centre's
// announcement then brings the new knowledge base to every workstation, this one included.
import type { Article } from '../kb/article';
import { articleHash } from '../kb/overlay';
import { restoreArticle } from '../kb/parse';
import type { KbArticleConflict, KbArticlePublication } from '../protocol';
import { api, ApiRefusal } from '../services/account/session';
import { articleFileName, articleFileText } from './articleFile';

export interface ArticleToPublish {
  article: Article;
  /** Digest of the official text the change started from; null for a new article. */
  base: string | null;
}

export interface ArticleConflict {
  /** Their text, as the newest version has it. */
  theirs: Article;
  /** Who published it, in which version, when and why. */
  by: KbArticlePublication;
}

export type ArticlesPublishResult =
  | { kind: 'published'; version: number; articles: KbArticlePublication[] }
  | { kind: 'conflict'; message: string; conflicts: ArticleConflict[] }
  /** The server refused (its message and kb:check's findings) or could not be reached (empty message). */
  | { kind: 'refused'; message: string; issues: string[] };

const fileOf = (article: Article) => {
  const file = `knowledge-base/${articleFileName(article)}`;
  return { file, text: articleFileText(article) };
};

function conflictOf(c: KbArticleConflict): ArticleConflict | null {
  const read = restoreArticle(c.text, c.file);
  return read.ok ? { theirs: read.article, by: c } : null;
}

/** Publishes the changes as the next knowledge-base version, with a note for colleagues. */
export async function publishArticles(
  items: readonly ArticleToPublish[],
  note: string,
): Promise<ArticlesPublishResult> {
  try {
    const published = await api<{ version: number; articles: KbArticlePublication[] }>(
      'POST',
      '/kb/articles',
      { articles: items.map(({ article, base }) => ({ ...fileOf(article), base })), note },
    );
    return { kind: 'published', ...published };
  } catch (error) {
    if (!(error instanceof ApiRefusal)) return { kind: 'refused', message: '', issues: [] };
    const conflicts = error.body.conflicts ?? [];
    if (error.code === 'kb_article_conflict')
      return {
        kind: 'conflict',
        message: error.message,
        conflicts: conflicts.map(conflictOf).filter((c) => c !== null),
      };
    return { kind: 'refused', message: error.message, issues: error.body.issues ?? [] };
  }
}

/** The editor keeps their text over the newer one: published with theirs as the start. */
export const overTheirs = (article: Article, conflict: ArticleConflict): ArticleToPublish => ({
  article,
  base: articleHash(conflict.theirs),
});

/** Who last published each article and when, by id; null when the server cannot be asked. */
export async function articlePublications(): Promise<Map<string, KbArticlePublication> | null> {
  try {
    const res = await api<{ articles: KbArticlePublication[] }>('GET', '/kb/publications');
    return new Map(res.articles.map((p) => [p.id, p]));
  } catch {
    return null;
  }
}
