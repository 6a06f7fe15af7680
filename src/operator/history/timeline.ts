// A call record's events as lines of a timeline: what happened, with the detail a reader needs
// (the option chosen, the field and value, the minutes promised, the colleague, the deadline).
import { t } from '../../i18n';
import { CARE_FLAGS, type CallRecordEvent, type CareFlag } from '../../calls';
import { formatClock } from '../../flows/dates';
import { formatRuPhone } from '../../flows/phone';
import type { FlowDefinition } from '../../flows/types';

export interface TimelineEntry {
  seq: number;
  at: number;
  label: string;
  detail: string;
}

const isCareFlag = (f: unknown): f is CareFlag => CARE_FLAGS.some((c) => c === f);

function optionLabel(flow: FlowDefinition | undefined, stepId: string, optionId: string): string {
  const steps = flow?.steps ?? [];
  const step = steps.find((s) => s.options.some((o) => o.id === optionId && s.id === stepId));
  return step?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

function fieldLabel(flow: FlowDefinition | undefined, fieldId: string): string {
  return flow?.steps.flatMap((s) => s.capture).find((f) => f.id === fieldId)?.label ?? fieldId;
}

function detailOf(r: CallRecordEvent, previousStep: string, flow: FlowDefinition | undefined, tz: string) {
  const e = r.event;
  switch (e.type) {
    case 'operator.choose':
      return optionLabel(flow, previousStep, e.optionId);
    case 'operator.capture':
      return `${fieldLabel(flow, e.fieldId)}: ${e.value}`;
    case 'operator.hold':
    case 'operator.extendHold':
      return t.callbacks.history.minutes(e.minutes);
    case 'operator.transfer':
      return e.summary;
    case 'operator.callback':
      return [e.phone ? formatRuPhone(e.phone) : '', formatClock(e.deadline, tz), e.question ?? '']
        .filter(Boolean)
        .join(', ');
    case 'operator.end':
      return t.calls.outcomes[e.outcome];
    case 'operator.careFlags': {
      // An imported log may carry flags this version does not know, or no list at all: shown as recorded.
      const flags: unknown = e.flags;
      return Array.isArray(flags)
        ? flags.map((f) => (isCareFlag(f) ? t.operator.care[f].label : String(f))).join(', ')
        : '';
    }
    case 'operator.personKind':
      return t.operator.card.persons[e.person] ?? e.person;
    default:
      return '';
  }
}

export function timelineOf(
  log: readonly CallRecordEvent[],
  flow: FlowDefinition | undefined,
  timeZone: string,
): TimelineEntry[] {
  return log.map((r, i) => ({
    seq: r.seq,
    at: r.at,
    label: t.callbacks.history.events[r.event.type],
    detail: detailOf(r, log[i - 1]?.after.stepId ?? '', flow, timeZone),
  }));
}
