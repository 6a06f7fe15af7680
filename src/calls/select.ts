// What the operator's screen shows, asked of the call snapshot: the line to say, the stage strip, the
// actions available now, hold time left, the transfer counter. The UI selects these; it never re-derives.

import { formatDate, formatDeadline } from '../flows/dates';
import { spokenMinutes } from '../flows/plural';
import { renderLine } from '../flows/templates';
import { DIRECTION_STAGES } from '../flows/types';
import type { FlowDefinition, RenderedLine, Stage, Step, TemplateVars } from '../flows/types';
import type { CallContext } from './context';
import type { CallEvent } from './events';
import {
  engineFarewell,
  OUTCOME_STATEMENTS,
  GREETING_INTRO,
  HANDOVER,
  HOLD_EXPIRED,
  HOLD_EXPIRED_CHOICES,
  HOLD_PROMISE,
  HOLD_RETURN,
  TRANSFER_REFUSED_CHOICES,
} from './lines';
import { formatRuPhone } from '../flows/phone';
import { operatorFullName } from './organisation';
import { checkHoldMinutes, currentHold, hasExtendedHold, maxTransfers, transfersUsed } from './rules';

/** The parts of a machine snapshot the selectors read: keeps them usable on restored JSON, too. */
export interface CallView {
  context: CallContext;
  hasTag(tag: string): boolean;
  /** The machine's own answer: would this event be taken now (its guards, not a copy of them)? */
  can(event: CallEvent): boolean;
  status: string;
}

export function currentStep(flow: FlowDefinition, s: CallView): Step | null {
  return flow.steps.find((step) => step.id === s.context.stepId) ?? null;
}

export type Phase =
  'talking' | 'onHold' | 'holdWarning' | 'holdExpired' | 'transferring' | 'farewell' | 'ended';

export function phase(s: CallView): Phase {
  if (s.hasTag('ended') || s.status === 'done') return 'ended';
  if (s.hasTag('holdExpired')) return 'holdExpired';
  if (s.hasTag('holdWarning')) return 'holdWarning';
  if (s.hasTag('onHold')) return 'onHold';
  if (s.hasTag('transferring')) return 'transferring';
  if (s.hasTag('farewell')) return 'farewell';
  return 'talking';
}

/** Every variable a line may use, filled from the call; what is unknown stays empty (and shows as missing). */
export function templateVars(ctx: CallContext, now: number): TemplateVars {
  const tz = ctx.organisation.timeZone;
  const org = ctx.organisation;
  const op = ctx.operator;
  const hold = ctx.holds.at(-1);
  const transfer = ctx.transfers.at(-1);
  const rawPhone = ctx.fields.callerPhone ?? ctx.callerPhone;
  const phone = rawPhone ? formatRuPhone(rawPhone) : undefined;
  const details = { ...ctx.outcomeDraft, ...ctx.outcome };
  const vars: TemplateVars = {
    greeting: ctx.greeting,
    operator: { ...op, fullName: operatorFullName(op) },
    organisation: {
      fullName: org.fullName,
      shortName: org.shortName,
      phone: org.phone,
      website: org.website,
      email: org.email,
      address: org.address,
    },
    caller: {
      name: ctx.fields.callerName,
      phone,
      appealNumber: ctx.fields.appealNumber,
      need: ctx.fields.need,
    },
    hold: { duration: hold ? spokenMinutes(hold.promisedMinutes) : undefined },
    callback: {
      deadline: ctx.callback ? formatDeadline(ctx.callback.deadline, now, tz) : undefined,
      phone: ctx.callback ? formatRuPhone(ctx.callback.phone) : phone,
      question: ctx.callback?.question ?? ctx.fields.need,
    },
    transfer: { target: transfer?.targetName, count: String(ctx.transfersBefore + ctx.transfers.length) },
    outcome: {
      date: details.date === undefined ? undefined : formatDate(details.date, now, tz),
      reason: details.reason,
      wayForward: details.wayForward,
      body: details.body,
    },
    fields: { ...ctx.fields },
  };
  return vars;
}

/** The template of the line to say now, before filling. */
export function lineTemplate(flow: FlowDefinition, s: CallView): string | null {
  const step = currentStep(flow, s);
  switch (phase(s)) {
    case 'ended':
      return null;
    case 'onHold':
    case 'holdWarning':
      return HOLD_RETURN;
    case 'holdExpired':
      return HOLD_EXPIRED;
    case 'transferring':
      return HANDOVER;
    case 'farewell': {
      const outcome = s.context.outcome?.kind;
      const own = step?.stage === 'farewell' ? step : null;
      if (!outcome) return own?.say ?? null;
      if (!own) return engineFarewell(outcome);
      // A catch-all farewell follows the engine's sentence on where the question stands.
      return own.outcomes.includes(outcome) ? own.say : `${OUTCOME_STATEMENTS[outcome]} ${own.say}`;
    }
    case 'talking':
      if (!step) return null;
      // The engine guarantees the greeting by time of day, naming operator and organisation.
      if (step.stage === 'greeting' && !step.say.includes('{{greeting}}'))
        return `${GREETING_INTRO} ${step.say}`;
      return step.say;
  }
}

/**
 * The line as the operator sees it: whole, or the list of what to fill in first. Null once the call
 * ended. A farewell is always sayable: if the flow's own cannot be filled, the engine's line for the
 * outcome is used.
 */
