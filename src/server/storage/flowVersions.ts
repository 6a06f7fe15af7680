// Published flow versions (migration 0002): written once, never changed, read per organisation.
import { sql, type Kysely } from 'kysely';
import type { FlowVersionInfo, PublishedFlow } from '../../protocol';
import { publishNextVersion } from './nextVersion';
import type { Database } from './schema';

type Db = Kysely<Database>;

const authorName = sql<
  string | null
>`(select nullif(trim(p.surname || ' ' || p.first_name || ' ' || p.patronymic), '')
  from people p where p.id = flow_versions.author_person_id)`;

const infoColumns = [
  'flow_id',
  'version',
  'title',
  'author_person_id',
  'note',
  'published_at',
  'effective_at',
] as const;

interface InfoRow {
  flow_id: string;
  version: number;
  title: string;
  author_person_id: string | null;
  author_name: string | null;
  note: string;
  published_at: Date;
  effective_at: Date;
}

function infoOf(row: InfoRow): FlowVersionInfo {
  return {
    flowId: row.flow_id,
    version: row.version,
    title: row.title,
    publishedAt: row.published_at.toISOString(),
    effectiveAt: row.effective_at.toISOString(),
    author: row.author_person_id ? { id: row.author_person_id, name: row.author_name ?? '' } : null,
    note: row.note,
  };
}

function publishedOf(row: InfoRow & { definition: unknown }): PublishedFlow {
  return { ...infoOf(row), definition: row.definition as Record<string, unknown> };
}

function withDefinitions(db: Db, organisationId: string) {
  return db
    .selectFrom('flow_versions')
    .select([...infoColumns, 'definition', authorName.as('author_name')])
    .where('organisation_id', '=', organisationId);
}

/** The version in force of every flow at `now` (the newest already effective), and those after it. */
export async function flowCatalogue(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<{ current: PublishedFlow[]; scheduled: PublishedFlow[] }> {
  const [current, scheduled] = await Promise.all([
    withDefinitions(db, organisationId)
      .where('effective_at', '<=', now)
      .distinctOn('flow_id')
      .orderBy('flow_id')
      .orderBy('version', 'desc')
      .execute(),
    withDefinitions(db, organisationId)
      .where('effective_at', '>', now)
      .orderBy('flow_id')
      .orderBy('version')
      .execute(),
  ]);
  return { current: current.map(publishedOf), scheduled: scheduled.map(publishedOf) };
}

/** Every version of one flow, newest first, without definitions. */
export async function flowHistory(
  db: Db,
  organisationId: string,
  flowId: string,
): Promise<FlowVersionInfo[]> {
  const rows = await db
    .selectFrom('flow_versions')
    .select([...infoColumns, authorName.as('author_name')])
    .where('organisation_id', '=', organisationId)
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(infoOf);
}

const versionsOfFlow = (db: Db, organisationId: string, flowId: string) =>
  withDefinitions(db, organisationId).where('flow_id', '=', flowId);

export async function findFlowVersion(
  db: Db,
  organisationId: string,
  flowId: string,
  version: number,
): Promise<PublishedFlow | null> {
  const row = await versionsOfFlow(db, organisationId, flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? publishedOf(row) : null;
}

/** The newest version of a flow, scheduled ones included: the one a new version must be based on. */
export async function latestFlowVersion(
  db: Db,
  organisationId: string,
  flowId: string,
): Promise<PublishedFlow | null> {
  const row = await versionsOfFlow(db, organisationId, flowId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? publishedOf(row) : null;
}

export interface NewFlowVersion {
  organisationId: string;
  flowId: string;
  title: string;
  definition: Record<string, unknown>;
  authorPersonId: string | null;
  note: string;
  publishedAt: Date;
  effectiveAt: Date;
}

/** Writes one version under the number it carries in its definition's place (the seed keeps the build's). */
export async function insertFlowVersion(db: Db, input: NewFlowVersion & { version: number }): Promise<void> {
  await db
    .insertInto('flow_versions')
    .values({
      organisation_id: input.organisationId,
      flow_id: input.flowId,
      version: input.version,
      title: input.title,
      definition: JSON.stringify({ ...input.definition, version: input.version }),
      author_person_id: input.authorPersonId,
      note: input.note,
      published_at: input.publishedAt,
      effective_at: input.effectiveAt,
    })
    .execute();
}

export type PublishResult =
  { ok: true; published: PublishedFlow } | { ok: false; latest: PublishedFlow | null };

/**
 * Writes the next version of a flow if the newest is still `baseVersion` (null: the flow is new). The
 * check and the insert are one transaction, and the primary key refuses a second writer of the same
 * number, so two editors publishing from one base never both succeed.
 */
export async function publishFlowVersion(
  db: Db,
  baseVersion: number | null,
  input: NewFlowVersion,
): Promise<PublishResult> {
  return publishNextVersion<PublishedFlow, PublishResult>(db, baseVersion, {
    newest: (d) => latestFlowVersion(d, input.organisationId, input.flowId),
    write: async (trx, version) => {
      await insertFlowVersion(trx, { ...input, version });
      const published = await findFlowVersion(trx, input.organisationId, input.flowId, version);
      if (!published) throw new Error('A version just written cannot be read back.');
      return { ok: true, published };
    },
    stale: (latest) => ({ ok: false, latest }),
  });
}

/** Organisations that hold no flow yet: a new one is given the flows the build brought. */
export async function organisationsWithoutFlows(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where(
      sql<boolean>`not exists (select 1 from flow_versions f where f.organisation_id = organisations.id)`,
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Changes whenever a version of the organisation's flows is written (they are never changed or deleted). */
export async function catalogueMark(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('flow_versions')
    .select([sql<string>`count(*)::text`.as('n'), sql<string | null>`max(published_at)::text`.as('latest')])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return `${row?.n ?? 0}@${row?.latest ?? ''}`;
}
