// The knowledge-base cache: every read the app makes about articles comes from here, so search works offline.
// A new version is written whole in one transaction that ends by moving the active pointer; a failure leaves the old.
import { Dexie, liveQuery } from 'dexie';
import type { BundledArticle, KbBundle } from '../kb/bundle';
import type { ArticleEdit } from '../kb/overlay';
import type { ArticleEditRow } from './articlesTables';
import type { AppDB } from './db';
import type { KbArticleRow } from './kbTables';

export interface KbInfo {
  version: string;
  /** ISO date-time the bundle was built. */
  builtAt: string;
  articleCount: number;
}

export interface ActiveBundle extends KbInfo {
  articles: BundledArticle[];
}

const ACTIVE = 'active';

/** The editor's changes as laid over a new bundle (overlayEditsOnBundle), written with it. */
export interface EditsUpdate {
  /** Changes kept, with the new bundle's official text recorded on them. */
  kept: ArticleEditRow[];
  /** Changes the bundle now contains word for word: dropped. */
  absorbed: string[];
  /** savedAt of every change as read for the overlay: any other state at store time means one was saved meanwhile. */
  seen: ReadonlyMap<string, number>;
}

/** A change was saved while the new bundle was being prepared: the bundle was not stored; overlay again. */
export class EditsChangedError extends Error {
  constructor() {
    super('article edits changed while the bundle was prepared');
    this.name = 'EditsChangedError';
  }
}

function kbTables(db: AppDB) {
  return [db.kbBundles, db.kbArticles, db.kbIndexes, db.kbActive];
}

function toArticle(row: KbArticleRow): BundledArticle {
  const { version: _version, ...article } = row;
  return article;
}

/**
 * Stores a bundle and its serialized search index, then makes it the active version, all in one
 * transaction: until it commits, readers keep getting the previous version. Older versions are pruned after.
 * With `edits` (the bundle then already carries them), the editor's changes are updated in the same
 * transaction, and nothing is stored if one was saved since they were read (EditsChangedError).
 */
export async function storeBundle(
  db: AppDB,
  bundle: KbBundle,
  serializedIndex: unknown,
  edits?: EditsUpdate,
): Promise<void> {
  const { version } = bundle;
  await db.transaction('rw', [...kbTables(db), db.articleEdits], async () => {
    if (edits) {
      const now = await db.articleEdits.toArray();
      const same =
        now.length === edits.seen.size && now.every((row) => edits.seen.get(row.id) === row.savedAt);
      if (!same) throw new EditsChangedError();
      await db.articleEdits.bulkDelete(edits.absorbed);
      await db.articleEdits.bulkPut(edits.kept);
    }
    await db.kbArticles.bulkPut(bundle.articles.map((a) => ({ ...a, version })));
    await db.kbIndexes.put({ version, index: serializedIndex });
    await db.kbBundles.put({
      version,
      builtAt: bundle.builtAt,
      format: bundle.format,
      articleCount: bundle.articles.length,
    });
    await db.kbActive.put({ key: ACTIVE, version });
  });
  try {
    await pruneInactiveVersions(db);
  } catch (error) {
    // The new version is active; leftovers only cost space and the next store prunes them again.
    console.warn('Knowledge base: old versions not pruned yet', error);
  }
}

/** Deletes every stored version but the active one (leftovers of earlier versions). */
export async function pruneInactiveVersions(db: AppDB): Promise<void> {
  await db.transaction('rw', kbTables(db), async () => {
    const active = await db.kbActive.get(ACTIVE);
    if (!active) return;
    const stale = (await db.kbBundles.toCollection().primaryKeys()).filter((v) => v !== active.version);
    // A version's articles go as one range of the primary key ([version+id]): one request for 5,000
    // articles instead of 5,000 (the switch of a whole knowledge base waits for it).
    const staleArticleVersions = (await db.kbArticles.orderBy('version').uniqueKeys()).filter(
      (v) => v !== active.version,
    );
    for (const v of staleArticleVersions)
      await db.kbArticles
        .where('[version+id]')
        .between([v, Dexie.minKey], [v, Dexie.maxKey], true, true)
        .delete();
    await db.kbIndexes.where('version').noneOf([active.version]).delete();
    await db.kbBundles.bulkDelete(stale);
  });
}

