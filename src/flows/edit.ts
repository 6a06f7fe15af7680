// The editor's model of a flow draft: immutable operations that keep step references consistent, and
// live validation through the same restore → validate path as flows:check, with issues located by step.

import { hasErrors, type FlowIssue } from './issues';
import { restoreFlow } from './restore';
import { MAX_TRANSFERS } from './schema';
import { fieldIdOf, FIELDS_PREFIX } from './templates';
import type {
  CaptureField,
  FlowDefinition,
  FlowLimits,
  KbLinks,
  QuickPhrase,
  Stage,
  Step,
  StepOption,
} from './types';
import { validateFlow, type ValidateOptions } from './validate';

export type FlowMeta = Pick<
  FlowDefinition,
  'title' | 'description' | 'direction' | 'client' | 'topics' | 'start'
>;
/** Everything of a step but its id, which only renameStep changes (it must update references). */
export type StepPatch = Partial<Omit<Step, 'id'>>;

function mapStep(flow: FlowDefinition, stepId: string, change: (s: Step) => Step): FlowDefinition {
  if (!flow.steps.some((s) => s.id === stepId)) return flow;
  return { ...flow, steps: flow.steps.map((s) => (s.id === stepId ? change(s) : s)) };
}

function replaceAt<T>(list: readonly T[], index: number, change: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? change(item) : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The list with a new item at the end, under the first id of `base`'s shape the list does not hold. */
function appendNew<T extends { id: string }>(list: readonly T[], base: string, make: (id: string) => T): T[] {
  const taken = list.map((x) => x.id);
  return [...list, make(freeId(taken, base))];
}

/** "step-2", "step-3"… the first id of that shape not taken yet. */
export function freeId(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function emptyStep(id: string, stage: Stage): Step {
  return {
    id,
    stage,
    say: '',
    hints: [],
    questions: [],
    options: [],
    capture: [],
    kb: { topics: [], articles: [] },
    outcomes: [],
  };
}

export function updateMeta(flow: FlowDefinition, patch: Partial<FlowMeta>): FlowDefinition {
  return { ...flow, ...patch };
}

/** Adds an empty step after `after` (or at the end); the id is made unique if taken. */
export function addStep(flow: FlowDefinition, id: string, stage: Stage, after?: string): FlowDefinition {
  const step = emptyStep(
    freeId(
      flow.steps.map((s) => s.id),
      id,
    ),
    stage,
  );
  const at = after === undefined ? -1 : flow.steps.findIndex((s) => s.id === after);
  const steps = [...flow.steps];
  steps.splice(at < 0 ? steps.length : at + 1, 0, step);
  return { ...flow, steps };
}

/**
 * Removes a step and the options that led to it (they would point nowhere). A removed start step
 * leaves `start` as it was, so the validator asks the editor to choose a new one.
 */
export function removeStep(flow: FlowDefinition, stepId: string): FlowDefinition {
  return {
    ...flow,
    steps: flow.steps
      .filter((s) => s.id !== stepId)
      .map((s) =>
        s.options.some((o) => o.next === stepId)
          ? { ...s, options: s.options.filter((o) => o.next !== stepId) }
          : s,
      ),
  };
}

/** Renames a step and every reference to it (the start and option targets). Refuses a taken id. */
export function renameStep(flow: FlowDefinition, from: string, to: string): FlowDefinition {
  if (from === to || flow.steps.some((s) => s.id === to) || !flow.steps.some((s) => s.id === from)) {
    return flow;
  }
  return {
    ...flow,
    start: flow.start === from ? to : flow.start,
    steps: flow.steps.map((s) => ({
      ...s,
      id: s.id === from ? to : s.id,
      options: s.options.some((o) => o.next === from)
        ? s.options.map((o) => (o.next === from ? { ...o, next: to } : o))
        : s.options,
    })),
  };
}

export function moveStepToStage(flow: FlowDefinition, stepId: string, stage: Stage): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({ ...s, stage }));
}

