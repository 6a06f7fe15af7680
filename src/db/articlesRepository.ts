// The editor's article changes: each saved article is kept in articleEdits (for export and for the next
// bundle) and laid into the active knowledge-base version with a rebuilt search index, in one transaction.
import { liveQuery } from 'dexie';
import type { Article } from '../kb/article';
import type { BundledArticle } from '../kb/bundle';
import type { AppDB } from './db';

export type { ArticleEditRow } from './articlesTables';

export interface SaveArticleDeps {
  /** Markdown → inert HTML (src/kb/render.ts). */
  render: (markdown: string) => string;
  /** Builds the serialized search index over every article, as kbSync stores it. */
  buildIndex: (articles: BundledArticle[]) => Promise<unknown>;
  now: number;
}

export type SaveArticleResult = { ok: true } | { ok: false; reason: 'noKnowledgeBase' | 'changedMeanwhile' };

const ACTIVE = 'active';

async function activeArticles(db: AppDB): Promise<{ version: string; articles: BundledArticle[] } | null> {
  return db.transaction('r', [db.kbActive, db.kbArticles], async () => {
    const version = (await db.kbActive.get(ACTIVE))?.version;
    if (version === undefined) return null;
    const rows = await db.kbArticles.where('version').equals(version).toArray();
    return { version, articles: rows.map(({ version: _v, ...a }) => a) };
  });
}

/** Articles as the editor sees them: the active bundle with saved changes laid over it. */
export async function listEditorArticles(db: AppDB): Promise<Article[]> {
  const active = await activeArticles(db);
  const edits = await db.articleEdits.toArray();
  const byId = new Map<string, Article>((active?.articles ?? []).map(({ html: _h, ...a }) => [a.id, a]));
  for (const e of edits) byId.set(e.id, e.article);
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, 'ru'));
}

export async function listArticleEdits(db: AppDB): Promise<Article[]> {
  return (await db.articleEdits.toArray()).map((e) => e.article);
}

/**
 * Saves a checked article. The search index is rebuilt outside the transaction (only Dexie may be
 * awaited inside one); if the active version moved meanwhile, nothing is written and the caller retries.
 * Operators' search reads the stored index, so the change is found from the next load of it on.
 */
export async function saveArticle(
  db: AppDB,
  article: Article,
  deps: SaveArticleDeps,
): Promise<SaveArticleResult> {
  const active = await activeArticles(db);
  if (!active) return { ok: false, reason: 'noKnowledgeBase' };
  const bundled: BundledArticle = { ...article, html: deps.render(article.body) };
  const articles = [...active.articles.filter((a) => a.id !== article.id), bundled];
  const index = await deps.buildIndex(articles);
  return db.transaction(
    'rw',
    [db.kbActive, db.kbArticles, db.kbIndexes, db.kbBundles, db.articleEdits],
    async () => {
      if ((await db.kbActive.get(ACTIVE))?.version !== active.version) {
        return { ok: false, reason: 'changedMeanwhile' } as const;
      }
      await db.articleEdits.put({ id: article.id, article, savedAt: deps.now });
      await db.kbArticles.put({ ...bundled, version: active.version });
      await db.kbIndexes.put({ version: active.version, index });
      await db.kbBundles.update(active.version, { articleCount: articles.length });
      return { ok: true } as const;
    },
  );
}

/**
 * Calls `listener` with the active search index whenever it changes (an article saved in the editor,
 * in this tab or another), so the operators' search engine can load it and find the change at once.
 */
export function watchActiveKbIndex(db: AppDB, listener: (index: unknown) => void): () => void {
  let first = true;
  const subscription = liveQuery(() =>
    db.transaction('r', [db.kbActive, db.kbIndexes], async () => {
      const version = (await db.kbActive.get(ACTIVE))?.version;
      return version === undefined ? undefined : db.kbIndexes.get(version);
    }),
  ).subscribe({
    next: (row) => {
      // The first answer is the index the engine was started with; only later ones are changes.
      if (!first && row) listener(row.index);
      first = false;
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
