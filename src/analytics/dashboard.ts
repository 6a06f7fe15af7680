// The supervisor's figures for a period, overall and per operator (issue 6, STANDARD §5, §8). One pass
// over the calls' facts into accumulators; averages and shares are taken at the end.

import { isDueForReview } from '../kb/freshness';
import type { CallFacts, StageBucket } from './callFacts';
import { callbackState, type CallbackState } from './compliance';
import { COMPLIANCE_RULES, RECORD_RULES, type ComplianceRule } from './standardRules';
import { CALL_RESULTS, resultOf, type CallResult } from './result';

export interface Figures {
  calls: number;
  /** Calls whose conversation has ended (the base of handle-time averages). */
  ended: number;
  avgHandleMs: number | null;
  /** Average time per ended call spent in each stage (and on hold, being put through). */
  avgStageMs: Partial<Record<StageBucket, number>>;
  avgAfterCallMs: number | null;
  /** Calls by how they ended: an outcome, put through to a colleague, or none. */
  outcomes: Record<CallResult, number>;
  /** Calls resolved in this call with no transfer, among calls that reached an outcome (transfers too). */
  firstContact: { resolved: number; of: number; share: number | null };
  /** Calls by transfers counted against the cap (before this operator and own), and refused attempts. */
  transfers: {
    zero: number;
    one: number;
    two: number;
    refusedAttempts: number;
    perCall: number | null;
    /** Calls this operator put through (the calls behind `perCall`). */
    calls: number;
  };
  /** Hold episodes, those over their promise, and the calls with at least one over its promise. */
  holds: { count: number; overPromise: number; share: number | null; overtimeMs: number; calls: number };
  callbacks: { promised: number; keptOnTime: number; late: number; overdue: number; pending: number };
  satisfaction: { count: number; average: number | null; byScore: [number, number, number, number, number] };
  /** Calls with at least one compliance issue. */
  callsWithIssues: number;
  /** Calls that broke each rule of the standard's table: what to coach an operator on. */
  byRule: Record<ComplianceRule, number>;
}

export interface Ranked {
  key: string;
  count: number;
}

export interface ArticleReview {
  reviewed: string;
  reviewEveryDays: number;
}

export interface Dashboard {
  overall: Figures;
  operators: { operatorName: string; figures: Figures }[];
  topTopics: Ranked[];
  topNeeds: Ranked[];
  topArticles: Ranked[];
  /** Articles used while they were past their review date, most used first. */
  staleArticles: Ranked[];
}

export interface DashboardOptions {
  now: number;
  /** Calls that started in [from, to). */
  from: number;
  to: number;
  /** Review dates of the articles this workstation knows, by id, to tell stale ones. */
  articles?: ReadonlyMap<string, ArticleReview>;
  top?: number;
  /** Hears each call of the period with its share, to count it in more figures in the same pass. */
  onCall?: (c: CallFacts, share: CallShare) => void;
}

/** Figures being summed over calls, finished into Figures once every call is in. */
export interface Acc {
  f: Figures;
  handle: number;
  afterCall: number;
  afterCallN: number;
  stage: Partial<Record<StageBucket, number>>;
  transferTotal: number;
  satisfactionSum: number;
}

export function emptyAcc(): Acc {
  const outcomes = Object.fromEntries(CALL_RESULTS.map((o) => [o, 0])) as Record<CallResult, number>; // every key is set here
  return {
    f: {
      calls: 0,
      ended: 0,
      avgHandleMs: null,
      avgStageMs: {},
      avgAfterCallMs: null,
      outcomes,
      firstContact: { resolved: 0, of: 0, share: null },
      transfers: { zero: 0, one: 0, two: 0, refusedAttempts: 0, perCall: null, calls: 0 },
      holds: { count: 0, overPromise: 0, share: null, overtimeMs: 0, calls: 0 },
      callbacks: { promised: 0, keptOnTime: 0, late: 0, overdue: 0, pending: 0 },
      satisfaction: { count: 0, average: null, byScore: [0, 0, 0, 0, 0] },
      callsWithIssues: 0,
      byRule: Object.fromEntries(COMPLIANCE_RULES.map((r) => [r, 0])) as Record<ComplianceRule, number>, // every rule set here
    },
    handle: 0,
    afterCall: 0,
    afterCallN: 0,
    stage: {},
    transferTotal: 0,
    satisfactionSum: 0,
  };
}

/** What one call adds to every accumulator it counts in, worked out once per call. */
export interface CallShare {
  own: number;
  bucket: 'zero' | 'one' | 'two';
  holds: number;
  overPromise: number;
  overtimeMs: number;
  callback: CallbackState | null;
  /** The rules the call broke (the table's record rules). */
  broken: ComplianceRule[];
  result: CallResult;
  resolvedFirst: boolean;
  /** Time per stage of an ended call (none for a call still going on). */
  stages: [StageBucket, number][];
}

/** Transfers this operator made that did not fail (the ones counted against the cap). */
export function ownTransfers(c: Pick<CallFacts, 'transfers'>): number {
  let own = 0;
  for (const t of c.transfers) if (t.status !== 'failed') own++;
  return own;
}

