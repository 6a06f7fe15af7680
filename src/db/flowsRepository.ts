// The editor's flows in IndexedDB: drafts saved as the editor types, immutable published versions, the
// archived mark. Publishing checks the draft with flows:check's rules; a version row is never rewritten.
import { checkDraft } from '../flows/edit';
import { hasErrors, type FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import type { ValidateOptions } from '../flows/validate';
import type { AppDB } from './db';
import type { FlowDraftRow, FlowVersionRow } from './flowsTables';

export type { FlowDraftRow, FlowVersionRow } from './flowsTables';

export type FlowStatus = 'draft' | 'published' | 'archived';

export interface FlowSummary {
  id: string;
  title: string;
  /** Published versions, oldest first. */
  versions: number[];
  status: FlowStatus;
  hasDraft: boolean;
}

function tables(db: AppDB) {
  return [db.flowVersions, db.flowDrafts, db.flowStatus];
}

/**
 * Stores the bundled flows as versions the editor can diff and roll back to. Idempotent: a version
 * already stored (bundled or published here) is left as it is.
 */
export async function seedBundledFlows(
  db: AppDB,
  flows: readonly FlowDefinition[],
  now: number,
): Promise<void> {
  await db.transaction('rw', db.flowVersions, async () => {
    const have = new Set((await db.flowVersions.toCollection().primaryKeys()).map(([id, v]) => `${id}@${v}`));
    const missing = flows.filter((f) => !have.has(`${f.id}@${f.version}`));
    await db.flowVersions.bulkAdd(
      missing.map((flow) => ({
        flowId: flow.id,
        version: flow.version,
        flow,
        publishedAt: now,
        source: 'bundled',
      })),
    );
  });
}

export async function listFlowVersions(db: AppDB, flowId: string): Promise<FlowVersionRow[]> {
  return db.flowVersions.where('flowId').equals(flowId).sortBy('version');
}

export async function latestFlowVersion(db: AppDB, flowId: string): Promise<FlowVersionRow | undefined> {
  return (await listFlowVersions(db, flowId)).at(-1);
}

export async function listFlows(db: AppDB): Promise<FlowSummary[]> {
  return db.transaction('r', tables(db), async () => {
    const [versions, drafts, statuses] = await Promise.all([
      db.flowVersions.toArray(),
      db.flowDrafts.toArray(),
      db.flowStatus.toArray(),
    ]);
    const byId = new Map<string, FlowSummary>();
    const entry = (id: string, title: string): FlowSummary => {
      const found = byId.get(id) ?? { id, title, versions: [], status: 'draft', hasDraft: false };
      byId.set(id, found);
      return found;
    };
    for (const v of versions.sort((a, b) => a.version - b.version)) {
      const e = entry(v.flowId, v.flow.title);
      e.versions.push(v.version);
      e.title = v.flow.title;
      e.status = 'published';
    }
    for (const d of drafts) {
      const e = entry(d.flowId, d.draft.title);
      e.hasDraft = true;
      if (e.versions.length === 0) e.title = d.draft.title;
    }
    for (const s of statuses) {
      const e = byId.get(s.flowId);
      if (e && s.archived) e.status = 'archived';
    }
    return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, 'ru'));
  });
}

export async function getDraft(db: AppDB, flowId: string): Promise<FlowDraftRow | undefined> {
  return db.flowDrafts.get(flowId);
}

/** Saves the working copy as it is, errors and all: nothing the editor typed is lost to a reload. */
export async function saveDraft(
  db: AppDB,
  draft: FlowDefinition,
  baseVersion: number | null,
  now: number,
): Promise<void> {
  await db.flowDrafts.put({ flowId: draft.id, draft, baseVersion, savedAt: now });
}

export async function discardDraft(db: AppDB, flowId: string): Promise<void> {
  await db.flowDrafts.delete(flowId);
}

/** Starts a draft of a new flow from another (a sample, or a copy); refuses an id already in use. */
export async function createDraftFrom(
  db: AppDB,
  source: FlowDefinition,
  newId: string,
  title: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const taken =
      (await db.flowDrafts.get(newId)) !== undefined ||
      (await db.flowVersions.where('flowId').equals(newId).count()) > 0;
    if (taken) return false;
    const draft: FlowDefinition = { ...structuredClone(source), id: newId, title, version: 1 };
    await db.flowDrafts.put({ flowId: newId, draft, baseVersion: null, savedAt: now });
    return true;
  });
}

export async function setArchived(db: AppDB, flowId: string, archived: boolean): Promise<void> {
  await db.flowStatus.put({ flowId, archived });
}

export type PublishResult = { ok: true; version: number } | { ok: false; issues: FlowIssue[] };

/** Writes `flow` as the next version of its id. Callers have checked it has no errors. */
async function appendVersion(
  db: AppDB,
  flow: FlowDefinition,
  now: number,
  source: FlowVersionRow['source'],
): Promise<number> {
  const known = (await db.flowVersions.where('flowId').equals(flow.id).primaryKeys()).map(([, v]) => v);
  const version = Math.max(0, ...known) + 1;
  await db.flowVersions.add({
    flowId: flow.id,
    version,
    flow: { ...flow, version },
    publishedAt: now,
    source,
  });
  // Publishing a flow brings it back from the archive: operators are meant to use it.
  await db.flowStatus.put({ flowId: flow.id, archived: false });
  return version;
}

/** Publishes the draft as version N+1 and drops the draft; refused while the draft has errors. */
export async function publishDraft(
  db: AppDB,
  flowId: string,
  now: number,
  options: ValidateOptions = {},
): Promise<PublishResult> {
  return db.transaction('rw', tables(db), async () => {
    const row = await db.flowDrafts.get(flowId);
    if (!row) return { ok: false, issues: [] };
    const check = checkDraft(row.draft, options);
    if (!check.publishable) return { ok: false, issues: check.issues };
    const version = await appendVersion(db, row.draft, now, 'editor');
    await db.flowDrafts.delete(flowId);
    return { ok: true, version };
  });
}

/** Rollback: the earlier version is published again, unchanged, as a new version. */
export async function republishVersion(
  db: AppDB,
  flowId: string,
  version: number,
  now: number,
): Promise<PublishResult> {
  return db.transaction('rw', tables(db), async () => {
    const row = await db.flowVersions.get([flowId, version]);
    if (!row) return { ok: false, issues: [] };
    return { ok: true, version: await appendVersion(db, row.flow, now, { rollbackOf: version }) };
  });
}

/** Imports a scripts-flows/ file as the next version of its flow; a file with any error changes nothing. */
export async function importFlowFile(
  db: AppDB,
  text: string,
  file: string,
  now: number,
  options: ValidateOptions = {},
): Promise<PublishResult & { flowId?: string }> {
  const { checkFlowFile } = await import('../flows/check');
  const checked = checkFlowFile(text, file, options);
  if (!checked.flow || hasErrors(checked.issues)) return { ok: false, issues: checked.issues };
  const flow = checked.flow;
  const version = await db.transaction('rw', tables(db), () => appendVersion(db, flow, now, 'import'));
  return { ok: true, version, flowId: flow.id };
}
