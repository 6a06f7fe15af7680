// Semantic checks of a restored flow: what the schema cannot see (links between steps, stages of the
// direction, template variables, the standard's limits). One implementation for the app, editor and CLI.

import { TOPICS } from '../kb/topics.ts';
import type { FlowIssue, IssueCode, IssueParams } from './issues';
import { HOLD_CEILING_MINUTES, HOLD_FLOOR_MINUTES, MAX_TRANSFERS } from './schema.ts';
import { fieldIdOf, isKnownVariable, malformedPlaceholders, templateVariables } from './templates.ts';
import {
  DIRECTION_STAGES,
  OUTCOMES,
  type Direction,
  type FlowDefinition,
  type Stage,
  type Step,
} from './types.ts';

/**
 * Stages a flow must have. Missing one of these is an error; missing one of the others is a warning.
 * Inbound: greeting, identification (address the caller by name — 001 §3.1.3), needs discovery,
 * showing understanding (rephrasing: step 4 of the scenario, 001 §3.5.5), resolution and farewell are
 * distinct acts of the standard's scenario; every way to a resolution passes the understanding stage.
 * Outbound: greeting, purpose, status on the client journey and farewell are the call; "questions"
 * may be asked within the status step, so it only warns.
 */
export const REQUIRED_STAGES: Record<Direction, readonly Stage[]> = {
  inbound: ['greeting', 'identification', 'needs', 'understanding', 'resolution', 'farewell'],
  outbound: ['greeting', 'purpose', 'status', 'farewell'],
};

export interface ValidateOptions {
  /** Article ids known to the knowledge base; when given, links to other articles are reported. */
  knownArticles?: ReadonlySet<string>;
}

const KNOWN_TOPICS: ReadonlySet<string> = new Set(TOPICS);

type Emit = (code: IssueCode, path: string, params?: IssueParams, severity?: FlowIssue['severity']) => void;

/** Reports each item of the list at `path` whose id an earlier item already has, at `<path>[i].id`. */
function checkDuplicateIds(
  items: readonly { id: string }[],
  path: string,
  code: IssueCode,
  emit: Emit,
): void {
  const seen = new Set<string>();
  items.forEach(({ id }, i) => {
    if (seen.has(id)) emit(code, `${path}[${i}].id`, { id });
    seen.add(id);
  });
}

/** Ids reachable from `from` by following options. */
function reachable(from: string, byId: ReadonlyMap<string, Step>): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    for (const o of step.options) queue.push(o.next);
  }
  return seen;
}

/** Steps from which some farewell step can be reached (backwards search from every farewell). */
function canReachFarewell(steps: readonly Step[], byId: ReadonlyMap<string, Step>): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const s of steps)
    for (const o of s.options) incoming.set(o.next, [...(incoming.get(o.next) ?? []), s.id]);
  const ok = new Set<string>();
  const queue = steps.filter((s) => s.stage === 'farewell').map((s) => s.id);
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (ok.has(id) || !byId.has(id)) continue;
    ok.add(id);
    queue.push(...(incoming.get(id) ?? []));
  }
  return ok;
}

function checkStructure(flow: FlowDefinition, emit: Emit): void {
  const byId = new Map<string, Step>();
  checkDuplicateIds(flow.steps, 'steps', 'duplicate.stepId', emit);
  for (const s of flow.steps) if (!byId.has(s.id)) byId.set(s.id, s);

  const start = byId.get(flow.start);
  if (!start) emit('flow.missingStart', 'start', { target: flow.start });
  else if (start.stage !== 'greeting')
    emit('flow.startNotGreeting', 'start', { target: flow.start, stage: start.stage });

  flow.steps.forEach((s, i) => {
    checkDuplicateIds(s.options, `steps[${i}].options`, 'duplicate.optionId', emit);
    s.options.forEach((o, j) => {
      if (!byId.has(o.next)) emit('step.missingTarget', `steps[${i}].options[${j}].next`, { target: o.next });
    });
  });

  // Reachability only makes sense from an existing start, and only once per duplicated id.
  const fromStart = start ? reachable(start.id, byId) : null;
  const toFarewell = canReachFarewell(flow.steps, byId);
  const reported = new Set<string>();
  flow.steps.forEach((s, i) => {
    if (reported.has(s.id)) return;
    reported.add(s.id);
    // Farewell steps are also entered by outcome (the engine picks the farewell for the call's outcome),
    // so one not linked by any option is still reachable.
    if (fromStart && !fromStart.has(s.id) && s.stage !== 'farewell') {
      emit('step.unreachable', `steps[${i}]`, { step: s.id });
    } else if (toFarewell.size > 0 && !toFarewell.has(s.id)) {
      // With no farewell at all, the missing stage is the one problem to report, not every step.
      emit('step.noFarewell', `steps[${i}]`, { step: s.id });
    }
  });
}

