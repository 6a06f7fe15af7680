// A call record's events as lines of a timeline, in words: the option chosen and the outcome it settled,
// the step the call moved to (by its stage and opening words, not its code), the colleague or department
// by the name the call's directory gave it, the transfers counted against the cap, the deadline.
// Shared by the operator's own call history and the supervisor's record: wording over the catalogue, so it
// lives with it (services/ sit below the catalogue, which words the codes they return).
import { t } from './index';
import { CARE_FLAGS, maxTransfers, TRANSFER_CAP, type CallRecordEvent, type CareFlag } from '../calls';
import type { Organisation } from '../calls/organisation';
import { transferTargetName } from '../calls/rules';
import { formatClock, formatDate } from '../flows/dates';
import { formatRuPhone } from '../flows/phone';
import type { FlowDefinition, Step } from '../flows/types';

export interface TimelineEntry {
  seq: number;
  at: number;
  label: string;
  detail: string;
  /** The step the call moved to with this event, by its title; null when it stayed where it was. */
  step: string | null;
}

const isCareFlag = (f: unknown): f is CareFlag => CARE_FLAGS.some((c) => c === f);

const OPENING_CHARS = 48;

/**
 * A step as a reader knows it: its stage, and — where the flow has more than one step of that stage —
 * the opening words of its line, variables shown as «…». Null when the flow version is not at hand.
 */
export function stepTitle(flow: FlowDefinition | undefined, stepId: string): string | null {
  const step = flow?.steps.find((s) => s.id === stepId);
  if (!flow || !step) return null;
  const name = t.flows.stage(step.stage);
  const stage = name.charAt(0).toUpperCase() + name.slice(1);
  if (flow.steps.filter((s) => s.stage === step.stage).length < 2) return stage;
  return `${stage}: «${opening(step)}»`;
}

function opening(step: Step): string {
  const line = step.say
    .replace(/\{\{[^}]*\}\}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= OPENING_CHARS) return line;
  const cut = line.slice(0, OPENING_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

function optionOf(flow: FlowDefinition | undefined, stepId: string, optionId: string) {
  return flow?.steps.find((s) => s.id === stepId)?.options.find((o) => o.id === optionId);
}

function fieldLabel(flow: FlowDefinition | undefined, fieldId: string): string {
  return flow?.steps.flatMap((s) => s.capture).find((f) => f.id === fieldId)?.label ?? fieldId;
}

interface Walk {
  flow: FlowDefinition | undefined;
  org: Organisation | null;
  tz: string;
  previousStep: string;
  /** Transfers counted against the cap so far: before this operator, and ours that connected or run. */
  used: number;
  lastTarget: string;
}

/** Details of an outcome as the client was told them (STANDARD §5): the date, the body, the reason. */
function outcomeDetails(
  e: { date?: number; body?: string; reason?: string; wayForward?: string },
  at: number,
  tz: string,
): string {
  const h = t.callbacks.history;
  return [
    typeof e.date === 'number' ? h.outcomeDate(formatDate(e.date, at, tz)) : '',
    e.body ? h.outcomeBody(e.body) : '',
    e.reason ? h.outcomeReason(e.reason) : '',
    e.wayForward ? h.outcomeWayForward(e.wayForward) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function detailOf(r: CallRecordEvent, w: Walk): string {
  const h = t.callbacks.history;
  const e = r.event;
  switch (e.type) {
    case 'call.started':
      return e.start.transfersBefore > 0 ? h.transfersBefore(e.start.transfersBefore) : '';
    case 'operator.choose': {
      const option = optionOf(w.flow, w.previousStep, e.optionId);
      const label = option?.label ?? e.optionId;
      // The outcome the option settled, once the engine took it (the call moved on).
      const settled = option?.outcome && r.after.stepId !== w.previousStep ? option.outcome : null;
      const details = e.details ? outcomeDetails(e.details, r.at, w.tz) : '';
      return [settled ? h.outcomeChosen(label, t.calls.outcomes[settled]) : label, details]
        .filter(Boolean)
        .join('; ');
    }
    case 'operator.capture':
      return `${fieldLabel(w.flow, e.fieldId)}: ${e.value}`;
    case 'operator.hold':
    case 'operator.extendHold':
      return h.minutes(e.minutes);
    case 'operator.transfer': {
      const name = (w.org && transferTargetName(w.org, e.target)) ?? e.target.id;
      const moved = r.after.state.startsWith('active.transferring');
      if (moved) {
        w.used++;
        w.lastTarget = name;
      }
      return h.transferTo(name, e.summary.trim(), w.used, w.flow ? maxTransfers(w.flow) : TRANSFER_CAP);
    }
    case 'operator.tryTransfer':
      return h.transferCount(w.used, w.flow ? maxTransfers(w.flow) : TRANSFER_CAP);
    case 'transfer.connected':
      return w.lastTarget;
    case 'transfer.failed':
      w.used = Math.max(0, w.used - 1);
      return w.lastTarget;
    case 'operator.callback':
      return [e.phone ? formatRuPhone(e.phone) : '', formatClock(e.deadline, w.tz), e.question ?? '']
        .filter(Boolean)
        .join(', ');
    case 'operator.outcomeDetails':
      return outcomeDetails(e, r.at, w.tz);
    case 'operator.end':
      return [t.calls.outcomes[e.outcome], outcomeDetails(e, r.at, w.tz)].filter(Boolean).join('; ');
    case 'operator.careFlags': {
      // An imported log may carry flags this version does not know, or no list at all: shown as recorded.
      const flags: unknown = e.flags;
      return Array.isArray(flags)
        ? flags.map((f) => (isCareFlag(f) ? t.care[f].label : String(f))).join(', ')
        : '';
    }
    case 'operator.personKind':
      return t.operator.card.persons[e.person] ?? e.person;
    default:
      return '';
  }
}

/** A transfer the engine refused (the cap, an unknown target, no summary) leaves the call where it was. */
const refusedTransfer = (r: CallRecordEvent) =>
  r.event.type === 'operator.transfer' && !r.after.state.startsWith('active.transferring');

/** `timeZone` is the one times are told in when the call's own organisation does not say. */
export function timelineOf(
  log: readonly CallRecordEvent[],
  flow: FlowDefinition | undefined,
  timeZone: string,
): TimelineEntry[] {
  const first = log[0]?.event;
  const start = first?.type === 'call.started' ? first.start : null;
  // A start read back from a damaged store may lack its organisation: ids then stand for names.
  const org = start?.organisation ?? null;
  const w: Walk = {
    flow,
    org,
    tz: org?.timeZone ?? timeZone,
    previousStep: '',
    used: start?.transfersBefore ?? 0,
    lastTarget: '',
  };
  return log.map((r) => {
    const stepId = r.after.stepId;
    const moved = stepId !== '' && stepId !== w.previousStep;
    const entry = {
      seq: r.seq,
      at: r.at,
      label: refusedTransfer(r)
        ? t.callbacks.history.transferRefused
        : t.callbacks.history.events[r.event.type],
      detail: detailOf(r, w),
      step: moved ? stepTitle(flow, stepId) : null,
    };
    w.previousStep = stepId;
    return entry;
  });
}
