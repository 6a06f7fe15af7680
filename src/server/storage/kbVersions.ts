// Published knowledge-base versions (migration 0005): the whole set of articles as their files hold
// them, written once, numbered per organisation, never changed.
import { sql, type Kysely } from 'kysely';
import type { KbArticleFile } from '../../protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;

export interface StoredKbVersion {
  version: number;
  articles: KbArticleFile[];
  note: string;
  publishedAt: Date;
  authorPersonId: string | null;
}

export async function latestKbVersion(db: Db, organisationId: string): Promise<StoredKbVersion | null> {
  const row = await db
    .selectFrom('kb_versions')
    .select(['version', 'articles', 'note', 'published_at', 'author_person_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        version: row.version,
        articles: row.articles as KbArticleFile[],
        note: row.note,
        publishedAt: row.published_at,
        authorPersonId: row.author_person_id,
      }
    : null;
}

interface NewKbVersion {
  organisationId: string;
  articles: readonly KbArticleFile[];
  authorPersonId: string | null;
  note: string;
  publishedAt: Date;
}

async function insertKbVersion(db: Db, input: NewKbVersion & { version: number }): Promise<void> {
  await db
    .insertInto('kb_versions')
    .values({
      organisation_id: input.organisationId,
      version: input.version,
      articles: JSON.stringify(input.articles),
      article_count: input.articles.length,
      author_person_id: input.authorPersonId,
      note: input.note,
      published_at: input.publishedAt,
    })
    .execute();
}

export type KbPublishResult = { ok: true; version: number } | { ok: false; latest: number | null };

/** Writes the next version if the newest is still `baseVersion`; as for flows, one of two writers wins. */
export async function publishKbVersion(
  db: Db,
  baseVersion: number | null,
  input: NewKbVersion,
): Promise<KbPublishResult> {
  const latestNumber = async (d: Db) => (await latestKbVersion(d, input.organisationId))?.version ?? null;
  try {
    return await db.transaction().execute(async (trx) => {
      const latest = await latestNumber(trx);
      if (latest !== baseVersion) return { ok: false, latest };
      const version = (latest ?? 0) + 1;
      await insertKbVersion(trx, { ...input, version });
      return { ok: true, version };
    });
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === '23505')
      return { ok: false, latest: await latestNumber(db) };
    throw e;
  }
}

/** Gives the articles the build brought to every organisation that holds no knowledge base yet. */
export async function seedKbVersions(
  db: Db,
  articlesOf: (organisationId: string) => readonly KbArticleFile[],
  now: Date,
): Promise<number> {
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where(sql<boolean>`not exists (select 1 from kb_versions k where k.organisation_id = organisations.id)`)
    .execute();
  for (const { id } of rows)
    await insertKbVersion(db, {
      organisationId: id,
      version: 1,
      articles: articlesOf(id),
      authorPersonId: null,
      note: '',
      publishedAt: now,
    });
  return rows.length;
}
