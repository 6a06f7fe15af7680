// The audit log: sign-ins and administrators' actions. Details never hold a password or a token.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'sign_out'
  | 'sign_out_everywhere'
  | 'person_added'
  | 'password_reset'
  | 'person_disabled'
  | 'person_enabled'
  | 'roles_set'
  | 'flow_published'
  | 'kb_published'
  | 'group_saved'
  | 'group_deleted';

export interface AuditEntry {
  organisationId: string | null;
  actorPersonId: string | null;
  action: AuditAction;
  targetPersonId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: e.organisationId,
      actor_person_id: e.actorPersonId,
      action: e.action,
      target_person_id: e.targetPersonId ?? null,
      address: e.address ?? null,
      details: JSON.stringify(e.details ?? {}),
      at: e.at,
    })
    .execute();
}

export interface AuditRecord {
  action: string;
  actorPersonId: string | null;
  targetPersonId: string | null;
  details: unknown;
  at: Date;
}

export async function listAudit(db: Kysely<Database>, organisationId: string | null): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['action', 'actor_person_id', 'target_person_id', 'details', 'at'])
    .orderBy('id');
  query =
    organisationId === null
      ? query.where('organisation_id', 'is', null)
      : query.where('organisation_id', '=', organisationId);
  const rows = await query.execute();
  return rows.map((r) => ({
    action: r.action,
    actorPersonId: r.actor_person_id,
    targetPersonId: r.target_person_id,
    details: r.details,
    at: r.at,
  }));
}
