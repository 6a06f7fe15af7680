// Differences between two versions of a flow, step by step, for the editor's version comparison:
// steps matched by id, each changed step with the names of the fields that differ.

import { flowSchema } from './schema';
import type { FlowDefinition, Step } from './types';

/** The keys of an object schema but the named ones, in the schema's order. */
function keysBut<K extends string, X extends K>(
  shape: Record<K, unknown>,
  but: readonly X[],
): Exclude<K, X>[] {
  const dropped = new Set<K>(but);
  // Object.keys of a zod shape are its keys; the compiler only knows them as strings.
  return (Object.keys(shape) as K[]).filter((k): k is Exclude<K, X> => !dropped.has(k));
}

// The fields compared are the schema's: a field added to the format is compared without a second list.
export const STEP_FIELDS = keysBut(flowSchema.shape.steps.element.shape, ['id']);
export type StepField = (typeof STEP_FIELDS)[number];

export const FLOW_FIELDS = keysBut(flowSchema.shape, ['id', 'version', 'steps']);
export type FlowField = (typeof FLOW_FIELDS)[number];

export type StepChange =
  | { kind: 'added'; id: string; after: Step }
  | { kind: 'removed'; id: string; before: Step }
  | { kind: 'changed'; id: string; fields: StepField[]; before: Step; after: Step };

export interface FlowDiff {
  /** Flow-level fields that differ. */
  flow: FlowField[];
  /** In the order of the newer version, removed steps where they stood in the older one. */
  steps: StepChange[];
}

/** Structural equality over JSON data (what flows are made of); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined); // both are objects
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function diffFlows(before: FlowDefinition, after: FlowDefinition): FlowDiff {
  const flow = FLOW_FIELDS.filter((f) => !sameValue(before[f], after[f]));
  const old = new Map(before.steps.map((s) => [s.id, s]));
  const kept = new Set(after.steps.map((s) => s.id));
  const steps: StepChange[] = [];
  // Removed steps are placed before the first surviving step that followed them in the older version.
  const removedBefore = new Map<string, Step[]>();
  let pending: Step[] = [];
  for (const s of before.steps) {
    if (!kept.has(s.id)) pending.push(s);
    else if (pending.length > 0) {
      removedBefore.set(s.id, pending);
      pending = [];
    }
  }
  for (const s of after.steps) {
    for (const r of removedBefore.get(s.id) ?? []) steps.push({ kind: 'removed', id: r.id, before: r });
    const prev = old.get(s.id);
    if (!prev) {
      steps.push({ kind: 'added', id: s.id, after: s });
      continue;
    }
    const fields = STEP_FIELDS.filter((f) => !sameValue(prev[f], s[f]));
    if (fields.length > 0) steps.push({ kind: 'changed', id: s.id, fields, before: prev, after: s });
  }
  for (const r of pending) steps.push({ kind: 'removed', id: r.id, before: r });
  return { flow, steps };
}

export function isEmptyDiff(diff: FlowDiff): boolean {
  return diff.flow.length === 0 && diff.steps.length === 0;
}
