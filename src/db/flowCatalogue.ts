// The one catalogue of flow versions: the version each call ran (callFlows, stored as the call begins),
// the editor's published versions (flowVersions), then the flows of this build. Every reader of a call's
// flow (the operator resuming it, the supervisor and its worker, replay, retention, import) asks here.
import { liveQuery } from 'dexie';
import { isRunnableFlow } from '../flows/shape';
import type { FlowDefinition } from '../flows/types';
import type { AppDB } from './db';
import type { CallFlowRow, FlowVersionRow } from './flowsTables';
import { restoreServerFlowsMeta, SERVER_FLOWS_KEY } from './serverFlowsMeta';

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

export interface PublishedFlows {
  /** The newest version of every flow that is not archived: what operators start calls with. */
  current: FlowDefinition[];
  /**
   * Every stored version (what calls ran, what the editor published), so a call restored after a reload
   * resumes on the version it began with, even one a newer build no longer carries.
   */
  all: FlowDefinition[];
  archived: Set<string>;
  /**
   * When (by this workstation's clock, ms) the next scheduled version from the server takes effect;
   * null when none is waiting. `current` changes then without any write: the watcher reloads itself.
   */
  nextSwitchAt: number | null;
}

/**
 * The published flows as they stand at `now` (this workstation's clock): a version from the server
 * counts from its effectiveAt, read by the server's clock (the workstation's corrected by the offset
 * measured when the catalogue was taken), so every workstation switches at the same moment, offline too.
 */
export async function loadPublishedFlows(db: AppDB, now: number = Date.now()): Promise<PublishedFlows> {
  return db.transaction('r', [db.flowVersions, db.flowStatus, db.callFlows, db.settings], async () => {
    const [published, ran, statuses, meta] = await Promise.all([
      db.flowVersions.toArray(),
      db.callFlows.toArray(),
      db.flowStatus.toArray(),
      db.settings.get(SERVER_FLOWS_KEY),
    ]);
    const offsetMs = restoreServerFlowsMeta(meta?.value)?.offsetMs ?? 0;
    const serverNow = now + offsetMs;
    // A row damaged since it was published is left out: the operator keeps every other flow.
    const rows = published.filter(isIntactVersion);
    const archived = new Set(statuses.filter((s) => s.archived).map((s) => s.flowId));
    const newest = new Map<string, FlowDefinition>();
    let nextSwitch: number | null = null;
    // A scheduled version is not there for anyone before its time: a new call takes the newest version
    // it finds by id, so it must not find one that is not in force yet.
    const waiting = (r: FlowVersionRow) => r.effectiveAt !== undefined && r.effectiveAt > serverNow;
    const inForce = rows.filter((r) => !waiting(r));
    for (const r of rows)
      if (r.effectiveAt !== undefined && waiting(r))
        nextSwitch = Math.min(nextSwitch ?? r.effectiveAt, r.effectiveAt);
    for (const r of inForce) {
      const seen = newest.get(r.flowId);
      if (!seen || r.version > seen.version) newest.set(r.flowId, r.flow);
    }
    return {
      current: [...newest.values()].filter((f) => !archived.has(f.id)),
      // Calls resume on the catalogue's versions, in its order (src/db/flowCatalogue.ts).
      all: storedFirst(ran, inForce),
      archived,
      nextSwitchAt: nextSwitch === null ? null : nextSwitch - offsetMs,
    };
  });
}

/** setTimeout's longest wait; a later switch is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `listener` with the published flows now, after every change (in this tab or another), and when
 * a scheduled version takes effect: the workstation's own timer, so the switch needs no network.
 */
export function watchPublishedFlows(db: AppDB, listener: (flows: PublishedFlows) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { unsubscribe(): void } | undefined;
  const watch = () => {
    subscription?.unsubscribe();
    subscription = liveQuery(() => loadPublishedFlows(db)).subscribe({
      next: (flows) => {
        clearTimeout(timer);
        if (flows.nextSwitchAt !== null)
          timer = setTimeout(watch, Math.min(MAX_TIMER_MS, Math.max(0, flows.nextSwitchAt - Date.now())));
        listener(flows);
      },
      // A failed read leaves the operator on the catalogue they had; the next change retries.
      error: () => undefined,
    });
  };
  watch();
  return () => {
    clearTimeout(timer);
    subscription?.unsubscribe();
  };
}
