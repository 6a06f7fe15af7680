// A cheap check that a value read back from storage still has the shape of a FlowDefinition, for the
// operator's side, which carries no schema validator (zod stays in the editor and the build). Every flow
// was fully checked when it was published; this only catches a row damaged since (a disk fault, a tool
// writing into the database), so that one bad row is skipped instead of breaking the call screen.
import { FIELD_KINDS, OUTCOMES, STEP_CHECKS, type FlowDefinition } from './types';

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const list =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const record =
  (fields: Record<string, Check>): Check =>
  (v) =>
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.entries(fields).every(([k, check]) => check((v as Record<string, unknown>)[k]));

const captureField = record({
  id: str,
  label: str,
  kind: oneOf(FIELD_KINDS),
  required: bool,
  pattern: optional(str),
  patternHint: optional(str),
  maxLength: optional(num),
  placeholder: optional(str),
});

const step = record({
  id: str,
  stage: str,
  say: str,
  hints: list(str),
  questions: list(str),
  options: list(record({ id: str, label: str, next: str, outcome: optional(oneOf(OUTCOMES)) })),
  capture: list(captureField),
  kb: record({ topics: list(str), articles: list(str) }),
  outcomes: list(oneOf(OUTCOMES)),
  checks: optional(list(oneOf(STEP_CHECKS))),
});

const flow = record({
  id: str,
  version: num,
  title: str,
  description: str,
  direction: oneOf(['inbound', 'outbound']),
  client: oneOf(['external', 'internal']),
  topics: list(str),
  start: str,
  steps: list(step),
  phrases: list(record({ id: str, text: str })),
  limits: record({
    maxTransfers: num,
    holdPresetsMinutes: list(num),
    holdMinMinutes: num,
    holdMaxMinutes: num,
    holdWarningSeconds: num,
  }),
});

/** True when `value` has every field a call reads, with its type, and its start and targets exist. */
export function isRunnableFlow(value: unknown): value is FlowDefinition {
  if (!flow(value)) return false;
  const f = value as FlowDefinition;
  const ids = new Set(f.steps.map((s) => s.id));
  return ids.has(f.start) && f.steps.every((s) => s.options.every((o) => ids.has(o.next)));
}