/** Resolved in this call with no transfer: first-contact resolution's numerator. */
export function resolvedAtFirstContact(c: CallFacts, own = ownTransfers(c)): boolean {
  return c.outcome === 'resolved' && own === 0 && c.transfersBefore === 0;
}

/** Whether a hold of the call ran over its promise. */
export const hasHoldOverPromise = (c: Pick<CallFacts, 'holds'>): boolean =>
  c.holds.some((h) => h.overtimeMs > 0);

/**
 * Shares already worked out, by the call's facts (kept unchanged once made: a changed call gets new facts).
 * A share depends on `now` only through an open callback, so only those are worked out every time: the
 * dashboard asked again (another filter, another period) costs a lookup per call.
 */
const shares = new WeakMap<CallFacts, CallShare>();

/** A call whose figures depend on the moment they are asked at: its callback is still open. */
export const dependsOnNow = (c: CallFacts): boolean => c.callback !== null && c.callback.doneAt === null;

export function shareOf(c: CallFacts, now: number): CallShare {
  const open = dependsOnNow(c);
  const known = open ? undefined : shares.get(c);
  if (known) return known;
  const share = workOutShare(c, now);
  if (!open) shares.set(c, share);
  return share;
}

/** What one call adds to the figures at `now` (the server keeps it per call, at now 0: see call_figures). */
export function workOutShare(c: CallFacts, now: number): CallShare {
  const own = ownTransfers(c);
  const counted = Math.min(2, c.transfersBefore + own);
  let holds = 0;
  let overPromise = 0;
  let overtimeMs = 0;
  // An extension belongs to the hold it extended: a hold episode is over its promise once, at most.
  let episodeOver = false;
  for (const h of c.holds) {
    if (!h.extension) {
      holds++;
      episodeOver = false;
    }
    if (h.overtimeMs > 0 && !episodeOver) {
      overPromise++;
      episodeOver = true;
    }
    overtimeMs += h.overtimeMs;
  }
  return {
    own,
    bucket: counted === 0 ? 'zero' : counted === 1 ? 'one' : 'two',
    holds,
    overPromise,
    overtimeMs,
    callback: c.callback ? callbackState(c.callback, now) : null,
    broken: RECORD_RULES.filter((r) => r.breaches(c, now).length > 0).map((r) => r.code),
    result: resultOf(c),
    resolvedFirst: resolvedAtFirstContact(c, own),
    // Entries once per call: a for…in over each call's own record was the dashboard's slowest line.
    stages: c.handleMs === null ? [] : (Object.entries(c.stageMs) as [StageBucket, number][]), // keys are StageBuckets
  };
}

export function add(acc: Acc, c: CallFacts, p: CallShare): void {
  const f = acc.f;
  f.calls++;
  if (c.handleMs !== null) {
    f.ended++;
    acc.handle += c.handleMs;
    for (const [key, ms] of p.stages) acc.stage[key] = (acc.stage[key] ?? 0) + ms;
  }
  if (c.afterCallMs !== null) {
    acc.afterCall += c.afterCallMs;
    acc.afterCallN++;
  }
  f.outcomes[p.result]++;
  if (p.result !== 'none') {
    f.firstContact.of++;
    if (p.resolvedFirst) f.firstContact.resolved++;
  }
  f.transfers[p.bucket]++;
  f.transfers.refusedAttempts += c.refusedTransfers.length;
  acc.transferTotal += p.own;
  if (p.own > 0) f.transfers.calls++;
  f.holds.count += p.holds;
  f.holds.overPromise += p.overPromise;
  if (p.overPromise > 0) f.holds.calls++;
  f.holds.overtimeMs += p.overtimeMs;
  if (p.callback) {
    f.callbacks.promised++;
    f.callbacks[p.callback]++;
  }
  if (c.satisfaction !== null && c.satisfaction >= 1 && c.satisfaction <= 5) {
    f.satisfaction.count++;
    acc.satisfactionSum += c.satisfaction;
    f.satisfaction.byScore[Math.round(c.satisfaction) - 1]! += 1; // 1…5 checked above
  }
  if (p.broken.length > 0) f.callsWithIssues++;
  for (const rule of p.broken) f.byRule[rule]++;
}

/** The figures a series point carries (an hour, a day): what the trends draw, summed cheaply per call. */
export type SeriesFigures = Pick<Figures, 'calls' | 'firstContact' | 'holds'>;

export function emptySeries(): SeriesFigures {
  return {
    calls: 0,
    firstContact: { resolved: 0, of: 0, share: null },
    holds: { count: 0, overPromise: 0, share: null, overtimeMs: 0, calls: 0 },
  };
}

/** What `add` counts of these figures, on the same share. */
export function addToSeries(f: SeriesFigures, p: CallShare): void {
  f.calls++;
  if (p.result !== 'none') {
    f.firstContact.of++;
    if (p.resolvedFirst) f.firstContact.resolved++;
  }
  f.holds.count += p.holds;
  f.holds.overPromise += p.overPromise;
  if (p.overPromise > 0) f.holds.calls++;
  f.holds.overtimeMs += p.overtimeMs;
}

