// Editors' drafts of knowledge-base articles (migration 0011): one working copy per organisation, person
// and article, overwritten as the editor types; nobody else reads it. Publishing drops the author's own.
import type { Kysely } from 'kysely';
import type { ArticleDraft } from '../../protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;
export interface ArticleDraftOwner {
  organisationId: string;
  personId: string;
}

const wire = (row: { article_id: string; draft: unknown; base: string | null; saved_at: Date }) => ({
  articleId: row.article_id,
  // Written from the checked save schema: an object of the form's fields.
  draft: row.draft as Record<string, unknown>,
  base: row.base,
  savedAt: row.saved_at.toISOString(),
});

const ownedBy = (db: Db, owner: ArticleDraftOwner) =>
  db
    .selectFrom('article_drafts')
    .select(['article_id', 'draft', 'base', 'saved_at'])
    .where('organisation_id', '=', owner.organisationId)
    .where('person_id', '=', owner.personId);

/** The person's drafts, newest first. */
export async function listArticleDrafts(db: Db, owner: ArticleDraftOwner): Promise<ArticleDraft[]> {
  return (await ownedBy(db, owner).orderBy('saved_at', 'desc').orderBy('article_id').execute()).map(wire);
}

export async function findArticleDraft(
  db: Db,
  owner: ArticleDraftOwner,
  articleId: string,
): Promise<ArticleDraft | null> {
  const row = await ownedBy(db, owner).where('article_id', '=', articleId).executeTakeFirst();
  return row ? wire(row) : null;
}

export async function saveArticleDraft(
  db: Db,
  owner: ArticleDraftOwner,
  articleId: string,
  draft: { draft: Record<string, unknown>; base: string | null },
  at: Date,
): Promise<void> {
  const values = { draft: JSON.stringify(draft.draft), base: draft.base, saved_at: at };
  await db
    .insertInto('article_drafts')
    .values({
      organisation_id: owner.organisationId,
      person_id: owner.personId,
      article_id: articleId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'person_id', 'article_id']).doUpdateSet(values))
    .execute();
}

/** Drops the person's drafts of these articles (one discarded, or those just published). */
export async function deleteArticleDrafts(
  db: Db,
  owner: ArticleDraftOwner,
  articleIds: readonly string[],
): Promise<void> {
  if (articleIds.length === 0) return;
  await db
    .deleteFrom('article_drafts')
    .where('organisation_id', '=', owner.organisationId)
    .where('person_id', '=', owner.personId)
    .where('article_id', 'in', [...articleIds])
    .execute();
}
