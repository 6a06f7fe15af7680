// The flow versions the organisation's server published (issue 18), kept in the one catalogue of flow
// versions (flowVersions, source 'server') with when each takes effect, and, beside them, when the
// workstation last heard from the server and how far its clock is from the server's (serverFlowsMeta.ts).
import { isRunnableFlow } from '../flows/shape';
import type { FlowDefinition } from '../flows/types';
import type { AppDB } from './db';
import type { FlowVersionRow } from './flowsTables';
import { restoreServerFlowsMeta, SERVER_FLOWS_KEY, type ServerFlowsMeta } from './serverFlowsMeta';

export interface ServerFlowVersion {
  flow: FlowDefinition;
  /** Server time, ms since the epoch. */
  publishedAt: number;
  effectiveAt: number;
  note: string;
}

export async function loadServerFlowsMeta(db: AppDB): Promise<ServerFlowsMeta | null> {
  return restoreServerFlowsMeta((await db.settings.get(SERVER_FLOWS_KEY))?.value);
}

const rowOf = (v: ServerFlowVersion): FlowVersionRow => ({
  flowId: v.flow.id,
  version: v.flow.version,
  flow: v.flow,
  publishedAt: v.publishedAt,
  source: 'server',
  effectiveAt: v.effectiveAt,
  note: v.note,
});

/** One version the server has just published, or sent to compare with (the editor's own publication). */
export async function storeServerFlowVersion(db: AppDB, version: ServerFlowVersion): Promise<void> {
  if (isRunnableFlow(version.flow)) await db.flowVersions.put(rowOf(version));
}

/**
 * Stores the server's catalogue and when it was taken, in one transaction. A version the server sent
 * replaces a local row of the same number (the server rules while signed in); the versions calls ran
 * stay in callFlows whatever happens here, and nothing is deleted.
 */
export async function storeServerFlows(
  db: AppDB,
  versions: readonly ServerFlowVersion[],
  meta: ServerFlowsMeta,
): Promise<void> {
  const rows = versions.filter((v) => isRunnableFlow(v.flow)).map(rowOf);
  await db.transaction('rw', [db.flowVersions, db.settings], async () => {
    const keys = rows.map((r): [string, number] => [r.flowId, r.version]);
    const have = await db.flowVersions.bulkGet(keys);
    // An unchanged row is not written again: the operator's catalogue is not recomputed for nothing.
    const changed = rows.filter((r, i) => {
      const old = have[i];
      return !old || old.source !== 'server' || old.effectiveAt !== r.effectiveAt;
    });
    if (changed.length > 0) await db.flowVersions.bulkPut(changed);
    await db.settings.put({ key: SERVER_FLOWS_KEY, value: meta });
  });
}