export function renderedLine(flow: FlowDefinition, s: CallView, now: number): RenderedLine | null {
  const template = lineTemplate(flow, s);
  if (template === null) return null;
  const vars = templateVars(s.context, now);
  const line = renderLine(template, vars);
  const outcome = s.context.outcome?.kind;
  if (line.kind === 'missing' && phase(s) === 'farewell' && outcome) {
    const fallback = renderLine(engineFarewell(outcome), vars);
    if (fallback.kind === 'ready') return fallback;
  }
  return line;
}

/**
 * At hold expiry the operator thanks the caller and goes one of three ways: answer, ask for more time
 * (once per hold), or offer a callback. Null when the hold has not expired.
 */
export function holdExpiredChoices(
  s: CallView,
): { answer: string; moreTime: string | null; callback: string } | null {
  if (phase(s) !== 'holdExpired') return null;
  const c = HOLD_EXPIRED_CHOICES;
  return { answer: c.answer, moreTime: hasExtendedHold(s.context) ? null : c.moreTime, callback: c.callback };
}

/** The promise said when putting the caller on hold, for the duration the operator is about to choose. */
export function holdPromiseLine(s: CallView, minutes: number, now: number): RenderedLine {
  const vars = templateVars(s.context, now);
  return renderLine(HOLD_PROMISE, { ...vars, hold: { duration: spokenMinutes(minutes) } });
}

/** After a refused transfer (the limit): what the operator can say instead — answer now, or a callback. */
export function transferRefusalLines(s: CallView): { answerNow: string; callback: string } | null {
  return s.context.notice?.code === 'transferLimitReached'
    ? { answerNow: TRANSFER_REFUSED_CHOICES.answerNow, callback: TRANSFER_REFUSED_CHOICES.callback }
    : null;
}

export interface StageMark {
  stage: Stage;
  status: 'done' | 'current' | 'todo';
}

export function stageStrip(flow: FlowDefinition, s: CallView): StageMark[] {
  const stages = DIRECTION_STAGES[flow.direction];
  const stageOf = new Map(flow.steps.map((step) => [step.id, step.stage]));
  const seen = new Set(s.context.visited.map((id) => stageOf.get(id)));
  const p = phase(s);
  const current: Stage | null =
    p === 'farewell' ? 'farewell' : p === 'ended' ? null : (stageOf.get(s.context.stepId) ?? null);
  if (p === 'farewell' || (p === 'ended' && s.context.end?.reason === 'farewell')) seen.add('farewell');
  return stages.map((stage) => ({
    stage,
    status: stage === current ? 'current' : seen.has(stage) ? 'done' : 'todo',
  }));
}

export interface TransferCounter {
  used: number;
  max: number;
  /** "1 из 2": how the counter reads on screen. */
  label: string;
  canTransferMore: boolean;
}

export function transferCounter(flow: FlowDefinition, s: CallView): TransferCounter {
  const used = transfersUsed(s.context);
  const max = maxTransfers(flow);
  return { used, max, label: `${used} из ${max}`, canTransferMore: used < max };
}

/** Milliseconds left of the promised hold (negative once overrun), or null when not on hold. */
export function holdRemainingMs(s: CallView, now: number): number | null {
  const hold = currentHold(s.context);
  return hold && s.hasTag('onHold') ? hold.deadline - now : null;
}

export interface AvailableActions {
  choose: string[];
  capture: string[];
  hold: boolean;
  holdPresets: number[];
  resume: boolean;
  extendHold: boolean;
  transfer: boolean;
  /** A transfer would be refused only for the cap: its panel opens to say why, and the attempt is recorded. */
  transferCapped: boolean;
  callback: boolean;
  end: boolean;
  finish: boolean;
}

/**
 * What the operator may do now, asked of the machine (`can`). A refused attempt is a transition too (it
 * records the refusal), so where the machine would take the event only to refuse it, the guard's own
 * rule decides: the transfer cap, one extension per hold, an outcome before the farewell is finished.
 */
export function availableActions(flow: FlowDefinition, s: CallView): AvailableActions {
  const p = phase(s);
  const step = currentStep(flow, s);
  const at = s.context.lastAt;
  const can = (event: CallEvent) => s.can(event);
  const callback = can({ type: 'operator.callback', phone: '', deadline: at, question: '', at });
  return {
    choose: p === 'talking' && step ? step.options.map((o) => o.id) : [],
    capture: p === 'ended' || !step ? [] : step.capture.map((f) => f.id),
    hold: can({ type: 'operator.hold', minutes: flow.limits.holdMinMinutes, at }),
    holdPresets: flow.limits.holdPresetsMinutes.filter((m) => checkHoldMinutes(flow, m) === null),
    resume: can({ type: 'operator.resume', at }),
    extendHold:
      can({ type: 'operator.extendHold', minutes: flow.limits.holdMinMinutes, at }) &&
      !hasExtendedHold(s.context),
    transfer:
      can({ type: 'operator.transfer', target: { kind: 'department', id: '' }, summary: '', at }) &&
      transfersUsed(s.context) < maxTransfers(flow),
    transferCapped: can({ type: 'operator.tryTransfer', at }),
    callback,
    end: can({ type: 'operator.end', outcome: 'resolved', at }),
    finish: can({ type: 'operator.finish', at }) && s.context.outcome !== null,
  };
}

/** The caller card: what the operator has captured, normalised. */
export function callerCard(s: CallView) {
  const f = s.context.fields;
  return {
    name: f.callerName ?? null,
    phone: f.callerPhone ?? s.context.callerPhone,
    appealNumber: f.appealNumber ?? null,
    need: f.need ?? null,
    fieldErrors: s.context.fieldErrors,
  };
}

export const outcomeOf = (s: CallView) => s.context.outcome;
export const callbackTaskOf = (s: CallView) => s.context.callback;
export const noticeOf = (s: CallView) => s.context.notice;
