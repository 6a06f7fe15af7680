// How the callbacks queue reads a task at a given moment: overdue, due soon or later, and when to try
// again after a failed attempt (in working time, so a retry never lands at night).
import type { Organisation } from '../../calls/organisation';
import type { CallbackAttemptResult, CallbackRow } from '../../db';
import { addWorkingMinutes } from '../../calls/callbackTimes';

/** A task due within this much time is marked "скоро срок". */
export const DUE_SOON_MS = 15 * 60_000;

export type DueStatus = 'overdue' | 'dueSoon' | 'later';

export function dueStatus(task: Pick<CallbackRow, 'dueAt'>, now: number): DueStatus {
  if (task.dueAt <= now) return 'overdue';
  return task.dueAt - now <= DUE_SOON_MS ? 'dueSoon' : 'later';
}

/** Minutes of working time before the next try: a busy line clears soon; no answer needs longer. */
const RETRY_MINUTES: Record<CallbackAttemptResult, number> = { busy: 15, noAnswer: 60, wrongNumber: 60 };

export function nextTryAt(
  now: number,
  result: CallbackAttemptResult,
  org: Pick<Organisation, 'workingHours' | 'timeZone'>,
): number {
  const minutes = RETRY_MINUTES[result];
  return addWorkingMinutes(now, minutes, org.workingHours, org.timeZone) ?? now + minutes * 60_000;
}

/** Tasks that fell due since the last look: each (id, due time) is announced once. */
export function newlyDue(tasks: readonly CallbackRow[], now: number, announced: Set<string>): CallbackRow[] {
  const due = tasks.filter((t) => t.dueAt <= now && !announced.has(`${t.id}@${t.dueAt}`));
  due.forEach((t) => announced.add(`${t.id}@${t.dueAt}`));
  return due;
}
