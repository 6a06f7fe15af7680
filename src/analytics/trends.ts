// Figures over time for the supervisor's dashboard (issue 21): the headline figures against the previous
// period of the same length, and series by hour of day and by day. Every figure comes from buildDashboard,
// so a series counts on exactly the bases the headline figures do.

import { buildDashboard, type Figures } from './dashboard';
import type { CallFacts } from './callFacts';

export const HEADLINES = [
  'calls',
  'firstContact',
  'holdsOverPromise',
  'callbacksPending',
  'callbacksOverdue',
  'transfersPerCall',
  'avgHandleMs',
  'satisfaction',
] as const;
export type Headline = (typeof HEADLINES)[number];

/** Which way a headline figure should go; 'none' when neither way is better in itself (volume). */
export const BETTER: Readonly<Record<Headline, 'up' | 'down' | 'none'>> = {
  calls: 'none',
  firstContact: 'up',
  holdsOverPromise: 'down',
  callbacksPending: 'none',
  callbacksOverdue: 'down',
  transfersPerCall: 'down',
  avgHandleMs: 'down',
  satisfaction: 'up',
};

export function headlineValues(f: Figures): Record<Headline, number | null> {
  return {
    calls: f.calls,
    firstContact: f.firstContact.share,
    holdsOverPromise: f.holds.overPromise,
    callbacksPending: f.callbacks.pending,
    callbacksOverdue: f.callbacks.overdue,
    transfersPerCall: f.transfers.perCall,
    avgHandleMs: f.avgHandleMs,
    satisfaction: f.satisfaction.average,
  };
}

export interface Change {
  /** current − previous; null when either is unknown. */
  delta: number | null;
  direction: 'up' | 'down' | 'same' | null;
  /** Whether the change is for the better; null when neither way is better or nothing changed. */
  good: boolean | null;
}

export function changeOf(current: number | null, previous: number | null, better: Headline): Change {
  if (current === null || previous === null) return { delta: null, direction: null, good: null };
  const delta = current - previous;
  // Shares and averages carry rounding noise: a change below a millionth is no change.
  const direction = Math.abs(delta) < 1e-6 ? 'same' : delta > 0 ? 'up' : 'down';
  const wanted = BETTER[better];
  const good = direction === 'same' || wanted === 'none' ? null : direction === wanted;
  return { delta: direction === 'same' ? 0 : delta, direction, good };
}

export interface HeadlineTile {
  key: Headline;
  value: number | null;
  previous: number | null;
  change: Change;
}

/** The period of the same length just before [from, to). */
export function previousPeriod(period: { from: number; to: number }): { from: number; to: number } {
  return { from: period.from - (period.to - period.from), to: period.from };
}

/** The headline figures of [from, to) with their change against the period of the same length before. */
export function headlineTiles(
  calls: readonly CallFacts[],
  opts: { from: number; to: number; now: number },
): HeadlineTile[] {
  const current = headlineValues(buildDashboard(calls, opts).overall);
  const previous = headlineValues(buildDashboard(calls, { ...opts, ...previousPeriod(opts) }).overall);
  return HEADLINES.map((key) => ({
    key,
    value: current[key],
    previous: previous[key],
    change: changeOf(current[key], previous[key], key),
  }));
}

export interface SeriesPoint {
  /** The bucket: an hour of day (0–23), or the start of a day. */
  at: number;
  figures: Figures;
}

function series(
  calls: readonly CallFacts[],
  opts: { from: number; to: number; now: number },
  keys: readonly number[],
  keyOf: (startedAt: number) => number | null,
): SeriesPoint[] {
  const groups = new Map<number, CallFacts[]>(keys.map((k) => [k, []]));
  for (const c of calls) {
    if (c.startedAt < opts.from || c.startedAt >= opts.to) continue;
    const key = keyOf(c.startedAt);
    if (key !== null) groups.get(key)?.push(c);
  }
  return keys.map((at) => ({ at, figures: buildDashboard(groups.get(at) ?? [], opts).overall }));
}

/**
 * Figures by hour of the day over [from, to). The caller says which local hour a moment falls in (this
 * module knows no time zone).
 */
export function byHour(
  calls: readonly CallFacts[],
  opts: { from: number; to: number; now: number },
  hourOf: (ms: number) => number,
): SeriesPoint[] {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return series(calls, opts, hours, hourOf);
}

/**
 * Figures by day over [from, to); `dayStarts` are the starts of the period's local days, in order (the
 * caller's calendar: days of 23 or 25 hours are the caller's business). A call belongs to the last day
 * that started at or before it.
 */
export function byDay(
  calls: readonly CallFacts[],
  opts: { from: number; to: number; now: number },
  dayStarts: readonly number[],
): SeriesPoint[] {
  const dayOf = (ms: number): number | null => {
    let lo = 0;
    let hi = dayStarts.length - 1;
    let found: number | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = dayStarts[mid] ?? Infinity;
      if (start <= ms) {
        found = start;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return series(calls, opts, dayStarts, dayOf);
}
