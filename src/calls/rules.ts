// The standard's hard rules as pure checks (STANDARD §2, §4, §5): the machine's guards call these, and
// so do the selectors, so the UI never re-derives a rule. Each check returns a refusal code or null.

import type { FlowDefinition, Outcome, Step } from '../flows/types';
import { isWithinWorkingHours } from './workingHours';
import type { CallContext, NoticeCode } from './context';
import type { OutcomeDetails, TransferTarget } from './events';
import type { Organisation } from './organisation';

/** The standard caps transfers at two whatever a flow says (STANDARD §4). */
export const TRANSFER_CAP = 2;

export function maxTransfers(flow: FlowDefinition): number {
  return Math.max(0, Math.min(flow.limits.maxTransfers, TRANSFER_CAP));
}

/** Transfers that count against the cap: those before this operator, and ours unless the line failed. */
export function transfersUsed(ctx: Pick<CallContext, 'transfersBefore' | 'transfers'>): number {
  return ctx.transfersBefore + ctx.transfers.filter((t) => t.status !== 'failed').length;
}

/** The directory name of a department or colleague, or null when the directory has no such entry. */
export function transferTargetName(org: Organisation, target: TransferTarget | undefined): string | null {
  // Events may come from a stored log or a script: a malformed one is refused, never a crash.
  if (!target || typeof target.id !== 'string') return null;
  for (const dep of org.departments) {
    if (target.kind === 'department' && dep.id === target.id) return dep.name;
    if (target.kind === 'colleague') {
      const person = dep.colleagues.find((c) => c.id === target.id);
      if (person) return `${person.fullName}, ${person.position}`;
    }
  }
  return null;
}

export function checkTransfer(
  flow: FlowDefinition,
  ctx: CallContext,
  target: TransferTarget | undefined,
  summary: string | undefined,
): NoticeCode | null {
  if (transfersUsed(ctx) >= maxTransfers(flow)) return 'transferLimitReached';
  if (transferTargetName(ctx.organisation, target) === null) return 'transferTargetUnknown';
  if (typeof summary !== 'string' || summary.trim() === '') return 'transferSummaryMissing';
  return null;
}

export function checkHoldMinutes(flow: FlowDefinition, minutes: number): NoticeCode | null {
  const { holdMinMinutes, holdMaxMinutes } = flow.limits;
  if (!Number.isInteger(minutes) || minutes < holdMinMinutes || minutes > holdMaxMinutes)
    return 'holdOutOfRange';
  return null;
}

/** The hold record now running, if the last hold has not ended. */
export function currentHold(ctx: Pick<CallContext, 'holds'>) {
  const last = ctx.holds.at(-1);
  return last && last.endedAt === null ? last : null;
}

/** A hold episode may be extended once: asking the caller for more time twice is not allowed. */
export function hasExtendedHold(ctx: Pick<CallContext, 'holds'>): boolean {
  return currentHold(ctx)?.extension ?? false;
}

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

export function checkOutcome(outcome: Outcome, details: OutcomeDetails): NoticeCode | null {
  if (outcome === 'byDate' && (details.date === undefined || !Number.isFinite(details.date))) {
    return 'outcomeDateMissing';
  }
  if (outcome === 'impossible' && (!filled(details.reason) || !filled(details.wayForward))) {
    return 'outcomeReasonMissing';
  }
  if (outcome === 'redirected' && !filled(details.body)) return 'outcomeBodyMissing';
  // A callback outcome is reached by promising the callback itself: that creates the task.
  if (outcome === 'callback') return 'outcomeNeedsCallback';
  return null;
}

/** Required fields of a step that are not yet captured with a valid value. */
export function missingRequiredFields(step: Step | undefined, fields: Record<string, string>): string[] {
  if (!step) return [];
  return step.capture.filter((f) => f.required && !fields[f.id]?.trim()).map((f) => f.id);
}

/**
 * The farewell step said for an outcome: one that lists it, else one for any outcome, else '' (the
 * engine's own farewell line for the outcome, see lines.ts).
 */
export function farewellStepFor(flow: FlowDefinition, outcome: Outcome): string {
  const farewells = flow.steps.filter((s) => s.stage === 'farewell');
  return (
    farewells.find((s) => s.outcomes.includes(outcome))?.id ??
    farewells.find((s) => s.outcomes.length === 0)?.id ??
    ''
  );
}

export interface CallbackRequest {
  phone: string | null;
  deadline: number;
  question: string;
  outsideHours: boolean;
  at: number;
}

export function checkCallback(
  org: Pick<Organisation, 'timeZone' | 'workingHours'>,
  req: CallbackRequest,
  normalisePhone: (raw: string) => string | null,
): NoticeCode | null {
  if (req.phone === null || normalisePhone(req.phone) === null) return 'callbackPhoneInvalid';
  if (!Number.isFinite(req.deadline) || req.deadline <= req.at) return 'callbackDeadlinePast';
  if (!req.outsideHours && !isCallbackTimeStaffed(req.deadline, org)) return 'callbackOutsideHours';
  if (typeof req.question !== 'string' || req.question.trim() === '') return 'callbackQuestionMissing';
  return null;
}

/**
 * A deadline the line can keep: inside working hours, or exactly at the end of a working stretch
 * ("до 18:00 сегодня" when the day ends at 18:00 — the minute before it is still worked).
 */
export function isCallbackTimeStaffed(
  ms: number,
  org: Pick<Organisation, 'timeZone' | 'workingHours'>,
): boolean {
  return (
    isWithinWorkingHours(ms, org.workingHours, org.timeZone) ||
    isWithinWorkingHours(ms - 60_000, org.workingHours, org.timeZone)
  );
}
