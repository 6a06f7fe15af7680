// Figures over time for the supervisor's dashboard (issue 21): the headline figures against the previous
// period of the same length, and series by hour of day and by day. Every figure comes from buildDashboard,
// so a series counts on exactly the bases the headline figures do.

import { callbackState } from './compliance';
import { isDueForReview } from '../kb/freshness';
import {
  add,
  addToSeries,
  bump,
  buildDashboard,
  dependsOnNow,
  emptyAcc,
  emptySeries,
  finish,
  finishSeries,
  hasHoldOverPromise,
  mergeAcc,
  mergeSeries,
  ownTransfers,
  rank,
  resolvedAtFirstContact,
  shareOf,
  type Acc,
  type Dashboard,
  type DashboardOptions,
  type Figures,
  type SeriesFigures,
} from './dashboard';
import type { CallFacts } from './callFacts';
import { reachedOutcome } from './result';

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

/**
 * How many calls a headline figure stands on: the calls its tile opens. For a share, the calls in its
 * numerator; for an average, the calls averaged.
 */
export function callsBehind(key: Headline, f: Figures): number {
  switch (key) {
    case 'calls':
      return f.calls;
    case 'firstContact':
      return f.firstContact.resolved;
    case 'holdsOverPromise':
      return f.holds.calls;
    case 'callbacksPending':
      return f.callbacks.pending;
    case 'callbacksOverdue':
      return f.callbacks.overdue;
    case 'transfersPerCall':
      return f.transfers.calls;
    case 'avgHandleMs':
      return f.ended;
    case 'satisfaction':
      return f.satisfaction.count;
  }
}

/** Whether a call is among those `callsBehind` counts: the list's filter for a tile. */
export function isBehind(key: Headline, c: CallFacts, now: number): boolean {
  switch (key) {
    case 'calls':
      return true;
    case 'firstContact':
      return reachedOutcome(c) && resolvedAtFirstContact(c);
    case 'holdsOverPromise':
      return hasHoldOverPromise(c);
    case 'callbacksPending':
      return c.callback !== null && callbackState(c.callback, now) === 'pending';
    case 'callbacksOverdue':
      return c.callback !== null && callbackState(c.callback, now) === 'overdue';
    case 'transfersPerCall':
      return ownTransfers(c) > 0;
    case 'avgHandleMs':
      return c.handleMs !== null;
    case 'satisfaction':
      return c.satisfaction !== null && c.satisfaction >= 1 && c.satisfaction <= 5;
  }
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
  return tilesOf(
    buildDashboard(calls, opts).overall,
    buildDashboard(calls, { ...opts, ...previousPeriod(opts) }).overall,
  );
}

/** The headline tiles of figures already worked out (by the worker, or by the server). */
export function tilesOf(now: Figures, before: Figures): HeadlineTile[] {
  const current = headlineValues(now);
  const previous = headlineValues(before);
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
  figures: SeriesFigures;
}

const seriesOf = ({ calls, firstContact, holds }: Figures): SeriesFigures => ({ calls, firstContact, holds });

function groupsOf(
  calls: readonly CallFacts[],
  opts: { from: number; to: number },
  keys: readonly number[],
  keyOf: (startedAt: number) => number | null,
): Map<number, CallFacts[]> {
  const groups = new Map<number, CallFacts[]>(keys.map((k) => [k, []]));
  for (const c of calls) {
    if (c.startedAt < opts.from || c.startedAt >= opts.to) continue;
    const key = keyOf(c.startedAt);
    if (key !== null) groups.get(key)?.push(c);
  }
  return groups;
}

function series(
  calls: readonly CallFacts[],
  opts: { from: number; to: number; now: number },
  keys: readonly number[],
  keyOf: (startedAt: number) => number | null,
): SeriesPoint[] {
  const groups = groupsOf(calls, opts, keys, keyOf);
  return keys.map((at) => ({ at, figures: seriesOf(buildDashboard(groups.get(at) ?? [], opts).overall) }));
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
  return series(calls, opts, dayStarts, dayOfIn(dayStarts));
}

