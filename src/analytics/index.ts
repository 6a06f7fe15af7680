// Aggregates over call records for the supervisor workspace: pure, the caller passes `now`.
export { analyzeCall } from './callFacts';
export type { CallFacts, CallSummary, StageBucket } from './callFacts';
export { callbackState, complianceIssues, COMPLIANCE_RULES, hasComplianceIssue } from './compliance';
export { RECORD_RULES, STANDARD_RULES } from './standardRules';
export type { RuleCheck, StandardRuleCode } from './standardRules';
export type { ComplianceRule } from './compliance';
export { buildDashboard } from './dashboard';
export type { ArticleReview, Figures, Ranked } from './dashboard';
export { filterCalls, sortCalls } from './listing';
export type { CallFilter, ListedCall, SortKey } from './listing';
export { callerWording, callRow, resultName, resultWording } from './callRow';
export { toCsv } from './csv';
export { CALL_RESULTS, reachedOutcome, resultOf, transferredTo } from './result';
export type { CallResult } from './result';
export { callsBehind, HEADLINES, periodFigures, previousPeriod, tilesOf } from './trends';
export type { Headline, HeadlineTile, PeriodFigures, SeriesPoint } from './trends';
