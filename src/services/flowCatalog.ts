// The call flows shipped with the app: every scripts-flows/*.json, checked at BUILD time with flows:check's
// rules (src/cli/viteFlowsPlugin.ts) and fetched at start as one JSON file (precached by the service
// worker), so the operator's first-load JavaScript carries neither the flows nor a validator.
import { useEffect, useMemo, useState } from 'react';
import flowsUrl from 'virtual:sufler-bundled-flows-url';
import { watchPublishedFlows, type AppDB, type PublishedFlows } from '../db';
import type { FlowIssue } from '../flows/issues';
import { isRunnableFlow } from '../flows/shape';
import type { ClientKind, Direction, FlowDefinition } from '../flows/types';

export interface FlowCatalog {
  flows: FlowDefinition[];
  /** Every version known (bundled and published), so a call restored after a reload resumes on its own. */
  versions?: FlowDefinition[];
  /** Files that failed the check, with their issues, for a message on screen. */
  invalid: { file: string; issues: FlowIssue[] }[];
  /** The flows shipped with the app could not be loaded: only the editor's published ones are there. */
  loadFailed?: boolean;
}

// The supervisor and the editor read the bundled flows at once, as a module (loaded lazily with them).
export { bundledFlows } from './bundledFlows';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * The fetched flows file. Its flows passed flows:check when the app was built, so only the shape is looked
 * at here (the same check as for published flows read back from storage): a damaged file (or an HTML page
 * in its place) gives null, a flow that does not fit is left out.
 */
export function restoreBundledFlows(raw: unknown): FlowCatalog | null {
  if (!isObject(raw) || !Array.isArray(raw.flows)) return null;
  const invalid = Array.isArray(raw.invalid) ? (raw.invalid as FlowCatalog['invalid']) : [];
  return { flows: raw.flows.filter(isRunnableFlow), invalid };
}

/** The flows file of this build (its name carries a content hash, so it always matches the code). */
export async function fetchBundledFlows(): Promise<unknown> {
  const response = await fetch(flowsUrl);
  if (!response.ok) throw new Error(`flows: HTTP ${response.status}`);
  return response.json();
}

/** What the operator gets when the flows file cannot be read: the published flows alone, and a message. */
const NOT_LOADED: FlowCatalog = { flows: [], invalid: [], loadFailed: true };

/** Loads and checks the bundled flows; never rejects (a failure is a catalogue marked `loadFailed`). */
export function loadBundledFlows(fetchRaw: () => Promise<unknown> = fetchBundledFlows): Promise<FlowCatalog> {
  return fetchRaw().then(
    (raw) => restoreBundledFlows(raw) ?? NOT_LOADED,
    () => NOT_LOADED,
  );
}

let loading: Promise<FlowCatalog> | null = null;

/**
 * The page's one load of the bundled flows, started by main.tsx before the first render so it runs beside
 * opening the database. A failed load is tried again by the next caller.
 */
export function bundledFlowsOnce(): Promise<FlowCatalog> {
  const current = (loading ??= loadBundledFlows());
  void current.then((c) => {
    if (c.loadFailed && loading === current) loading = null;
  });
  return current;
}

/**
 * The bundled flows with the editor's published versions laid over them: for each id the newer of the
 * two wins (a version published in the editor, or a newer file shipped with an app update); archived
 * flows are left out. A call holds the flow it started with, so this only changes the NEXT call.
 */
export function withPublished(bundledCatalog: FlowCatalog, published: PublishedFlows | null): FlowCatalog {
  if (!published) return bundledCatalog;
  const byId = new Map<string, FlowDefinition>();
  for (const f of [...bundledCatalog.flows, ...published.current]) {
    const seen = byId.get(f.id);
    // On an equal version the stored one wins: it is what the editor published under that number.
    if (!seen || f.version >= seen.version) byId.set(f.id, f);
  }
  const flows = [...byId.values()].filter((f) => !published.archived.has(f.id));
  const versions = allFlowVersions(bundledCatalog, published);
  const { invalid, loadFailed } = bundledCatalog;
  return loadFailed ? { flows, invalid, versions, loadFailed } : { flows, invalid, versions };
}

/** Every version the app knows (bundled and published), for restoring a call on the version it began. */
export function allFlowVersions(
  bundledCatalog: FlowCatalog,
  published: PublishedFlows | null,
): FlowDefinition[] {
  const stored = published?.all ?? [];
  const have = new Set(stored.map((f) => `${f.id}@${f.version}`));
  return [...stored, ...bundledCatalog.flows.filter((f) => !have.has(`${f.id}@${f.version}`))];
}

/**
 * The operator's catalogue, kept up to date with what the editor publishes (in this tab or another);
 * null until the bundled flows are loaded. Falls back to the bundled flows without storage.
 */
export function useFlowCatalog(
  db: AppDB | null,
  load: () => Promise<FlowCatalog> = bundledFlowsOnce,
): FlowCatalog | null {
  const [bundled, setBundled] = useState<FlowCatalog | null>(null);
  const [published, setPublished] = useState<PublishedFlows | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((catalog) => live && setBundled(catalog));
    return () => {
      live = false;
    };
  }, [load]);
  useEffect(() => (db ? watchPublishedFlows(db, setPublished) : undefined), [db]);
  return useMemo(() => bundled && withPublished(bundled, published), [bundled, published]);
}

/**
 * The flow most likely wanted for a call: same direction and client kind, else same direction. Among
 * those, the broadest (serving the most topics) wins: before the caller speaks, the general script fits
 * best, and the operator can still pick a narrower one.
 */
export function likelyFlow(
  flows: readonly FlowDefinition[],
  direction: Direction,
  client: ClientKind,
): FlowDefinition | null {
  const broadest = (list: FlowDefinition[]) =>
    list.reduce<FlowDefinition | null>(
      (best, f) => (!best || f.topics.length > best.topics.length ? f : best),
      null,
    );
  const sameDirection = flows.filter((f) => f.direction === direction);
  return broadest(sameDirection.filter((f) => f.client === client)) ?? broadest(sameDirection);
}
