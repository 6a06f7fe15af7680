// The editor's article changes: each saved article is kept in articleEdits (for export and for the next
// bundle) and laid into the active knowledge-base version with a rebuilt search index, in one transaction.
import type { Article } from '../kb/article';
import type { BundledArticle } from '../kb/bundle';
import { baseOf, recordedStatus } from '../kb/overlay';
import type { ArticleEditRow } from './articlesTables';
import type { KbArticleRow } from './kbTables';
import type { AppDB } from './db';

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

/** The saved changes with the digest of the official text each started from (null: a new article). */
export async function listArticleEditBases(db: AppDB): Promise<{ article: Article; base: string | null }[]> {
  return (await db.articleEdits.toArray()).map((e) => ({
    article: e.article,
    base: e.basedOn?.hash ?? null,
  }));
}

/** Why the editor should look at a saved change again; changes that need nothing have no notice. */
export type ArticleEditFlag = 'officialChanged' | 'officialRemoved';

export interface ArticleEditNotice {
  flag: ArticleEditFlag;
  /** The active bundle's own text to compare with (null when it no longer has the article). */
  official: Article | null;
}

/** Notices by article id, from the official texts recorded on the changes at the last bundle switch. */
export async function articleEditNotices(db: AppDB): Promise<Map<string, ArticleEditNotice>> {
  const notices = new Map<string, ArticleEditNotice>();
  for (const row of await db.articleEdits.toArray()) {
    const status = recordedStatus({ ...row, html: row.html ?? '' });
    if (status === 'officialChanged' || status === 'officialRemoved')
      notices.set(row.id, { flag: status, official: row.official?.article ?? null });
  }
  return notices;
}

/**
 * The official text behind an article in the active version, when it can be known: the one recorded on
 * its change at the last switch, or the cached row itself while no change covers it. Undefined = unknown
 * (a change saved before official texts were recorded overwrote the cached row).
 */
function officialOf(
  version: string,
  existing: ArticleEditRow | undefined,
  cached: BundledArticle | undefined,
): Article | null | undefined {
  if (existing) return existing.official?.version === version ? existing.official.article : undefined;
  if (!cached) return null;
  const { html: _html, ...article } = cached;
  return article;
}

/** An article to save, and the digest of the published text its edit started from, when the edit knows it. */
export interface ArticleToSave {
  article: Article;
  /**
   * The base a draft carried from where its edit began (possibly another workstation, before a newer
   * knowledge base arrived); absent: the official text this workstation holds now.
   */
  base?: string | null;
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
  base?: string | null,
): Promise<SaveArticleResult> {
  return saveArticles(db, [base === undefined ? { article } : { article, base }], deps);
}

/** Saves several checked articles at once (an import of files): one index rebuild, one transaction. */
export async function saveArticles(
  db: AppDB,
  items: readonly ArticleToSave[],
  deps: SaveArticleDeps,
): Promise<SaveArticleResult> {
  const active = await activeArticles(db);
  if (!active) return { ok: false, reason: 'noKnowledgeBase' };
  const rows: ArticleEditRow[] = [];
  const cached: KbArticleRow[] = [];
  const existing = new Map<string, number | undefined>();
  const bundled = new Map(active.articles.map((a) => [a.id, a]));
  for (const { article, base } of items) {
    const before = await db.articleEdits.get(article.id);
    existing.set(article.id, before?.savedAt);
    const official = officialOf(
      active.version,
      before,
      active.articles.find((a) => a.id === article.id),
    );
    const html = deps.render(article.body);
    bundled.set(article.id, { ...article, html });
    cached.push({ ...article, html, version: active.version });
    // Saving is the editor's answer to "сверьте": the change now rests on the official text they saw,
    // unless its draft began from another text (then a publication compares with that one).
    const basedOn =
      base !== undefined
        ? { version: active.version, hash: base }
        : official === undefined
          ? before?.basedOn
          : baseOf(active.version, official);
    rows.push({
      id: article.id,
      article,
      savedAt: deps.now,
      html,
      basedOn,
      official: official === undefined ? before?.official : { version: active.version, article: official },
    });
  }
  const articles = [...bundled.values()];
  const index = await deps.buildIndex(articles);
  return db.transaction(
    'rw',
    [db.kbActive, db.kbArticles, db.kbIndexes, db.kbBundles, db.articleEdits],
    async () => {
      if ((await db.kbActive.get(ACTIVE))?.version !== active.version) {
        return { ok: false, reason: 'changedMeanwhile' } as const;
      }
      for (const [id, savedAt] of existing)
        if ((await db.articleEdits.get(id))?.savedAt !== savedAt)
          return { ok: false, reason: 'changedMeanwhile' } as const;
      await db.articleEdits.bulkPut(rows);
      await db.kbArticles.bulkPut(cached);
      await db.kbIndexes.put({ version: active.version, index });
      await db.kbBundles.update(active.version, { articleCount: articles.length });
      return { ok: true } as const;
    },
  );
}
