// The server database's tables as Kysely sees them. Mirrors migrations/*.sql; a column added by a
// migration is added here in the same commit.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Timestamp = ColumnType<Date, Date | undefined, Date>;

export interface OrganisationsTable {
  id: string;
  full_name: string;
  short_name: string;
  time_zone: string;
  profile: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RolesTable {
  id: string;
}

export interface PeopleTable {
  id: string;
  organisation_id: string;
  login: string;
  login_key: string;
  surname: string;
  first_name: string;
  patronymic: string;
  position: string;
  department: string;
  password_hash: string;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PersonRolesTable {
  person_id: string;
  role: string;
  granted_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  login_key: string;
  address: string;
  at: CreatedAt;
  succeeded: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AuditLogTable {
  id: Generated<string>;
  organisation_id: string | null;
  actor_person_id: string | null;
  action: string;
  target_person_id: string | null;
  address: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  at: CreatedAt;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface CallsTable {
  id: string;
  organisation_id: string;
  person_id: string;
  flow_id: string;
  flow_version: number;
  started_at: Date;
  next_seq: ColumnType<number, number | undefined, number>;
  received_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CallEventsTable {
  call_id: string;
  seq: number;
  organisation_id: string;
  at: Date;
  type: string;
  payload: ColumnType<unknown, string, never>;
  received_at: CreatedAt;
}

export interface FlowVersionsTable {
  organisation_id: string;
  flow_id: string;
  version: number;
  title: string;
  definition: ColumnType<unknown, string, never>;
  author_person_id: string | null;
  note: string;
  published_at: CreatedAt;
  effective_at: ColumnType<Date, Date, never>;
}

export interface FlowDraftsTable {
  organisation_id: string;
  person_id: string;
  flow_id: string;
  draft: ColumnType<unknown, string, string>;
  base_version: number | null;
  saved_at: ColumnType<Date, Date, Date>;
}

export interface KbVersionsTable {
  organisation_id: string;
  version: number;
  articles: ColumnType<unknown, string, never>;
  article_count: number;
  author_person_id: string | null;
  note: string;
  published_at: CreatedAt;
}

export interface Database {
  calls: CallsTable;
  call_events: CallEventsTable;
  organisations: OrganisationsTable;
  roles: RolesTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  flow_versions: FlowVersionsTable;
  flow_drafts: FlowDraftsTable;
  kb_versions: KbVersionsTable;
}