function checkStages(flow: FlowDefinition, emit: Emit): void {
  const allowed = DIRECTION_STAGES[flow.direction];
  const present = new Set(flow.steps.map((s) => s.stage));
  flow.steps.forEach((s, i) => {
    if (!allowed.includes(s.stage)) {
      emit('step.stageWrongDirection', `steps[${i}].stage`, { stage: s.stage, direction: flow.direction });
    }
    // The call ends at a farewell: options there would never be offered.
    if (s.stage === 'farewell' && s.options.length > 0) {
      emit('step.farewellHasOptions', `steps[${i}].options`, { step: s.id }, 'warning');
    }
    if (s.stage !== 'farewell' && s.outcomes.length > 0) {
      emit('step.outcomesOutsideFarewell', `steps[${i}].outcomes`, { step: s.id }, 'warning');
    }
  });
  for (const stage of allowed) {
    if (present.has(stage)) continue;
    const required = REQUIRED_STAGES[flow.direction].includes(stage);
    emit(
      required ? 'flow.stageMissing' : 'flow.stageRecommended',
      'steps',
      { stage, direction: flow.direction },
      required ? 'error' : 'warning',
    );
  }
  const farewells = flow.steps.filter((s) => s.stage === 'farewell');
  const catchAll = farewells.some((s) => s.outcomes.length === 0);
  if (!catchAll && farewells.length > 0) {
    for (const outcome of OUTCOMES) {
      if (!farewells.some((s) => s.outcomes.includes(outcome)))
        emit('outcome.noFarewell', 'steps', { outcome });
    }
  }
}

/**
 * The options by which a walk from the start reaches a step `into` without passing a step that `keeps`
 * (the walk stops at such a step and at the steps it leads into): where a flow lets a call skip an act.
 */
function skippingOptions(
  flow: FlowDefinition,
  keeps: (s: Step) => boolean,
  into: (s: Step) => boolean,
): { step: number; option: number }[] {
  const index = new Map<string, number>();
  flow.steps.forEach((s, i) => {
    if (!index.has(s.id)) index.set(s.id, i);
  });
  const found: { step: number; option: number }[] = [];
  const seen = new Set<string>();
  const queue = [flow.start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const i = index.get(id);
    const step = i === undefined ? undefined : flow.steps[i];
    if (i === undefined || !step || seen.has(id)) continue;
    seen.add(id);
    if (keeps(step)) continue;
    step.options.forEach((o, j) => {
      const k = index.get(o.next);
      const target = k === undefined ? undefined : flow.steps[k];
      if (target && into(target)) found.push({ step: i, option: j });
      else queue.push(o.next);
    });
  }
  return found;
}

/**
 * Inbound: no way from the start to a resolution step that skips the understanding stage. Reported at
 * each option that leads into a resolution before the caller's question was rephrased; a flow without
 * any understanding step is told once, as the missing stage.
 */
function checkUnderstanding(flow: FlowDefinition, emit: Emit): void {
  if (flow.direction !== 'inbound' || !flow.steps.some((s) => s.stage === 'understanding')) return;
  const understands = (s: Step) => s.stage === 'understanding' || s.stage === 'resolution';
  for (const { step, option } of skippingOptions(flow, understands, (s) => s.stage === 'resolution')) {
    const s = flow.steps[step];
    const target = s?.options[option]?.next ?? '';
    emit('step.skipsUnderstanding', `steps[${step}].options[${option}].next`, { step: s?.id ?? '', target });
  }
}

