// Articles being edited, as typed, per person (issue 18): saved shortly after each change, so a reload or
// going offline loses nothing; the editor's workstation mirrors the server's copy of each draft.
import { articleHash } from '../kb/overlay';
import type { ArticleDraftRow } from './articlesTables';
import type { AppDB } from './db';

export async function getArticleDraft(db: AppDB, owner: string, id: string): Promise<ArticleDraftRow | null> {
  return (await db.articleDrafts.get([owner, id])) ?? null;
}

/** The person's drafts on this workstation. */
export async function listArticleDrafts(db: AppDB, owner: string): Promise<ArticleDraftRow[]> {
  return db.articleDrafts.where('owner').equals(owner).toArray();
}

export async function putArticleDraft(db: AppDB, row: ArticleDraftRow): Promise<void> {
  await db.articleDrafts.put(row);
}

/** Marks a draft as held by the server too, unless it was typed on since (then it goes up again). */
export async function markArticleDraftSynced(
  db: AppDB,
  owner: string,
  id: string,
  savedAt: number,
): Promise<void> {
  await db.transaction('rw', db.articleDrafts, async () => {
    const row = await db.articleDrafts.get([owner, id]);
    if (row?.savedAt === savedAt) await db.articleDrafts.put({ ...row, synced: true });
  });
}

export async function deleteArticleDrafts(db: AppDB, owner: string, ids: readonly string[]): Promise<void> {
  await db.articleDrafts.bulkDelete(ids.map((id): [string, string] => [owner, id]));
}

/**
 * The digest of the published text an edit of this article starts from: the one a change saved here
 * started from, else the text of the knowledge base this workstation holds; null for a new article.
 */
export async function articleEditBase(db: AppDB, id: string): Promise<string | null> {
  const edit = await db.articleEdits.get(id);
  if (edit) return edit.basedOn?.hash ?? null;
  const version = (await db.kbActive.get('active'))?.version;
  if (version === undefined) return null;
  const cached = await db.kbArticles.get([version, id]);
  if (!cached) return null;
  const { html: _html, version: _v, ...article } = cached;
  return articleHash(article);
}
