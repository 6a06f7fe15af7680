// Aggregates over call records for the supervisor workspace: pure, the caller passes `now`.
export { analyzeCall } from './callFacts';
export type {
  Adherence,
  CallFacts,
  CallSummary,
  EndReason,
  HoldFact,
  StageBucket,
  TransferFact,
} from './callFacts';
export {
  breaksRule,
  callbackState,
  complianceIssues,
  COMPLIANCE_RULES,
  hasComplianceIssue,
} from './compliance';
export { RECORD_RULES, STANDARD_RULES, UNRECORDED_RULES } from './standardRules';
export type { Breach, RuleCheck, StandardRuleCode } from './standardRules';
export type { CallbackState, ComplianceIssue, ComplianceRule } from './compliance';
export { buildDashboard } from './dashboard';
export type { ArticleReview, Dashboard, Figures, Ranked } from './dashboard';
export { filterCalls, sortCalls } from './listing';
export type { CallFilter, ListedCall, SortKey } from './listing';
export { toCsv } from './csv';
export type { CsvCell, CsvText } from './csv';
export { CALL_RESULTS, reachedOutcome, resultOf, transferredTo } from './result';
export type { CallResult } from './result';