/**
 * Inbound: before the farewell the client is asked whether questions remain, and thanked (002 §17). The
 * engine checks a call by the step marked `askedForMore`, so every way from the start into a farewell
 * passes such a step. Reported at each option that leads into a farewell before it was asked.
 */
function checkAskedForMore(flow: FlowDefinition, emit: Emit): void {
  if (flow.direction !== 'inbound') return;
  const asks = (s: Step) => s.checks?.includes('askedForMore') === true;
  for (const { step, option } of skippingOptions(flow, asks, (s) => s.stage === 'farewell')) {
    const s = flow.steps[step];
    const target = s?.options[option]?.next ?? '';
    emit('step.farewellWithoutAskingForMore', `steps[${step}].options[${option}].next`, {
      step: s?.id ?? '',
      target,
    });
  }
}

/** Operator variables that name the person; a position or department alone names no one. */
const OPERATOR_NAMES = ['operator.fullName', 'operator.surname', 'operator.firstName'];
const ORGANISATION_NAMES = ['organisation.fullName', 'organisation.shortName'];

/**
 * The greeting names the operator and the organisation (STANDARD §2.1, §3.1; on reference lines also
 * position and department). A line without {{greeting}} gets the engine's own opening, which names both
 * (src/calls/lines.ts); a line that greets by itself must name them. An internal client calls within the
 * ministry, so the operator's department names the place.
 */
function checkGreetings(flow: FlowDefinition, emit: Emit): void {
  const places =
    flow.client === 'internal' ? [...ORGANISATION_NAMES, 'operator.department'] : ORGANISATION_NAMES;
  flow.steps.forEach((s, i) => {
    if (s.stage !== 'greeting') return;
    const used = new Set(templateVariables(s.say));
    if (!used.has('greeting')) return;
    if (!OPERATOR_NAMES.some((v) => used.has(v)))
      emit('greeting.noOperator', `steps[${i}].say`, { step: s.id });
    if (!places.some((v) => used.has(v)))
      emit('greeting.noOrganisation', `steps[${i}].say`, { step: s.id, client: flow.client });
  });
}

function checkFields(flow: FlowDefinition, emit: Emit): Set<string> {
  const kinds = new Map<string, string>();
  flow.steps.forEach((s, i) => {
    checkDuplicateIds(s.capture, `steps[${i}].capture`, 'duplicate.fieldId', emit);
    s.capture.forEach((f, j) => {
      const path = `steps[${i}].capture[${j}]`;
      const earlier = kinds.get(f.id);
      if (earlier !== undefined && earlier !== f.kind) {
        emit('field.kindConflict', `${path}.kind`, { id: f.id, kind: f.kind, earlier });
      }
      if (earlier === undefined) kinds.set(f.id, f.kind);
      if (f.pattern !== undefined) {
        try {
          new RegExp(f.pattern, 'u');
        } catch {
          emit('field.badPattern', `${path}.pattern`, { pattern: f.pattern });
        }
      }
    });
  });
  return new Set(kinds.keys());
}

/** caller.* variables filled only from a captured field: a line using one waits until that field is filled. */
export const CALLER_FIELDS: Readonly<Record<string, string>> = {
  'caller.name': 'callerName',
  'caller.appealNumber': 'appealNumber',
  'caller.need': 'need',
};

interface TextContext {
  captured: ReadonlySet<string>;
  /** Inbound calls learn everything during the call; an outbound call may know the caller from its task. */
  direction: Direction;
  emit: Emit;
}

function checkTemplate(text: string, path: string, ctx: TextContext): void {
  const { captured, emit } = ctx;
  for (const fragment of malformedPlaceholders(text)) emit('template.malformed', path, { fragment });
  for (const variable of templateVariables(text)) {
    if (variable === '') continue; // reported as malformed
    if (!isKnownVariable(variable)) {
      emit('template.unknownVariable', path, { variable });
      continue;
    }
    const custom = fieldIdOf(variable);
    const field = custom ?? CALLER_FIELDS[variable];
    if (field === undefined || captured.has(field)) continue;
    if (custom !== null) emit('template.fieldNotCaptured', path, { variable, field });
    else {
      const severity = ctx.direction === 'inbound' ? 'error' : 'warning';
      emit('template.callerNotCaptured', path, { variable, field }, severity);
    }
  }
}

