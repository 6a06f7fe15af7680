// The one catalogue of flow versions: the version each call ran (callFlows, stored as the call begins),
// the editor's published versions (flowVersions), then the flows of this build. Every reader of a call's
// flow (the operator resuming it, the supervisor and its worker, replay, retention, import) asks here.
import { isRunnableFlow } from '../flows/shape';
import type { FlowDefinition } from '../flows/types';
import type { AppDB } from './db';
import type { CallFlowRow, FlowVersionRow } from './flowsTables';

/** The flow version a call ran, or null when nothing this workstation holds has it. */
export type FlowLookup = (flowId: string, version: number) => FlowDefinition | null;

/** A call as far as its flow goes (a CallRow satisfies it). */
interface RanFlow {
  flowId: string;
  flowVersion: number;
}

const keyOf = (flowId: string, version: number) => `${flowId}@${version}`;

/** A stored row passes when its flow can run and is the version it is stored under (damage left out). */
export function isIntactVersion<R extends CallFlowRow | FlowVersionRow>(row: R | undefined): row is R {
  return !!row && isRunnableFlow(row.flow) && row.flow.id === row.flowId && row.flow.version === row.version;
}

/**
 * The stored versions in the order a lookup takes them: what calls ran first (exactly what ran), then
 * what the editor published; one per id and version. The operator runs a stored version over a bundled
 * one of the same number (flowCatalog's `withPublished`), so storage is asked before the build.
 */
export function storedFirst(
  ran: readonly (CallFlowRow | undefined)[],
  published: readonly (FlowVersionRow | undefined)[],
): FlowDefinition[] {
  const out = new Map<string, FlowDefinition>();
  for (const row of [...ran, ...published])
    if (isIntactVersion(row) && !out.has(keyOf(row.flowId, row.version)))
      out.set(keyOf(row.flowId, row.version), row.flow);
  return [...out.values()];
}

/** A lookup among a list of flows (the flows of a build). */
export function lookupIn(flows: readonly FlowDefinition[]): FlowLookup {
  return (flowId, version) => flows.find((f) => f.id === flowId && f.version === version) ?? null;
}

/** The tables a lookup reads: a transaction that looks flows up must include them. */
export function flowTables(db: AppDB) {
  return [db.callFlows, db.flowVersions];
}

/**
 * The flow versions of these calls, as one synchronous lookup: stored versions first, then `bundled`
 * (the flows of this build). Reads Dexie only, so it may run inside a transaction over `flowTables`.
 */
export async function flowVersionsFor(
  db: AppDB,
  calls: Iterable<RanFlow>,
  bundled: FlowLookup,
): Promise<FlowLookup> {
  const keys = new Map<string, [string, number]>();
  for (const c of calls) keys.set(keyOf(c.flowId, c.flowVersion), [c.flowId, c.flowVersion]);
  const wanted = [...keys.values()];
  if (wanted.length === 0) return bundled;
  const [ran, published] = await Promise.all([db.callFlows.bulkGet(wanted), db.flowVersions.bulkGet(wanted)]);
  const stored = new Map(storedFirst(ran, published).map((f) => [keyOf(f.id, f.version), f]));
  return (flowId, version) => stored.get(keyOf(flowId, version)) ?? bundled(flowId, version);
}

/** The flow version one call ran: stored first, then `bundled`. */
export async function flowVersion(
  db: AppDB,
  flowId: string,
  version: number,
  bundled: FlowLookup,
): Promise<FlowDefinition | null> {
  return (await flowVersionsFor(db, [{ flowId, flowVersion: version }], bundled))(flowId, version);
}
