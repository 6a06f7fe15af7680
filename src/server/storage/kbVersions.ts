// Published knowledge-base versions (migration 0005): the whole set of articles as their files hold
// them, written once, numbered per organisation, never changed; beside them, built once from them, the
// bundle workstations download (migration 0007).
import { sql, type Kysely } from 'kysely';
import { articleHash } from '../../kb/overlay';
import { idFromFileName, restoreArticle } from '../../kb/parse';
import type { KbArticleFile } from '../../protocol';
import { publishNextVersion } from './nextVersion';
import type { Database } from './schema';

type Db = Kysely<Database>;

export interface StoredKbVersion {
  version: number;
  articles: KbArticleFile[];
  note: string;
  publishedAt: Date;
  authorPersonId: string | null;
}

const versionColumns = ['version', 'articles', 'note', 'published_at', 'author_person_id'] as const;

function storedVersion(row: {
  version: number;
  articles: unknown;
  note: string;
  published_at: Date;
  author_person_id: string | null;
}): StoredKbVersion {
  return {
    version: row.version,
    articles: row.articles as KbArticleFile[], // written from the checked publish schema
    note: row.note,
    publishedAt: row.published_at,
    authorPersonId: row.author_person_id,
  };
}

const versionsOf = (db: Db, organisationId: string) =>
  db.selectFrom('kb_versions').where('organisation_id', '=', organisationId);

const newestOf = (db: Db, organisationId: string) =>
  versionsOf(db, organisationId).orderBy('version', 'desc').limit(1);

export async function latestKbVersion(db: Db, organisationId: string): Promise<StoredKbVersion | null> {
  const row = await newestOf(db, organisationId).select(versionColumns).executeTakeFirst();
  return row ? storedVersion(row) : null;
}

export async function kbVersionOf(
  db: Db,
  organisationId: string,
  version: number,
): Promise<StoredKbVersion | null> {
  const row = await versionsOf(db, organisationId)
    .select(versionColumns)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? storedVersion(row) : null;
}

/** The newest version's number and its bundle as built (null until built). */
export async function latestKbBundle(
  db: Db,
  organisationId: string,
): Promise<{ version: number; bundle: string | null } | null> {
  const row = await newestOf(db, organisationId).select(['version', 'bundle']).executeTakeFirst();
  return row ?? null;
}

/** Keeps a version's bundle as built from its articles (the same each time: it is derived, not edited). */
export async function storeKbBundle(db: Db, organisationId: string, version: number, bundle: string) {
  await db
    .updateTable('kb_versions')
    .set({ bundle })
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .execute();
}

interface NewKbVersion {
  organisationId: string;
  articles: readonly KbArticleFile[];
  authorPersonId: string | null;
  note: string;
  publishedAt: Date;
}

async function insertKbVersion(
  db: Db,
  input: NewKbVersion & { version: number; changed: string[] | null },
): Promise<void> {
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
      changed_articles: input.changed,
    })
    .execute();
}

const byId = (articles: readonly KbArticleFile[]) =>
  new Map(articles.map((a) => [idFromFileName(a.file), a]));

/** The ids of the articles `next` adds, changes or removes against `before`, sorted. */
function changedIds(before: readonly KbArticleFile[], next: readonly KbArticleFile[]): string[] {
  const old = byId(before);
  const now = byId(next);
  const ids = new Set<string>();
  for (const [id, a] of now) if (old.get(id)?.text !== a.text) ids.add(id);
  for (const id of old.keys()) if (!now.has(id)) ids.add(id);
  return [...ids].sort();
}

export type KbPublishResult = { ok: true; version: number } | { ok: false; latest: number | null };

