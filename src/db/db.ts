// The one Dexie database of the app. Schema versions are additive: a new version adds tables or
// changes indexes; a shipped table or field is never renamed or dropped. See README "Adding a schema version".
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CallbackRow,
  CallChangeRow,
  CallEventRow,
  CallFactsRow,
  CallLeaseRow,
  CallRow,
  CallPackRow,
  OrganisationRow,
  OutboxRow,
  UploadOwner,
} from './callsTables';
import type { KbActiveRow, KbArticleRow, KbBundleRow, KbIndexRow } from './kbTables';
import type { CallFlowRow, FlowDraftRow, FlowStatusRow, FlowVersionRow } from './flowsTables';
import type { ArticleDraftRow, ArticleEditRow } from './articlesTables';
import type { CentreQueueRow, ColleagueRow } from './centreTables';

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'sufler';

export class AppDB extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  kbBundles!: EntityTable<KbBundleRow, 'version'>;
  kbArticles!: Table<KbArticleRow, [string, string]>;
  kbIndexes!: EntityTable<KbIndexRow, 'version'>;
  kbActive!: EntityTable<KbActiveRow, 'key'>;
  calls!: EntityTable<CallRow, 'id'>;
  callEvents!: Table<CallEventRow, [string, number]>;
  callLease!: EntityTable<CallLeaseRow, 'key'>;
  callbacks!: EntityTable<CallbackRow, 'id'>;
  flowVersions!: Table<FlowVersionRow, [string, number]>;
  flowDrafts!: EntityTable<FlowDraftRow, 'flowId'>;
  flowStatus!: EntityTable<FlowStatusRow, 'flowId'>;
  articleEdits!: EntityTable<ArticleEditRow, 'id'>;
  articleDrafts!: Table<ArticleDraftRow, [string, string]>;
  organisations!: EntityTable<OrganisationRow, 'ref'>;
  callFacts!: EntityTable<CallFactsRow, 'id'>;
  callPacks!: Table<CallPackRow, [number, number, string]>;
  callChanges!: EntityTable<CallChangeRow, 'id'>;
  callFlows!: Table<CallFlowRow, [string, number]>;
  outbox!: Table<OutboxRow, [string, number]>;
  colleagues!: EntityTable<ColleagueRow, 'personId'>;
  centreQueue!: EntityTable<CentreQueueRow, 'personId'>;
  /**
   * The person this workstation uploads calls as while connected to a server (src/db/outbox.ts); null
   * on a single workstation. Kept in memory: the app sets it from the session at start and sign-in, so
   * the append reads it without an extra request in its transaction.
   */
  uploadAs: UploadOwner | null = null;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      settings: 'key',
      // Knowledge-base cache (src/db/kbRepository.ts): versions side by side, one active pointer.
      kbBundles: 'version',
      kbArticles: '[version+id], version',
      kbIndexes: 'version',
      kbActive: 'key',
      // Call records (src/db/callsRepository.ts): the log is the truth, the summary row serves lists.
      calls: 'id, status, startedAt, callerPhone, callerNameKey',
      callEvents: '[callId+seq], callId',
      callLease: 'key',
      // Promised callbacks (src/db/callbacksRepository.ts), worked through by due time.
      callbacks: 'id, status, dueAt, phone, callId',
      // The editor's flows (src/db/flowsRepository.ts): immutable versions, one draft per flow, archived mark.
      flowVersions: '[flowId+version], flowId',
      flowDrafts: 'flowId',
      flowStatus: 'flowId',
      // The editor's article changes (src/db/articlesRepository.ts), laid over the cached bundle.
      articleEdits: 'id',
    });
    // Version 2 (smaller records, a fast supervisor): each organisation stored once, named by the calls
    // that started with it (src/db/callEventCodec.ts); each call's figures kept once reduced; the log's
    // callId index dropped, as its compound key [callId+seq] already finds a call's events in order.
    this.version(2).stores({
      // The caller's history wants the newest few calls of a phone or name: ordered by start within each.
      calls: 'id, status, startedAt, [callerPhone+startedAt], [callerNameKey+startedAt]',
      callEvents: '[callId+seq]',
      organisations: 'ref',
      callFacts: 'id, startedAt',
    });
    // Version 3 (a dashboard over 100,000 calls in under a second): each month's calls packed into a few
    // buffers (src/db/callPack.ts), figures and rows apart, keyed by [month+rev+part] so a watcher sees
    // a rewrite from the keys alone; every write of a call row (or of the callback it promised) marks
    // the call changed in the same transaction, until a pack takes it in.
    this.version(3).stores({
      callPacks: '[month+rev+part]',
      callChanges: 'id',
    });
    // Version 4 (one catalogue of flow versions, src/db/flowCatalogue.ts): the exact flow version each
    // call ran, stored when the call begins, so every reader finds it after a newer build replaced it.
    this.version(4).stores({
      callFlows: '[flowId+version]',
    });
    // Version 5 (calls go up to the server, exactly once): every event stored while connected to a
    // server is queued in the outbox in the same transaction, and leaves it when the server acknowledged
    // it. Nothing to carry over: calls stored before the connection go up only when the operator agrees.
    this.version(5).stores({
      outbox: '[callId+seq], personId',
    });
    // Version 6 (the centre's directory and queue kept): the organisation's people as the server last
    // gave them, so a transfer names a colleague offline too; and the callbacks queue last fetched per
    // person, shown as such after a reload without network. Nothing to carry over: both fill when online.
    this.version(6).stores({
      colleagues: 'personId, organisationId',
      centreQueue: 'personId',
    });
    // Version 7 (article drafts per editor, issue 18): an article being edited, as typed, kept per person
    // signed in ('' on a single workstation) so another editor of this browser neither sees nor overwrites
    // it; the server keeps a copy for the editor's other workstations. Nothing to carry over.
    this.version(7).stores({
      articleDrafts: '[owner+id], owner',
    });
  }
}
