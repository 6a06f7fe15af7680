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
  /** Days a call's personal data is kept (migration 0006); null keeps it. */
  retention_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** The zone whose local days the call rollups are kept in (migration 0007); null until built. */
  rollups_time_zone: ColumnType<string | null, string | null | undefined, string | null>;
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
  chain_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/** A completed call's figures, reduced once from its log (migration 0006). */
export interface CallFiguresTable {
  call_id: string;
  organisation_id: string;
  person_id: string;
  operator_name: string;
  flow_id: string;
  flow_version: number;
  direction: string;
  started_at: Date;
  ended_at: Date | null;
  handle_ms: ColumnType<number | null, number | null, number | null>;
  after_call_ms: ColumnType<number | null, number | null, number | null>;
  outcome: string | null;
  result: string;
  resolved_first: boolean;
  transfers_counted: string;
  own_transfers: number;
  refused_transfers: number;
  holds: number;
  holds_over: number;
  overtime_ms: ColumnType<number, number, number>;
  callback_deadline: Date | null;
  callback_done_at: Date | null;
  satisfaction: number | null;
  broken: string[];
  stage_ms: ColumnType<unknown, string, string>;
  topic: string | null;
  need: string | null;
  articles: string[];
  caller_name: string | null;
  caller_name_key: string | null;
  caller_phone: string | null;
  facts: ColumnType<unknown, string, string>;
  reduced_at: CreatedAt;
  erased_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The wrap-up saved after a call, one per call, a later save replacing it (migration 0009). */
export interface CallWrapUpsTable {
  call_id: string;
  organisation_id: string;
  person_id: string;
  saved_at: ColumnType<number, number, number>;
  payload: ColumnType<unknown, string, string>;
  received_at: Date;
  updated_at: Date;
}

export interface CallCommentsTable {
  id: string;
  call_id: string;
  organisation_id: string;
  author_person_id: string;
  body: string;
  created_at: CreatedAt;
}

export interface PersonalDataErasuresTable {
  id: string;
  organisation_id: string;
  call_id: string;
  events: number;
  erased_at: CreatedAt;
}

export interface CallbacksTable {
  id: string;
  organisation_id: string;
  call_id: string;
  promised_by: string;
  phone: string;
  question: string;
  caller_name: string | null;
  appeal_number: string | null;
  deadline: Date;
  outside_hours: boolean;
  promised_at: Date;
  claimed_by: string | null;
  claimed_until: Date | null;
  done_at: Date | null;
  done_by: string | null;
  done_call_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HandoversTable {
  id: string;
  organisation_id: string;
  from_call_id: string;
  from_person_id: string;
  recipient_person_id: string;
  chain_id: string;
  transfers: number;
  content: ColumnType<unknown, string, never>;
  offered_at: Date;
  accepted_at: Date | null;
  accepted_call_id: string | null;
  created_at: CreatedAt;
}

/** An operator's lease as a device holds it: whose it is, the device, and its fencing number. */
interface LeaseColumns {
  person_id: string;
  organisation_id: string;
  device_id: string;
  epoch: number;
}

export interface OperatorLeasesTable extends LeaseColumns {
  acquired_at: Date;
  /** Migration 0010: when the call it was held for ended; null while held. */
  released_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A refused device's events, kept aside under the lease it had lost (migration 0004). */
export interface FencedCallEventsTable extends LeaseColumns {
  id: Generated<string>;
  call_id: string;
  seq: number;
  payload: ColumnType<unknown, string, never>;
  received_at: CreatedAt;
  /** Migration 0010: when the event was put back into its call (its device held the lease again). */
  restored_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An editor's working copy of something, as typed: what flows' and articles' drafts both keep. */
interface DraftColumns {
  organisation_id: string;
  person_id: string;
  draft: ColumnType<unknown, string, string>;
  saved_at: ColumnType<Date, Date, Date>;
}

export interface FlowDraftsTable extends DraftColumns {
  flow_id: string;
  base_version: number | null;
}

/** Migration 0011: each editor's working copy of an article, as flows' drafts are. */
export interface ArticleDraftsTable extends DraftColumns {
  article_id: string;
  base: string | null;
}

export interface KbVersionsTable {
  organisation_id: string;
  version: number;
  articles: ColumnType<unknown, string, never>;
  article_count: number;
  author_person_id: string | null;
  note: string;
  published_at: CreatedAt;
  /** Ids of the articles this version added, changed or removed (migration 0007); null for the seed. */
  changed_articles: ColumnType<string[] | null, string[] | null | undefined, never>;
  /** The version as kb-bundle.json, built once (migration 0007); null until then. */
  bundle: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * The daily rollups (migration 0007): keys here, the sums are figureSums.ts's columns, read and written
 * in SQL by callRollups.ts and supervision.ts.
 */
export interface CallRollupsDailyTable {
  organisation_id: string;
  day: string;
  operator_name: string;
}
export interface CallRollupsHourlyTable {
  organisation_id: string;
  day: string;
  hour: number;
}
export interface CallRollupsRankedTable {
  organisation_id: string;
  kind: 'topic' | 'need' | 'article';
  day: string;
  key: string;
  calls: number;
}

/** Migration 0013: calls whose kept figures are not yet in the rollups. */
export interface CallRollupsPendingTable {
  call_id: string;
  organisation_id: string;
}

/** Migration 0014: calls whose replay is pending: their figures, callback or handover not kept yet. */
export interface CallReplaysPendingTable {
  call_id: string;
  organisation_id: string;
  figures: Generated<boolean>;
  callback: Generated<boolean>;
  handover: Generated<boolean>;
}

/** Migration 0008: how each signed-in workstation's outbox stands (issue 20). */
export interface OutboxReportsTable {
  session_token_hash: string;
  organisation_id: string;
  person_id: string;
  waiting_calls: number;
  waiting_events: number;
  oldest_at: Timestamp | null;
  stuck_since: Timestamp | null;
  reported_at: Timestamp;
}

/** Migration 0012: groups of operators an administrator defines (issue 19). */
export interface OperatorGroupsTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OperatorGroupMembersTable {
  group_id: string;
  person_id: string;
  organisation_id: string;
}

export interface Database {
  operator_groups: OperatorGroupsTable;
  operator_group_members: OperatorGroupMembersTable;
  call_rollups_daily: CallRollupsDailyTable;
  call_rollups_hourly: CallRollupsHourlyTable;
  call_rollups_ranked: CallRollupsRankedTable;
  call_rollups_pending: CallRollupsPendingTable;
  call_replays_pending: CallReplaysPendingTable;
  call_figures: CallFiguresTable;
  call_wrapups: CallWrapUpsTable;
  call_comments: CallCommentsTable;
  personal_data_erasures: PersonalDataErasuresTable;
  operator_leases: OperatorLeasesTable;
  fenced_call_events: FencedCallEventsTable;
  handovers: HandoversTable;
  callbacks: CallbacksTable;
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
  article_drafts: ArticleDraftsTable;
  kb_versions: KbVersionsTable;
  outbox_reports: OutboxReportsTable;
}
