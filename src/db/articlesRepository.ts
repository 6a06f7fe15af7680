// The editor's article changes: each saved article is kept in articleEdits (for export and for the next
// bundle) and laid into the active knowledge-base version with a rebuilt search index, in one transaction.
import { liveQuery } from 'dexie';
import type { Article } from '../kb/article';
import type { BundledArticle, KbBundle } from '../kb/bundle';
import { baseOf, overlayBundle, recordedStatus, type ArticleEdit } from '../kb/overlay';
import type { ArticleEditRow } from './articlesTables';
import type { AppDB } from './db';
import type { EditsUpdate } from './kbRepository';

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

export interface OverlaidBundle {
  /** The bundle with every saved change laid over it: store and index this. */
  bundle: KbBundle;
  /** Hand to storeBundle, which writes it in the same transaction (or refuses if changes were saved meanwhile). */
  edits: EditsUpdate;
}

/**
 * Lays the saved changes over a newly arrived bundle (src/kb/overlay.ts). Rows saved before the rendered
 * body was kept are rendered here; `render` may load the renderer lazily, since this is rare.
 */
export async function overlayEditsOnBundle(
  db: AppDB,
  bundle: KbBundle,
  render: (markdown: string) => string | Promise<string>,
): Promise<OverlaidBundle> {
  const rows = await db.articleEdits.toArray();
  const edits: (ArticleEditRow & ArticleEdit)[] = [];
  for (const row of rows) edits.push({ ...row, html: row.html ?? (await render(row.article.body)) });
  const { articles, kept, absorbed } = overlayBundle(bundle, edits);
  return {
    bundle: { ...bundle, articles },
    edits: { kept, absorbed, seen: new Map(rows.map((r) => [r.id, r.savedAt])) },
  };
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
  const existing = await db.articleEdits.get(article.id);
  const official = officialOf(
    active.version,
    existing,
    active.articles.find((a) => a.id === article.id),
  );
  const bundled: BundledArticle = { ...article, html: deps.render(article.body) };
  // Saving is the editor's answer to "сверьте": the change now rests on the official text they saw.
  const row: ArticleEditRow = {
    id: article.id,
    article,
    savedAt: deps.now,
    html: bundled.html,
    basedOn: official === undefined ? existing?.basedOn : baseOf(active.version, official),
    official: official === undefined ? existing?.official : { version: active.version, article: official },
  };
  const articles = [...active.articles.filter((a) => a.id !== article.id), bundled];
  const index = await deps.buildIndex(articles);
  return db.transaction(
    'rw',
    [db.kbActive, db.kbArticles, db.kbIndexes, db.kbBundles, db.articleEdits],
    async () => {
      if ((await db.kbActive.get(ACTIVE))?.version !== active.version) {
        return { ok: false, reason: 'changedMeanwhile' } as const;
      }
      if ((await db.articleEdits.get(article.id))?.savedAt !== existing?.savedAt) {
        return { ok: false, reason: 'changedMeanwhile' } as const;
      }
      await db.articleEdits.put(row);
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
