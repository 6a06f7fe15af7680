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
export { callbackState, complianceIssues, COMPLIANCE_RULES, hasComplianceIssue } from './compliance';
export type { CallbackState, ComplianceIssue, ComplianceRule } from './compliance';
export { buildDashboard } from './dashboard';
export type { ArticleReview, Dashboard, DashboardOptions, Figures, Ranked } from './dashboard';
export { filterCalls, sortCalls } from './listing';
export type { CallFilter, ListedCall, SortKey } from './listing';
export { toCsv } from './csv';
export type { CsvCell, CsvText } from './csv';
export { CALL_RESULTS, reachedOutcome, resultOf, transferredTo } from './result';
export type { CallResult } from './result';