async function activeVersion(db: AppDB): Promise<string | undefined> {
  return (await db.kbActive.get(ACTIVE))?.version;
}

export async function activeKbInfo(db: AppDB): Promise<KbInfo | null> {
  return db.transaction('r', [db.kbActive, db.kbBundles], async () => {
    const version = await activeVersion(db);
    const meta = version === undefined ? undefined : await db.kbBundles.get(version);
    return meta ? { version: meta.version, builtAt: meta.builtAt, articleCount: meta.articleCount } : null;
  });
}

export async function loadActiveBundle(db: AppDB): Promise<ActiveBundle | null> {
  return db.transaction('r', [db.kbActive, db.kbBundles, db.kbArticles], async () => {
    const version = await activeVersion(db);
    const meta = version === undefined ? undefined : await db.kbBundles.get(version);
    if (!meta) return null;
    const rows = await db.kbArticles.where('version').equals(meta.version).toArray();
    return {
      version: meta.version,
      builtAt: meta.builtAt,
      articleCount: meta.articleCount,
      articles: rows.map(toArticle),
    };
  });
}

/** The serialized search index of the active version, as stored (the engine validates it on load). */
export async function loadActiveIndex(db: AppDB): Promise<{ version: string; index: unknown } | null> {
  return db.transaction('r', [db.kbActive, db.kbIndexes], async () => {
    const version = await activeVersion(db);
    const row = version === undefined ? undefined : await db.kbIndexes.get(version);
    return row ? { version: row.version, index: row.index } : null;
  });
}

/** Replaces the active version's index (after the engine's format changed), keeping its articles. */
export async function replaceActiveIndex(
  db: AppDB,
  version: string,
  serializedIndex: unknown,
): Promise<void> {
  await db.transaction('rw', [db.kbActive, db.kbIndexes], async () => {
    if ((await activeVersion(db)) !== version) return;
    await db.kbIndexes.put({ version, index: serializedIndex });
  });
}

export async function getArticle(db: AppDB, id: string): Promise<BundledArticle | undefined> {
  return db.transaction('r', [db.kbActive, db.kbArticles], async () => {
    const version = await activeVersion(db);
    const row = version === undefined ? undefined : await db.kbArticles.get([version, id]);
    return row ? toArticle(row) : undefined;
  });
}

export interface OverlaidBundle {
  /** The bundle with every saved change laid over it: store and index this. */
  bundle: KbBundle;
  /** Hand to storeBundle, which writes it in the same transaction (or refuses if changes were saved meanwhile). */
  edits: EditsUpdate;
}

/**
 * Lays the saved changes over a newly arrived bundle (src/kb/overlay.ts). Rows saved before the rendered
 * body was kept are rendered here; `render` may load the renderer lazily, since this is rare. So is any
 * saved change at all: the overlay's code is loaded only when there is one, not with the operator's
 * first load.
 */
export async function overlayEditsOnBundle(
  db: AppDB,
  bundle: KbBundle,
  render: (markdown: string) => string | Promise<string>,
): Promise<OverlaidBundle> {
  const rows = await db.articleEdits.toArray();
  const seen = new Map(rows.map((r) => [r.id, r.savedAt]));
  if (rows.length === 0) return { bundle, edits: { kept: [], absorbed: [], seen } };
  const edits: (ArticleEditRow & ArticleEdit)[] = [];
  for (const row of rows) edits.push({ ...row, html: row.html ?? (await render(row.article.body)) });
  const { overlayBundle } = await import('../kb/overlay');
  const { articles, kept, absorbed } = overlayBundle(bundle, edits);
  return { bundle: { ...bundle, articles }, edits: { kept, absorbed, seen } };
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
