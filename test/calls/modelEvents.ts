// Event generators for walking a compiled flow: what an operator (and the clock, and the caller) could
// do in a given state, with valid sample values, plus an abstract key that keeps the walk finite.
import { validateField } from '../../src/flows/fields';
import type { CaptureField, FlowDefinition, Outcome } from '../../src/flows/types';
import type { CallEvent, OutcomeDetails } from '../../src/calls/events';
import type { CallSnapshot } from '../../src/calls/session';
import { currentHold, transfersUsed } from '../../src/calls/rules';

const SAMPLES: Record<CaptureField['kind'], string[]> = {
  text: ['Отдел кадров', 'текст'],
  personName: ['Ольга Ивановна'],
  phone: ['+7 912 345-67-89'],
  appealNumber: ['ОГ-123/45', '01-15/1234'],
  date: ['25.11.2026'],
  need: ['узнать срок рассмотрения обращения'],
};

/** A value the field accepts: a sample for its kind, or its placeholder when its pattern is stricter. */
export function sampleValue(field: CaptureField): string {
  const candidates = [...SAMPLES[field.kind], ...(field.placeholder ? [field.placeholder] : [])];
  const ok = candidates.find((v) => validateField(field, v).ok);
  if (ok === undefined) throw new Error(`no sample value fits field ${field.id}`);
  return ok;
}

const DAY = 86_400_000;

export function detailsFor(outcome: Outcome | undefined, at: number): OutcomeDetails | undefined {
  switch (outcome) {
    case 'byDate':
      return { date: at + 7 * DAY };
    case 'impossible':
      return { reason: 'срок подачи истёк', wayForward: 'подать новое заявление' };
    case 'redirected':
      return { body: 'Социальный фонд России' };
    default:
      return undefined;
  }
}

/** The flow's own events in this state: options, captures of required fields, a callback where the step asks for it. */
export function flowEvents(flow: FlowDefinition, s: CallSnapshot): CallEvent[] {
  const ctx = s.context;
  const at = ctx.lastAt + 1_000;
  const step = flow.steps.find((x) => x.id === ctx.stepId);
  const out: CallEvent[] = [];
  if (s.status !== 'active') return out;
  if (s.hasTag('talking') && step) {
    for (const f of step.capture) {
      if (f.required && !ctx.fields[f.id])
        out.push({ type: 'operator.capture', fieldId: f.id, value: sampleValue(f), at });
    }
    for (const o of step.options) {
      const details = detailsFor(o.outcome, at);
      out.push({ type: 'operator.choose', optionId: o.id, ...(details ? { details } : {}), at });
    }
    if (step.options.some((o) => o.outcome === 'callback') && !ctx.callback) {
      out.push({
        type: 'operator.callback',
        deadline: at + 3_600_000,
        question: 'вопрос клиента',
        phone: '+79123456789',
        at,
      });
    }
  }
  if (s.hasTag('farewell')) {
    out.push({ type: 'operator.finish', at });
    if (!ctx.outcome) out.push({ type: 'operator.end', outcome: 'resolved', at });
  }
  return out;
}

/** Everything else the engine allows in every flow: hold, timers, transfer, callback, ending, breaking off. */
export function ruleEvents(
  flow: FlowDefinition,
  s: CallSnapshot,
  org: { departments: { id: string }[] },
): CallEvent[] {
  const ctx = s.context;
  const at = ctx.lastAt + 1_000;
  const out: CallEvent[] = [];
  if (s.status !== 'active') return out;
  const hold = currentHold(ctx);
  const minutes = flow.limits.holdPresetsMinutes[0] ?? flow.limits.holdMinMinutes;
  const dep = org.departments[0]?.id ?? 'none';
  if (s.hasTag('talking')) {
    out.push({ type: 'operator.hold', minutes, at });
    out.push({
      type: 'operator.transfer',
      target: { kind: 'department', id: dep },
      summary: 'суть вопроса',
      at,
    });
    out.push({ type: 'operator.end', outcome: 'noDate', at });
    out.push({
      type: 'operator.callback',
      deadline: at + 3_600_000,
      question: 'вопрос',
      phone: '+79123456789',
      at,
    });
  }
  if (s.hasTag('onHold') && hold) {
    if (!s.hasTag('holdWarning') && !s.hasTag('holdExpired')) {
      out.push({ type: 'clock.holdWarning', holdId: hold.holdId, at: hold.warningAt });
    }
    if (!s.hasTag('holdExpired'))
      out.push({ type: 'clock.holdExpired', holdId: hold.holdId, at: hold.deadline });
    out.push({ type: 'operator.resume', at });
    out.push({ type: 'operator.extendHold', minutes, at });
  }
  if (s.hasTag('transferring')) {
    out.push({ type: 'transfer.connected', at }, { type: 'transfer.failed', at });
  }
  out.push({ type: 'caller.hungUp', at });
  return out;
}

/** What tells states apart for the walk: where the call is and what it has settled, not when. */
export function abstractKey(flow: FlowDefinition, s: CallSnapshot): string {
  const c = s.context;
  const hold = currentHold(c);
  const step = flow.steps.find((x) => x.id === c.stepId);
  return JSON.stringify([
    s.value,
    c.stepId,
    step?.capture.filter((f) => c.fields[f.id] !== undefined).map((f) => f.id) ?? [],
    c.outcome !== null,
    transfersUsed(c),
    c.transfers.some((t) => t.status === 'connecting'),
    hold ? [hold.extension] : null,
    c.callback !== null,
    c.end?.reason ?? null,
  ]);
}

/**
 * For the walk over the flow's own paths: where the call is and what this step captured. The outcome is
 * left out on purpose, so a simple path never loops back through a step ("another question?") — that
 * keeps the number of paths linear in the flow's branches instead of exponential in its loops.
 */
export function flowKey(flow: FlowDefinition, s: CallSnapshot): string {
  const c = s.context;
  const step = flow.steps.find((x) => x.id === c.stepId);
  return JSON.stringify([
    s.value,
    c.stepId,
    c.callback !== null,
    step?.capture.filter((f) => c.fields[f.id] !== undefined).map((f) => f.id) ?? [],
  ]);
}