/** The index of the last day in `dayStarts` that started at or before a moment; -1 before the first. */
function dayIndexIn(dayStarts: readonly number[]): (ms: number) => number {
  return (ms) => {
    let lo = 0;
    let hi = dayStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((dayStarts[mid] ?? Infinity) <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The start of the last day in `dayStarts` that started at or before a moment. */
function dayOfIn(dayStarts: readonly number[]): (ms: number) => number | null {
  const indexOf = dayIndexIn(dayStarts);
  return (ms) => dayStarts[indexOf(ms)] ?? null;
}

/** Everything the dashboard shows for a period: taken as data, so the server's figures can be shown too. */
export interface PeriodFigures {
  dashboard: Dashboard;
  /** The headline figures of the period of the same length just before. */
  previous: Figures;
  byHour: SeriesPoint[];
  byDay: SeriesPoint[];
  /** Each operator's calls by day, in `byDay`'s order: the per-operator trend. */
  operatorDays: { operatorName: string; calls: number[] }[];
}

/**
 * What the calls of one day add to a period's figures, kept between requests: switching the period or
 * asking again sums the days already worked out instead of every call (issue 21: 100,000 calls in under
 * 200 ms). A day is reused only for the very same calls, in the same order; calls whose figures depend on
 * the moment (an open callback) are never kept, but summed afresh on every request.
 */
interface DaySums {
  calls: readonly CallFacts[];
  byOperator: Map<string, Acc>;
  hours: SeriesFigures[];
  topics: Map<string, number>;
  needs: Map<string, number>;
  articles: Map<string, number>;
  /** Each article use (once per call) and when the call started: the stale articles depend on the request. */
  useIds: string[];
  useAts: number[];
}

function sumDay(calls: readonly CallFacts[], now: number, hourOf: (ms: number) => number): DaySums {
  const sums: DaySums = {
    calls,
    byOperator: new Map(),
    hours: Array.from({ length: 24 }, emptySeries),
    topics: new Map(),
    needs: new Map(),
    articles: new Map(),
    useIds: [],
    useAts: [],
  };
  for (const c of calls) {
    const share = shareOf(c, now);
    let op = sums.byOperator.get(c.operatorName);
    if (!op) sums.byOperator.set(c.operatorName, (op = emptyAcc()));
    add(op, c, share);
    const hour = sums.hours[hourOf(c.startedAt)];
    if (hour) addToSeries(hour, share);
    if (c.topic) bump(sums.topics, c.topic);
    if (c.need) bump(sums.needs, c.need);
    for (const id of c.articlesUsed.length < 2 ? c.articlesUsed : new Set(c.articlesUsed)) {
      bump(sums.articles, id);
      sums.useIds.push(id);
      sums.useAts.push(c.startedAt);
    }
  }
  return sums;
}

const sameCalls = (a: readonly CallFacts[], b: readonly CallFacts[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** Days worked out, by the hour function and the day's bounds; a few sets of calls each (filters). */
const kept = new WeakMap<(ms: number) => number, Map<string, DaySums[]>>();
const KEPT_PER_DAY = 4;
const KEPT_DAYS = 2000;

function keptDay(
  calls: readonly CallFacts[],
  bounds: string,
  hourOf: (ms: number) => number,
  now: number,
): DaySums {
  let byBounds = kept.get(hourOf);
  if (!byBounds) kept.set(hourOf, (byBounds = new Map<string, DaySums[]>()));
  const versions = byBounds.get(bounds) ?? [];
  const found = versions.find((v) => sameCalls(v.calls, calls));
  if (found) return found;
  const sums = sumDay(calls, now, hourOf);
  if (byBounds.size >= KEPT_DAYS) byBounds.clear();
  byBounds.set(bounds, [sums, ...versions.slice(0, KEPT_PER_DAY - 1)]);
  return sums;
}

/**
 * The calls of [from, to) by day (`dayStarts`), each day's sums kept or worked out, plus the calls
 * that depend on the moment summed afresh. The last entry holds calls before the first day (no day).
 */
function daysOf(
  calls: readonly CallFacts[],
  period: { from: number; to: number; now: number },
  dayStarts: readonly number[],
  hourOf: (ms: number) => number,
): DaySums[][] {
  const dayIndex = dayIndexIn(dayStarts);
  const n = dayStarts.length;
  const closed: CallFacts[][] = Array.from({ length: n + 1 }, () => []);
  const open: CallFacts[][] = Array.from({ length: n + 1 }, () => []);
  for (const c of calls) {
    if (c.startedAt < period.from || c.startedAt >= period.to) continue;
    const d = dayIndex(c.startedAt);
    (dependsOnNow(c) ? open : closed)[d < 0 ? n : d]!.push(c); // d is -1 … n-1
  }
  return closed.map((list, i) => {
    const end = dayStarts[i + 1] ?? period.to;
    const days = [
      i < n ? keptDay(list, `${dayStarts[i]}-${end}`, hourOf, period.now) : sumDay(list, period.now, hourOf),
    ];
    const live = open[i] ?? [];
    if (live.length > 0) days.push(sumDay(live, period.now, hourOf));
    return days;
  });
}

/**
 * The period's figures, the previous period's headline figures, and the series by hour and by day
 * (`hourOf` and `dayStarts` as for byHour and byDay). The calls may reach back into the previous period.
 * Equal to buildDashboard, byHour and byDay over the same calls; summed from the days' sums.
 */
export function periodFigures(
  calls: readonly CallFacts[],
  opts: DashboardOptions & { dayStarts: readonly number[]; hourOf: (ms: number) => number },
): PeriodFigures {
  const { dayStarts, hourOf, ...dash } = opts;
  const top = dash.top ?? 10;
  const overall = emptyAcc();
  const operators = new Map<string, Acc>();
  const hours = Array.from({ length: 24 }, emptySeries);
  const days = dayStarts.map(emptySeries);
  const operatorDays = new Map<string, number[]>();
  const topics = new Map<string, number>();
  const needs = new Map<string, number>();
  const articles = new Map<string, number>();
  const stale = new Map<string, number>();
  daysOf(calls, dash, dayStarts, hourOf).forEach((parts, d) => {
    for (const part of parts) {
      for (const [name, acc] of part.byOperator) {
        mergeAcc(overall, acc);
        let op = operators.get(name);
        if (!op) operators.set(name, (op = emptyAcc()));
        mergeAcc(op, acc);
        const day = days[d];
        if (!day) continue;
        mergeSeries(day, acc.f);
        let counts = operatorDays.get(name);
        if (!counts) operatorDays.set(name, (counts = dayStarts.map(() => 0)));
        counts[d] = (counts[d] ?? 0) + acc.f.calls;
      }
      part.hours.forEach((h, i) => mergeSeries(hours[i]!, h)); // both 24 long
      for (const [k, n] of part.topics) bump(topics, k, n);
      for (const [k, n] of part.needs) bump(needs, k, n);
      for (const [k, n] of part.articles) bump(articles, k, n);
      if (dash.articles && dash.articles.size > 0)
        part.useIds.forEach((id, i) => {
          const review = dash.articles?.get(id);
          if (review && isDueForReview(review, part.useAts[i]!)) bump(stale, id); // parallel arrays
        });
    }
  });
  // The previous period only needs its headline figures: its days are the period's, shifted back (any
  // split of it sums to the same figures, and this one meets the days kept when that period was shown).
  const before = previousPeriod(dash);
  const shift = dash.to - dash.from;
  const previous = emptyAcc();
  for (const parts of daysOf(
    calls,
    { ...before, now: dash.now },
    dayStarts.map((s) => s - shift),
    hourOf,
  ))
    for (const part of parts) for (const acc of part.byOperator.values()) mergeAcc(previous, acc);
  const named = [...operators]
    .map(([operatorName, acc]) => ({ operatorName, figures: finish(acc) }))
    .sort((a, b) => a.operatorName.localeCompare(b.operatorName));
  return {
    dashboard: {
      overall: finish(overall),
      operators: named,
      topTopics: rank(topics, top),
      topNeeds: rank(needs, top),
      topArticles: rank(articles, top),
      staleArticles: rank(stale, top),
    },
    previous: finish(previous),
    byHour: hours.map((f, at) => ({ at, figures: finishSeries(f) })),
    byDay: days.map((f, i) => ({ at: dayStarts[i] ?? 0, figures: finishSeries(f) })),
    operatorDays: named.map(({ operatorName }) => ({
      operatorName,
      calls: operatorDays.get(operatorName) ?? dayStarts.map(() => 0),
    })),
  };
}