export function updateStep(flow: FlowDefinition, stepId: string, patch: StepPatch): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({ ...s, ...patch }));
}

/** A list of texts (hints, questions) edited as one block, one entry per non-blank line. */
export function linesOf(block: string): string[] {
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function addOption(flow: FlowDefinition, stepId: string, next: string): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({
    ...s,
    options: appendNew(s.options, 'option', (id) => ({ id, label: '', next })),
  }));
}

/** The lists of a step whose items the editor patches, by the type of their items. */
type StepItems = { options: StepOption; capture: CaptureField };
type StepLists = { [K in keyof StepItems]: readonly StepItems[K][] };

/**
 * Patches the item at `index` of one of a step's lists. Optional settings a form cleared (undefined or
 * empty) are dropped, not kept: the file format omits them.
 */
function itemUpdater<K extends keyof StepItems>(list: K, optional: readonly (keyof StepItems[K])[]) {
  return (flow: FlowDefinition, stepId: string, index: number, patch: Partial<StepItems[K]>) =>
    mapStep(flow, stepId, (s) => {
      const lists: StepLists = s;
      return {
        ...s,
        [list]: replaceAt(lists[list], index, (item) => {
          const merged = { ...item, ...patch };
          for (const key of optional) if (merged[key] === undefined || merged[key] === '') delete merged[key];
          return merged;
        }),
      };
    });
}

export const updateOption = itemUpdater('options', ['outcome']);

export function removeOption(flow: FlowDefinition, stepId: string, index: number): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({ ...s, options: removeAt(s.options, index) }));
}

export function addField(flow: FlowDefinition, stepId: string): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({
    ...s,
    capture: appendNew(s.capture, 'field', (id) => ({ id, label: '', kind: 'text', required: false })),
  }));
}

export const updateField = itemUpdater('capture', ['pattern', 'patternHint', 'placeholder', 'maxLength']);

export type RenameFieldResult =
  { ok: true; flow: FlowDefinition } | { ok: false; reason: 'invalid' | 'taken' | 'missing' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every string of a step that may hold a {{template}}, rewritten by `change`. */
function mapStepTexts(step: Step, change: (text: string) => string): Step {
  return {
    ...step,
    say: change(step.say),
    hints: step.hints.map(change),
    questions: step.questions.map(change),
    options: step.options.map((o) => ({ ...o, label: change(o.label) })),
    capture: step.capture.map((f) => {
      const out: CaptureField = { ...f, label: change(f.label) };
      if (f.patternHint !== undefined) out.patternHint = change(f.patternHint);
      if (f.placeholder !== undefined) out.placeholder = change(f.placeholder);
      return out;
    }),
  };
}

/**
 * Renames a captured field and every use of it, as one edit: the field wherever a step captures it
 * (one id is one value of the call, however many steps ask for it) and each {{fields.<id>}} in lines,
 * hints, leading questions, option labels, field texts and quick phrases. Options name steps and
 * outcomes, never fields, so they keep their targets. Refuses an id of the wrong shape or one taken.
 */
export function renameField(flow: FlowDefinition, from: string, to: string): RenameFieldResult {
  const captures = (id: string) => flow.steps.some((s) => s.capture.some((f) => f.id === id));
  if (!captures(from)) return { ok: false, reason: 'missing' };
  if (from === to) return { ok: true, flow };
  if (fieldIdOf(`${FIELDS_PREFIX}${to}`) === null) return { ok: false, reason: 'invalid' };
  if (captures(to)) return { ok: false, reason: 'taken' };
  // Spacing inside the braces is kept, so a line reads as the editor wrote it.
  const use = new RegExp(`\\{\\{(\\s*)${escapeRegExp(FIELDS_PREFIX + from)}(\\s*)\\}\\}`, 'g');
  const change = (text: string) => text.replace(use, `{{$1${FIELDS_PREFIX}${to}$2}}`);
  return {
    ok: true,
    flow: {
      ...flow,
      steps: flow.steps.map((s) => {
        const renamed = mapStepTexts(s, change);
        return { ...renamed, capture: renamed.capture.map((f) => (f.id === from ? { ...f, id: to } : f)) };
      }),
      phrases: flow.phrases.map((p) => ({ ...p, text: change(p.text) })),
    },
  };
}

export function removeField(flow: FlowDefinition, stepId: string, index: number): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({ ...s, capture: removeAt(s.capture, index) }));
}

