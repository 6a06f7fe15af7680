// Rules of the standard a call broke, each with the moment it was broken (STANDARD §2, §4). Codes and
// params only: the supervisor workspace words them from the catalogue.

import type { CallFacts } from './callFacts';
import { reachedOutcome } from './result';

export const COMPLIANCE_RULES = [
  'holdOverPromise',
  'transferLimit',
  'callbackOverdue',
  'callbackLate',
  'farewellMissing',
  'callerNotIdentified',
  'needNotRephrased',
] as const;
export type ComplianceRule = (typeof COMPLIANCE_RULES)[number];

export interface ComplianceIssue {
  callId: string;
  rule: ComplianceRule;
  /** When the rule was broken (ms since epoch). */
  at: number;
  /** Overtime or lateness in ms, where the rule has one. */
  overMs: number | null;
}

export type CallbackState = 'keptOnTime' | 'late' | 'overdue' | 'pending';

/** Where a promised callback stands at `now`. */
export function callbackState(cb: { deadline: number; doneAt: number | null }, now: number): CallbackState {
  if (cb.doneAt !== null) return cb.doneAt <= cb.deadline ? 'keptOnTime' : 'late';
  return now > cb.deadline ? 'overdue' : 'pending';
}

/** The issues of one call, in the order they happened. `now` decides whether an open callback is overdue. */
export function complianceIssues(f: CallFacts, now: number): ComplianceIssue[] {
  const out: ComplianceIssue[] = [];
  const add = (rule: ComplianceRule, at: number, overMs: number | null = null) =>
    out.push({ callId: f.callId, rule, at, overMs });
  for (const h of f.holds) if (h.overtimeMs > 0) add('holdOverPromise', h.deadline, h.overtimeMs);
  for (const at of f.refusedTransfers) add('transferLimit', at);
  if (f.callback) {
    const state = callbackState(f.callback, now);
    if (state === 'overdue') add('callbackOverdue', f.callback.deadline, now - f.callback.deadline);
    if (state === 'late' && f.callback.doneAt !== null)
      add('callbackLate', f.callback.doneAt, f.callback.doneAt - f.callback.deadline);
  }
  // The script's elements are owed by a call that reached an outcome (a transfer is one); a call cut
  // short owes less.
  const completedAt = reachedOutcome(f) ? f.endedAt : null;
  if (completedAt !== null) {
    if (f.adherence.farewell === false) add('farewellMissing', completedAt);
    if (f.adherence.identified === false) add('callerNotIdentified', completedAt);
    if (f.adherence.rephrased === false) add('needNotRephrased', completedAt);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Whether the call broke any rule: what complianceIssues finds, without listing it (100,000 calls). */
export function hasComplianceIssue(f: CallFacts, now: number): boolean {
  for (const h of f.holds) if (h.overtimeMs > 0) return true;
  if (f.refusedTransfers.length > 0) return true;
  if (f.callback) {
    const state = callbackState(f.callback, now);
    if (state === 'overdue' || state === 'late') return true;
  }
  if (!reachedOutcome(f) || f.endedAt === null) return false;
  const a = f.adherence;
  return a.farewell === false || a.identified === false || a.rephrased === false;
}
