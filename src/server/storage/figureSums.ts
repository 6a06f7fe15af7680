// The sums and counts period figures are made of, as SQL over call_figures: one list shared by the
// supervisor's queries (summed over the calls) and the daily rollups (kept per day and operator, migration
// 0007), so both add up exactly the same things. Only what depends on the time of reading stays apart.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { StageBucket } from '../../analytics/callFacts';
import { CALL_RESULTS } from '../../analytics/result';
import { COMPLIANCE_RULES, type ComplianceRule } from '../../analytics/standardRules';
import { ALL_STAGES } from '../../flows/types';

export const STAGE_BUCKETS: readonly StageBucket[] = [...ALL_STAGES, 'hold', 'transfer'];

export interface SumColumn {
  /** The column's name in a result row and in the rollup tables. */
  name: string;
  /** An aggregate over call_figures rows. */
  expr: RawBuilder<unknown>;
}

const col = (name: string, expr: RawBuilder<unknown>): SumColumn => ({ name, expr });

/** An open callback past its deadline at `now` (callbackState 'overdue'). */
export const overdue = (now: number) =>
  sql<SqlBool>`(callback_deadline is not null and callback_done_at is null and callback_deadline < ${new Date(now)})`;
export const pending = (now: number) =>
  sql<SqlBool>`(callback_deadline is not null and callback_done_at is null and callback_deadline >= ${new Date(now)})`;
/** A callback still open: the only calls whose figures change with the time of reading. */
export const openCallback = sql<SqlBool>`(callback_deadline is not null and callback_done_at is null)`;

export function brokeRule(rule: ComplianceRule, now: number): RawBuilder<SqlBool> {
  return rule === 'callbackOverdue' ? overdue(now) : sql<SqlBool>`${rule} = any(broken)`;
}

/** The rules a call breaks whatever the time: every rule but an open callback's lateness. */
export const TIMELESS_RULES = COMPLIANCE_RULES.filter((r) => r !== 'callbackOverdue');

/** The series' few sums (SeriesFigures): calls, first contact and holds. */
export const SERIES_SUMS: readonly SumColumn[] = [
  col('calls', sql`count(*)`),
  col('fc_of', sql`count(*) filter (where result <> 'none')`),
  col('fc_resolved', sql`count(*) filter (where result <> 'none' and resolved_first)`),
  col('holds', sql`coalesce(sum(holds), 0)`),
  col('holds_over', sql`coalesce(sum(holds_over), 0)`),
  col('holds_calls', sql`count(*) filter (where holds_over > 0)`),
  col('overtime', sql`coalesce(sum(overtime_ms), 0)`),
];

/** Every sum dashboard.ts's figures need that does not depend on the time of reading. */
export const TIMELESS_SUMS: readonly SumColumn[] = [
  ...SERIES_SUMS,
  col('ended', sql`count(handle_ms)`),
  col('handle', sql`coalesce(sum(handle_ms), 0)`),
  col('after_n', sql`count(after_call_ms)`),
  col('after_sum', sql`coalesce(sum(after_call_ms), 0)`),
  col('t_zero', sql`count(*) filter (where transfers_counted = 'zero')`),
  col('t_one', sql`count(*) filter (where transfers_counted = 'one')`),
  col('t_two', sql`count(*) filter (where transfers_counted = 'two')`),
  col('refused', sql`coalesce(sum(refused_transfers), 0)`),
  col('own_total', sql`coalesce(sum(own_transfers), 0)`),
  col('t_calls', sql`count(*) filter (where own_transfers > 0)`),
  col('cb_promised', sql`count(callback_deadline)`),
  col('cb_kept', sql`count(*) filter (where callback_done_at <= callback_deadline)`),
  col('cb_late', sql`count(*) filter (where callback_done_at > callback_deadline)`),
  col('sat_n', sql`count(*) filter (where satisfaction between 1 and 5)`),
  col('sat_sum', sql`coalesce(sum(satisfaction) filter (where satisfaction between 1 and 5), 0)`),
  col('issues_broken', sql`count(*) filter (where cardinality(broken) > 0)`),
  // Callbacks still open, and those of calls that broke no rule: each is overdue or pending at reading.
  col('cb_open', sql`count(*) filter (where ${openCallback})`),
  col('cb_open_clean', sql`count(*) filter (where ${openCallback} and cardinality(broken) = 0)`),
  ...[1, 2, 3, 4, 5].map((s) => col(`sat_${s}`, sql`count(*) filter (where satisfaction = ${sql.lit(s)})`)),
  ...CALL_RESULTS.map((r) => col(`result_${r}`, sql`count(*) filter (where result = ${sql.lit(r)})`)),
  ...TIMELESS_RULES.map((r) => col(`rule_${r}`, sql`count(*) filter (where ${sql.lit(r)} = any(broken))`)),
  ...STAGE_BUCKETS.flatMap((b) => [
    col(`stage_${b}`, sql`coalesce(sum((stage_ms ->> ${sql.lit(b)})::float8), 0)`),
    col(`stage_n_${b}`, sql`count(*) filter (where stage_ms ->> ${sql.lit(b)} is not null)`),
  ]),
];

/**
 * The sums that depend on the time of reading, over the open callbacks whose deadline is still ahead
 * (few: recent calls'): pending ones; every other open callback is overdue (cb_open less these).
 */
export const PENDING_SUMS: readonly SumColumn[] = [
  col('cb_pending', sql`count(*)`),
  col('pending_clean', sql`count(*) filter (where cardinality(broken) = 0)`),
];
export const stillPending = (now: number) =>
  sql<SqlBool>`(${openCallback} and callback_deadline >= ${new Date(now)})`;

/** `expr as name` for each column, as float8 (exact for whole numbers below 2^53). */
export const selectSums = (cols: readonly SumColumn[]) =>
  sql.join(cols.map((c) => sql`(${c.expr})::float8 as ${sql.ref(c.name)}`));

/** `sum(name) as name` for each column: the sums of rows that already hold sums. */
export const addSums = (cols: readonly SumColumn[]) =>
  sql.join(cols.map((c) => sql`coalesce(sum(${sql.ref(c.name)}), 0)::float8 as ${sql.ref(c.name)}`));

/** The column names, for a union's branch that reads them as they are. */
export const names = (cols: readonly SumColumn[]) => sql.join(cols.map((c) => sql.ref(c.name)));
