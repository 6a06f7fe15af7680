// The supervisor's figures for a period, overall and per operator (issue 6, STANDARD §5, §8). One pass
// over the calls' facts into accumulators; averages and shares are taken at the end.

import { OUTCOMES, type Outcome } from '../flows/types';
import { isDueForReview } from '../kb/freshness';
import type { CallFacts, StageBucket } from './callFacts';
import { callbackState, complianceIssues } from './compliance';

export interface Figures {
  calls: number;
  /** Calls whose conversation has ended (the base of handle-time averages). */
  ended: number;
  avgHandleMs: number | null;
  /** Average time per ended call spent in each stage (and on hold, being put through). */
  avgStageMs: Partial<Record<StageBucket, number>>;
  avgAfterCallMs: number | null;
  outcomes: Record<Outcome | 'none', number>;
  /** Calls resolved in this call with no transfer, among calls that reached an outcome. */
  firstContact: { resolved: number; of: number; share: number | null };
  /** Calls by transfers counted against the cap (before this operator and own), and refused attempts. */
  transfers: { zero: number; one: number; two: number; refusedAttempts: number; perCall: number | null };
  holds: { count: number; overPromise: number; share: number | null; overtimeMs: number };
  callbacks: { promised: number; keptOnTime: number; late: number; overdue: number; pending: number };
  satisfaction: { count: number; average: number | null; byScore: [number, number, number, number, number] };
  /** Calls with at least one compliance issue. */
  callsWithIssues: number;
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
}

interface Acc {
  f: Figures;
  handle: number;
  afterCall: number;
  afterCallN: number;
  stage: Partial<Record<StageBucket, number>>;
  transferTotal: number;
  satisfactionSum: number;
}

function emptyAcc(): Acc {
  const outcomes = Object.fromEntries([...OUTCOMES, 'none'].map((o) => [o, 0])) as Record<
    Outcome | 'none',
    number
  >; // every key is set on the line above
  return {
    f: {
      calls: 0,
      ended: 0,
      avgHandleMs: null,
      avgStageMs: {},
      avgAfterCallMs: null,
      outcomes,
      firstContact: { resolved: 0, of: 0, share: null },
      transfers: { zero: 0, one: 0, two: 0, refusedAttempts: 0, perCall: null },
      holds: { count: 0, overPromise: 0, share: null, overtimeMs: 0 },
      callbacks: { promised: 0, keptOnTime: 0, late: 0, overdue: 0, pending: 0 },
      satisfaction: { count: 0, average: null, byScore: [0, 0, 0, 0, 0] },
      callsWithIssues: 0,
    },
    handle: 0,
    afterCall: 0,
    afterCallN: 0,
    stage: {},
    transferTotal: 0,
    satisfactionSum: 0,
  };
}

function add(acc: Acc, c: CallFacts, now: number, hasIssues: boolean): void {
  const f = acc.f;
  f.calls++;
  if (c.handleMs !== null) {
    f.ended++;
    acc.handle += c.handleMs;
    for (const [k, ms] of Object.entries(c.stageMs) as [StageBucket, number][])
      // keys come from StageBucket
      acc.stage[k] = (acc.stage[k] ?? 0) + ms;
  }
  if (c.afterCallMs !== null) {
    acc.afterCall += c.afterCallMs;
    acc.afterCallN++;
  }
  f.outcomes[c.outcome ?? 'none']++;
  const own = c.transfers.filter((t) => t.status !== 'failed').length;
  if (c.outcome !== null) {
    f.firstContact.of++;
    if (c.outcome === 'resolved' && own === 0 && c.transfersBefore === 0) f.firstContact.resolved++;
  }
  const counted = Math.min(2, c.transfersBefore + own);
  f.transfers[counted === 0 ? 'zero' : counted === 1 ? 'one' : 'two']++;
  f.transfers.refusedAttempts += c.refusedTransfers.length;
  acc.transferTotal += own;
  for (const h of c.holds) {
    if (h.extension) continue; // an extension belongs to the hold it extended
    f.holds.count++;
  }
  const over = new Set<number>();
  let episode = -1;
  for (const h of c.holds) {
    if (!h.extension) episode++;
    if (h.overtimeMs > 0) over.add(episode);
    f.holds.overtimeMs += h.overtimeMs;
  }
  f.holds.overPromise += over.size;
  if (c.callback) {
    f.callbacks.promised++;
    f.callbacks[callbackState(c.callback, now)]++;
  }
  if (c.satisfaction !== null && c.satisfaction >= 1 && c.satisfaction <= 5) {
    f.satisfaction.count++;
    acc.satisfactionSum += c.satisfaction;
    f.satisfaction.byScore[Math.round(c.satisfaction) - 1]! += 1; // 1…5 checked above
  }
  if (hasIssues) f.callsWithIssues++;
}

function finish(acc: Acc): Figures {
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

function rank(counts: Map<string, number>, top: number): Ranked[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, top);
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
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
    const hasIssues = complianceIssues(c, opts.now).length > 0;
    add(overall, c, opts.now, hasIssues);
    let op = byOperator.get(c.operatorName);
    if (!op) byOperator.set(c.operatorName, (op = emptyAcc()));
    add(op, c, opts.now, hasIssues);
    if (c.topic) bump(topics, c.topic);
    if (c.need) bump(needs, c.need);
    for (const id of new Set(c.articlesUsed)) {
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