/** Adds one series' sums to another's (shares are taken by finishSeries). */
export function mergeSeries(into: SeriesFigures, from: SeriesFigures): void {
  into.calls += from.calls;
  into.firstContact.of += from.firstContact.of;
  into.firstContact.resolved += from.firstContact.resolved;
  into.holds.count += from.holds.count;
  into.holds.overPromise += from.holds.overPromise;
  into.holds.calls += from.holds.calls;
  into.holds.overtimeMs += from.holds.overtimeMs;
}

/**
 * Adds the sums of one accumulator to another's: the figures of two sets of calls summed apart, then
 * together, equal those summed in one pass (every sum is of whole numbers: counts, milliseconds, scores).
 */
export function mergeAcc(into: Acc, from: Acc): void {
  const a = into.f;
  const b = from.f;
  mergeSeries(a, b);
  a.ended += b.ended;
  for (const k of CALL_RESULTS) a.outcomes[k] += b.outcomes[k];
  a.transfers.zero += b.transfers.zero;
  a.transfers.one += b.transfers.one;
  a.transfers.two += b.transfers.two;
  a.transfers.refusedAttempts += b.transfers.refusedAttempts;
  a.transfers.calls += b.transfers.calls;
  for (const k of ['promised', 'keptOnTime', 'late', 'overdue', 'pending'] as const)
    a.callbacks[k] += b.callbacks[k];
  a.satisfaction.count += b.satisfaction.count;
  for (let i = 0; i < 5; i++) a.satisfaction.byScore[i]! += b.satisfaction.byScore[i]!; // five scores each
  a.callsWithIssues += b.callsWithIssues;
  for (const r of COMPLIANCE_RULES) a.byRule[r] += b.byRule[r];
  into.handle += from.handle;
  into.afterCall += from.afterCall;
  into.afterCallN += from.afterCallN;
  into.transferTotal += from.transferTotal;
  into.satisfactionSum += from.satisfactionSum;
  for (const k in from.stage) {
    const key = k as StageBucket; // the keys of a StageBucket record
    into.stage[key] = (into.stage[key] ?? 0) + (from.stage[key] ?? 0);
  }
}

export function finishSeries(f: SeriesFigures): SeriesFigures {
  f.firstContact.share = f.firstContact.of === 0 ? null : f.firstContact.resolved / f.firstContact.of;
  f.holds.share = f.holds.count === 0 ? null : f.holds.overPromise / f.holds.count;
  return f;
}

export function finish(acc: Acc): Figures {
  const f = acc.f;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  f.avgHandleMs = ratio(acc.handle, f.ended);
  f.avgAfterCallMs = ratio(acc.afterCall, acc.afterCallN);
  for (const [k, ms] of Object.entries(acc.stage) as [StageBucket, number][])
    // keys come from StageBucket
    f.avgStageMs[k] = ms / f.ended;
  f.firstContact.share = ratio(f.firstContact.resolved, f.firstContact.of);
  f.transfers.perCall = ratio(acc.transferTotal, f.calls);
  f.holds.share = ratio(f.holds.overPromise, f.holds.count);
  f.satisfaction.average = ratio(acc.satisfactionSum, f.satisfaction.count);
  return f;
}

/** The most frequent keys first, equal counts by key: one order for the browser and the server. */
export function rank(counts: Map<string, number>, top: number): Ranked[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, top);
}

export const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
export function buildDashboard(calls: Iterable<CallFacts>, opts: DashboardOptions): Dashboard {
  const top = opts.top ?? 10;
  const overall = emptyAcc();
  const byOperator = new Map<string, Acc>();
  const topics = new Map<string, number>();
  const needs = new Map<string, number>();
  const articles = new Map<string, number>();
  const stale = new Map<string, number>();
  for (const c of calls) {
    if (c.startedAt < opts.from || c.startedAt >= opts.to) continue;
    const share = shareOf(c, opts.now);
    add(overall, c, share);
    let op = byOperator.get(c.operatorName);
    if (!op) byOperator.set(c.operatorName, (op = emptyAcc()));
    add(op, c, share);
    opts.onCall?.(c, share);
    if (c.topic) bump(topics, c.topic);
    if (c.need) bump(needs, c.need);
    for (const id of c.articlesUsed.length < 2 ? c.articlesUsed : new Set(c.articlesUsed)) {
      bump(articles, id);
      const review = opts.articles?.get(id);
      if (review && isDueForReview(review, c.startedAt)) bump(stale, id);
    }
  }
  return {
    overall: finish(overall),
    operators: [...byOperator]
      .map(([operatorName, acc]) => ({ operatorName, figures: finish(acc) }))
      .sort((a, b) => a.operatorName.localeCompare(b.operatorName)),
    topTopics: rank(topics, top),
    topNeeds: rank(needs, top),
    topArticles: rank(articles, top),
    staleArticles: rank(stale, top),
  };
}