export function setKbLinks(flow: FlowDefinition, stepId: string, kb: KbLinks): FlowDefinition {
  return mapStep(flow, stepId, (s) => ({ ...s, kb: { topics: [...kb.topics], articles: [...kb.articles] } }));
}

export function addPhrase(flow: FlowDefinition): FlowDefinition {
  return { ...flow, phrases: appendNew(flow.phrases, 'phrase', (id) => ({ id, text: '' })) };
}

export function updatePhrase(
  flow: FlowDefinition,
  index: number,
  patch: Partial<QuickPhrase>,
): FlowDefinition {
  return { ...flow, phrases: replaceAt(flow.phrases, index, (p) => ({ ...p, ...patch })) };
}

export function removePhrase(flow: FlowDefinition, index: number): FlowDefinition {
  return { ...flow, phrases: removeAt(flow.phrases, index) };
}

/** The transfer limit is clamped to 0…2 here, so no form can ever produce more (STANDARD §4). */
export function setLimits(flow: FlowDefinition, patch: Partial<FlowLimits>): FlowDefinition {
  const limits = { ...flow.limits, ...patch };
  const transfers = Number.isFinite(limits.maxTransfers) ? Math.trunc(limits.maxTransfers) : MAX_TRANSFERS;
  limits.maxTransfers = Math.min(MAX_TRANSFERS, Math.max(0, transfers));
  return { ...flow, limits };
}

/** Where an issue belongs in the editor: a step's field, or a field of the flow itself. */
export type IssueLocation =
  { kind: 'step'; stepId: string; stepIndex: number; field: string } | { kind: 'flow'; field: string };

const STEP_PATH = /^steps\[(\d+)\](?:\.(.*))?$/;

export function locateIssue(flow: FlowDefinition, issue: FlowIssue): IssueLocation {
  const m = STEP_PATH.exec(issue.path);
  const index = m ? Number(m[1]) : -1;
  const step = flow.steps[index];
  if (!m || !step) return { kind: 'flow', field: issue.path };
  return { kind: 'step', stepId: step.id, stepIndex: index, field: m[2] ?? '' };
}

export interface DraftCheck {
  issues: FlowIssue[];
  /** True when the draft could be published (warnings allowed). */
  publishable: boolean;
}

/** The check flows:check runs, on the editor's draft: shape first, then meaning. */
export function checkDraft(draft: FlowDefinition, options: ValidateOptions = {}): DraftCheck {
  const restored = restoreFlow(draft);
  const issues = restored.ok ? validateFlow(restored.flow, options) : restored.issues;
  return { issues, publishable: !hasErrors(issues) };
}

/** Issues of one step, keyed by the field path within the step ("say", "options[0].next", "" = the step). */
export function stepIssues(
  flow: FlowDefinition,
  issues: readonly FlowIssue[],
  stepId: string,
): Map<string, FlowIssue[]> {
  const out = new Map<string, FlowIssue[]>();
  for (const issue of issues) {
    const loc = locateIssue(flow, issue);
    if (loc.kind !== 'step' || loc.stepId !== stepId) continue;
    out.set(loc.field, [...(out.get(loc.field) ?? []), issue]);
  }
  return out;
}

/** The text of a version as a file ready to commit to scripts-flows/ (named `<id>.json`). */
export function flowFileText(flow: FlowDefinition): string {
  return `${JSON.stringify({ $schema: './flow.schema.json', ...flow }, null, 2)}\n`;
}
