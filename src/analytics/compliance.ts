// Rules of the standard a call broke, each with the moment it was broken: the record-checked rules of the
// standard's table (standardRules.ts). Codes and params only: the supervisor words them from the catalogue.

import type { CallFacts } from './callFacts';
import { RECORD_RULES, type ComplianceRule } from './standardRules';

export { COMPLIANCE_RULES } from './standardRules';
export type { ComplianceRule } from './standardRules';

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
  for (const rule of RECORD_RULES)
    for (const b of rule.breaches(f, now)) out.push({ callId: f.callId, rule: rule.code, ...b });
  return out.sort((a, b) => a.at - b.at);
}

/** Whether the call broke any rule: what complianceIssues finds, without sorting it (100,000 calls). */
export function hasComplianceIssue(f: CallFacts, now: number): boolean {
  return RECORD_RULES.some((rule) => rule.breaches(f, now).length > 0);
}

/** The issues of one rule only: what the compliance filter asks of every call. */
export function breaksRule(f: CallFacts, rule: ComplianceRule, now: number): boolean {
  return RECORD_RULES.some((r) => r.code === rule && r.breaches(f, now).length > 0);
}
