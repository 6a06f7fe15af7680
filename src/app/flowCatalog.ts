// The call flows shipped with the app: every scripts-flows/*.json, checked at BUILD time with flows:check's
// rules (src/cli/viteFlowsPlugin.ts), so the operator's bundle carries ready definitions and no validator.
import { useEffect, useMemo, useState } from 'react';
import compiledFlows from 'virtual:sufler-bundled-flows';
import type { AppDB } from '../db/db';
import { watchPublishedFlows, type PublishedFlows } from '../db/flowsRepository';
import type { FlowIssue } from '../flows/issues';
import type { ClientKind, Direction, FlowDefinition } from '../flows/types';

export interface FlowCatalog {
  flows: FlowDefinition[];
  /** Every version known (bundled and published), so a call restored after a reload resumes on its own. */
  versions?: FlowDefinition[];
  /** Files that failed the check, with their issues, for a message on screen. */
  invalid: { file: string; issues: FlowIssue[] }[];
}

/**
 * The flows bundled at build time. A production build with a broken file fails, so `invalid` is only
 * ever filled in dev and tests (where the plugin reports instead of stopping).
 */
export function bundledFlows(): FlowCatalog {
  return compiledFlows;
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
  return { flows, invalid: bundledCatalog.invalid, versions: allFlowVersions(bundledCatalog, published) };
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
 * The operator's catalogue, kept up to date with what the editor publishes (in this tab or another).
 * Falls back to the bundled flows without storage.
 */
export function useFlowCatalog(db: AppDB | null): FlowCatalog {
  const [published, setPublished] = useState<PublishedFlows | null>(null);
  useEffect(() => (db ? watchPublishedFlows(db, setPublished) : undefined), [db]);
  return useMemo(() => withPublished(bundledFlows(), published), [published]);
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
