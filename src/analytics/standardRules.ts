// The telephone standard's rules as one table (issue 22, STANDARD §2–§5): each with its clause and how a
// call's record shows it. A rule the record shows is a pure function over the call's facts; a rule the
// engine enforces (it refuses the action that would break it) or that no record can show is listed too,
// so a supervisor sees what an unflagged call kept and what nobody checked. Words live in the catalogue.

import type { CallFacts } from './callFacts';
import { reachedOutcome } from './result';

/** A moment the rule was broken, and by how much where it has a measure. */
export interface Breach {
  at: number;
  overMs: number | null;
}

type Breaches = (f: CallFacts, now: number) => Breach[];

/** How the record shows a rule: by its facts, by the engine refusing the breach, or not at all. */
export type RuleCheck = 'record' | 'engine' | 'none';

const none: Breach[] = [];
const once = (at: number | null, overMs: number | null = null): Breach[] =>
  at === null ? none : [{ at, overMs }];

/** When a call that reached an outcome ended: the script's elements are owed by such a call. */
const completedAt = (f: CallFacts): number | null => (reachedOutcome(f) ? f.endedAt : null);

/** The rules whose breaches the record shows, in the order the compliance filter lists them. */
export const RECORD_RULES = [
  {
    code: 'holdOverPromise',
    clause: '001 §3.5.5 (5б)',
    breaches: (f) =>
      f.holds.filter((h) => h.overtimeMs > 0).map((h) => ({ at: h.deadline, overMs: h.overtimeMs })),
  },
  {
    code: 'transferLimit',
    clause: '001 §3.5.1, 002 §12.1, 004 §3.2.4',
    breaches: (f) => f.refusedTransfers.map((at) => ({ at, overMs: null })),
  },
  {
    code: 'callbackOverdue',
    clause: '001 §3.5.5 (5г)',
    breaches: (f, now) =>
      f.callback && f.callback.doneAt === null && now > f.callback.deadline
        ? once(f.callback.deadline, now - f.callback.deadline)
        : none,
  },
  {
    code: 'callbackLate',
    clause: '001 §3.5.5 (5г)',
    breaches: (f) =>
      f.callback?.doneAt != null && f.callback.doneAt > f.callback.deadline
        ? once(f.callback.doneAt, f.callback.doneAt - f.callback.deadline)
        : none,
  },
  {
    code: 'farewellMissing',
    clause: '001 §3.5.5 (6)',
    breaches: (f) => (f.adherence.farewell === false ? once(completedAt(f)) : none),
  },
  {
    code: 'callerNotIdentified',
    clause: '001 §3.1.3, §3.5.5 (2)',
    breaches: (f) => (f.adherence.identified === false ? once(completedAt(f)) : none),
  },
  {
    code: 'needNotRephrased',
    clause: '001 §3.5.5 (4)',
    breaches: (f) => (f.adherence.rephrased === false ? once(completedAt(f)) : none),
  },
  {
    code: 'greetingUnnamed',
    clause: '001 §3.5.5 (1), §3.8.8',
    breaches: (f) => (f.greetingNamed === false ? once(f.startedAt) : none),
  },
  {
    code: 'questionsAndThanks',
    clause: '002 §17',
    breaches: (f) => (f.askedForMore === false ? once(completedAt(f)) : none),
  },
  {
    code: 'internalAfterDayEnd',
    clause: '001 §3.5.10–3.5.11',
    breaches: (f) =>
      f.internalDayEnd !== null && f.callback && f.callback.deadline > f.internalDayEnd
        ? once(f.internalDayEnd, f.callback.deadline - f.internalDayEnd)
        : none,
  },
] as const satisfies readonly { code: string; clause: string; breaches: Breaches }[];

export type ComplianceRule = (typeof RECORD_RULES)[number]['code'];
export const COMPLIANCE_RULES: readonly ComplianceRule[] = RECORD_RULES.map((r) => r.code);

/** Rules the engine keeps by refusing the action that would break them, and rules no record can show. */
export const UNRECORDED_RULES = [
  { code: 'holdWithoutPromise', clause: '001 §3.5.5 (5б)', check: 'engine' },
  { code: 'holdExtendedTwice', clause: '001 §3.5.5 (5б)', check: 'engine' },
  { code: 'callbackWithoutDeadlineOrPhone', clause: '001 §3.5.5 (5г)', check: 'engine' },
  { code: 'outcomeNotTold', clause: '002 §13', check: 'engine' },
  { code: 'handlerNotNamed', clause: '002 §16', check: 'engine' },
  { code: 'internalOtherChannel', clause: '001 §3.5.12', check: 'none' },
  { code: 'speech', clause: '001 §3.5.2, 002 §12.2', check: 'none' },
  { code: 'noInterrupting', clause: '000 §3.1.8, §3.1.9', check: 'none' },
  { code: 'completeAnswer', clause: '001 §3.5.3, 002 §12.3', check: 'none' },
  { code: 'noSwayingAdvice', clause: '001 §3.8.8', check: 'none' },
] as const satisfies readonly { code: string; clause: string; check: Exclude<RuleCheck, 'record'> }[];

export type UnrecordedRule = (typeof UNRECORDED_RULES)[number]['code'];
export type StandardRuleCode = ComplianceRule | UnrecordedRule;

/** Every rule of the table, record-checked first: what the workspace and README render. */
export const STANDARD_RULES: readonly { code: StandardRuleCode; clause: string; check: RuleCheck }[] = [
  ...RECORD_RULES.map((r) => ({ code: r.code, clause: r.clause, check: 'record' as const })),
  ...UNRECORDED_RULES,
];
