// The bench's shared vocabulary: a suite returns rows, each row a measured figure and its budget.
// Later issues add suites to the list in run.ts; the runner prints, writes and fails on any miss.
import type { Page } from 'playwright-core';

export interface Budget {
  /** The figure passes when value <= max (times) or value >= min (recall). */
  max?: number;
  min?: number;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  budget: Budget | null;
  /** null when the row is informational (no budget). */
  pass: boolean | null;
}

export interface SuiteContext {
  /** Opens a fresh page (own JS heap) on the bench bundle, ready to use window.sufBench. */
  newPage(): Promise<Page>;
  log(message: string): void;
}

export interface Suite {
  name: string;
  run(ctx: SuiteContext): Promise<BenchRow[]>;
}

export function row(name: string, value: number, unit: string, budget: Budget | null = null): BenchRow {
  const pass =
    budget === null
      ? null
      : (budget.max === undefined || value <= budget.max) &&
        (budget.min === undefined || value >= budget.min);
  return { name, value: round(value), unit, budget, pass };
}

function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? Number.NaN;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const budgetText = (b: Budget | null): string =>
    b === null ? '' : b.max !== undefined ? `≤ ${b.max}` : b.min !== undefined ? `≥ ${b.min}` : '';
  const lines = rows.map((r) => [
    r.name,
    String(r.value),
    r.unit,
    budgetText(r.budget),
    r.pass === null ? '' : r.pass ? 'ok' : 'MISS',
  ]);
  const header = ['figure', 'value', 'unit', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}
