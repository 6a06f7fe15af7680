// Editors' drafts of flows (migration 0005): one working copy per organisation, person and flow,
// overwritten as the editor types; nobody else reads it.
import type { Kysely } from 'kysely';
import type { FlowDraft } from '../../protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;
export interface DraftOwner {
  organisationId: string;
  personId: string;
  flowId: string;
}

export async function findFlowDraft(db: Db, owner: DraftOwner): Promise<FlowDraft | null> {
  const row = await db
    .selectFrom('flow_drafts')
    .select(['draft', 'base_version', 'saved_at'])
    .where('organisation_id', '=', owner.organisationId)
    .where('person_id', '=', owner.personId)
    .where('flow_id', '=', owner.flowId)
    .executeTakeFirst();
  return row
    ? {
        draft: row.draft as Record<string, unknown>,
        baseVersion: row.base_version,
        savedAt: row.saved_at.toISOString(),
      }
    : null;
}

export async function saveFlowDraft(
  db: Db,
  owner: DraftOwner,
  draft: Record<string, unknown>,
  baseVersion: number | null,
  at: Date,
): Promise<void> {
  const values = { draft: JSON.stringify(draft), base_version: baseVersion, saved_at: at };
  await db
    .insertInto('flow_drafts')
    .values({
      organisation_id: owner.organisationId,
      person_id: owner.personId,
      flow_id: owner.flowId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'person_id', 'flow_id']).doUpdateSet(values))
    .execute();
}

export async function deleteFlowDraft(db: Db, owner: DraftOwner): Promise<void> {
  await db
    .deleteFrom('flow_drafts')
    .where('organisation_id', '=', owner.organisationId)
    .where('person_id', '=', owner.personId)
    .where('flow_id', '=', owner.flowId)
    .execute();
}