/** Writes the next version if the newest is still `baseVersion`; as for flows, one of two writers wins. */
export async function publishKbVersion(
  db: Db,
  baseVersion: number | null,
  input: NewKbVersion,
): Promise<KbPublishResult> {
  return publishNextVersion<StoredKbVersion, KbPublishResult>(db, baseVersion, {
    newest: (d) => latestKbVersion(d, input.organisationId),
    write: async (trx, version, latest) => {
      const changed = changedIds(latest?.articles ?? [], input.articles);
      await insertKbVersion(trx, { ...input, version, changed });
      return { ok: true, version };
    },
    stale: (latest) => ({ ok: false, latest: latest?.version ?? null }),
  });
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
      changed: null,
    });
  return rows.length;
}

export interface StoredArticlePublication {
  id: string;
  version: number;
  publishedAt: Date;
  author: { id: string; name: string } | null;
  note: string;
}

/**
 * For each article (or those of `ids`), the version that last added or changed it: who, when and why.
 * Articles the build brought and nobody changed since have the seed version, without an author.
 */
export async function articlePublications(
  db: Db,
  organisationId: string,
  ids?: readonly string[],
): Promise<StoredArticlePublication[]> {
  const rows = await sql<{
    id: string;
    version: number;
    published_at: Date;
    author_person_id: string | null;
    author_name: string | null;
    note: string;
  }>`select distinct on (c.id) c.id, v.version, v.published_at, v.author_person_id, v.note,
      (select concat_ws(' ', p.surname, p.first_name, nullif(p.patronymic, '')) from people p
        where p.id = v.author_person_id) as author_name
    from kb_versions v, unnest(v.changed_articles) c(id)
    where v.organisation_id = ${organisationId}
      ${ids ? sql`and c.id = any(${[...ids]}::text[])` : sql``}
    order by c.id, v.version desc`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.published_at,
    author: r.author_person_id ? { id: r.author_person_id, name: r.author_name ?? '' } : null,
    note: r.note,
  }));
}

/** An edited or new article to publish, with the digest of the text the edit started from (null: new). */
export interface ArticleToPublish extends KbArticleFile {
  base: string | null;
}

export type ArticlesPublishResult =
  | { ok: true; version: number; changed: string[] }
  /** Articles another editor published since these edits started: theirs, as the newest version has them. */
  | { ok: false; conflicts: KbArticleFile[] };

/** The digest of an article file's content (null when it does not read as an article). */
function digestOf(file: KbArticleFile): string | null {
  const read = restoreArticle(file.text, file.file);
  return read.ok ? articleHash(read.article) : null;
}

/**
 * Lays edited and new articles over the newest version as the next one. An article whose newest text is
 * neither the one its edit started from nor the edit itself was published by someone else meanwhile:
 * nothing is written and those articles come back. Publishers of one organisation take turns.
 */
export async function publishKbArticles(
  db: Kysely<Database>,
  input: Omit<NewKbVersion, 'articles'> & { articles: readonly ArticleToPublish[] },
): Promise<ArticlesPublishResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`kb:${input.organisationId}`}))`.execute(trx);
    const latest = await latestKbVersion(trx, input.organisationId);
    const current = byId(latest?.articles ?? []);
    const conflicts: KbArticleFile[] = [];
    for (const edit of input.articles) {
      const theirs = current.get(idFromFileName(edit.file));
      const now = theirs ? digestOf(theirs) : null;
      // An article removed meanwhile is published again as the editor has it.
      if (theirs && now !== edit.base && now !== digestOf(edit)) conflicts.push(theirs);
    }
    if (conflicts.length > 0) return { ok: false, conflicts };
    const next = new Map(current);
    for (const { file, text } of input.articles) {
      const id = idFromFileName(file);
      next.set(id, { file: current.get(id)?.file ?? file, text });
    }
    const articles = [...next.values()];
    const changed = changedIds(latest?.articles ?? [], articles);
    const version = latest?.version ?? 0;
    if (changed.length === 0) return { ok: true, version, changed };
    await insertKbVersion(trx, { ...input, articles, version: version + 1, changed });
    return { ok: true, version: version + 1, changed };
  });
}