function checkTexts(flow: FlowDefinition, captured: ReadonlySet<string>, emit: Emit): void {
  const ctx: TextContext = { captured, direction: flow.direction, emit };
  flow.steps.forEach((s, i) => {
    checkTemplate(s.say, `steps[${i}].say`, ctx);
    s.hints.forEach((h, k) => checkTemplate(h, `steps[${i}].hints[${k}]`, ctx));
    s.questions.forEach((q, k) => checkTemplate(q, `steps[${i}].questions[${k}]`, ctx));
  });
  checkDuplicateIds(flow.phrases, 'phrases', 'duplicate.phraseId', emit);
  flow.phrases.forEach((p, k) => checkTemplate(p.text, `phrases[${k}].text`, ctx));
}

function checkLimits(flow: FlowDefinition, emit: Emit): void {
  const l = flow.limits;
  const range = { min: HOLD_FLOOR_MINUTES, max: HOLD_CEILING_MINUTES };
  if (l.maxTransfers > MAX_TRANSFERS)
    emit('limits.tooManyTransfers', 'limits.maxTransfers', { value: l.maxTransfers, max: MAX_TRANSFERS });
  const minOk = l.holdMinMinutes >= range.min && l.holdMinMinutes <= range.max;
  const maxOk = l.holdMaxMinutes >= range.min && l.holdMaxMinutes <= range.max;
  if (!minOk)
    emit('limits.holdMinOutOfRange', 'limits.holdMinMinutes', { value: l.holdMinMinutes, ...range });
  if (!maxOk)
    emit('limits.holdMaxOutOfRange', 'limits.holdMaxMinutes', { value: l.holdMaxMinutes, ...range });
  if (minOk && maxOk && l.holdMinMinutes > l.holdMaxMinutes) {
    emit('limits.holdMinAboveMax', 'limits.holdMinMinutes', { min: l.holdMinMinutes, max: l.holdMaxMinutes });
  }
  // Presets must fit the flow's own range, which itself lies within the sane range.
  const low = minOk ? l.holdMinMinutes : range.min;
  const high = maxOk ? l.holdMaxMinutes : range.max;
  l.holdPresetsMinutes.forEach((m, k) => {
    if (m < low || m > high)
      emit('limits.holdPresetOutOfRange', `limits.holdPresetsMinutes[${k}]`, {
        value: m,
        min: low,
        max: high,
      });
  });
  if (l.holdWarningSeconds >= low * 60) {
    emit('limits.holdWarningTooLong', 'limits.holdWarningSeconds', {
      value: l.holdWarningSeconds,
      max: low * 60 - 1,
    });
  }
}

function checkKnowledge(flow: FlowDefinition, options: ValidateOptions, emit: Emit): void {
  flow.topics.forEach((t, k) => {
    if (!KNOWN_TOPICS.has(t)) emit('kb.unknownTopic', `topics[${k}]`, { topic: t });
  });
  flow.steps.forEach((s, i) => {
    s.kb.topics.forEach((t, k) => {
      if (!KNOWN_TOPICS.has(t)) emit('kb.unknownTopic', `steps[${i}].kb.topics[${k}]`, { topic: t });
    });
    const known = options.knownArticles;
    if (known) {
      s.kb.articles.forEach((a, k) => {
        if (!known.has(a)) emit('kb.unknownArticle', `steps[${i}].kb.articles[${k}]`, { article: a });
      });
    }
  });
}

/** Every semantic problem of a restored flow, errors and warnings, in file order per check. */
export function validateFlow(flow: FlowDefinition, options: ValidateOptions = {}): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const emit: Emit = (code, path, params = {}, severity = 'error') => {
    issues.push({ code, path, params, severity });
  };
  checkStructure(flow, emit);
  checkStages(flow, emit);
  checkUnderstanding(flow, emit);
  checkAskedForMore(flow, emit);
  checkGreetings(flow, emit);
  const captured = checkFields(flow, emit);
  checkTexts(flow, captured, emit);
  checkLimits(flow, emit);
  checkKnowledge(flow, options, emit);
  return issues;
}
