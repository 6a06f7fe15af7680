// Browser half of the analytics bench: 100,000 synthetic call logs shaped like the engine's (the tiny
// inbound flow's states, holds, transfers, callbacks), reduced to facts, then the dashboard and the list.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  analyzeCall,
  buildDashboard,
  filterCalls,
  periodFigures,
  sortCalls,
  type CallFacts,
  type CallFilter,
  type CallSummary,
  type PeriodFigures,
} from '../../../src/analytics';
import type { CallRecordEvent } from '../../../src/calls/record';
import { emptyStep } from '../../../src/flows/edit';
import type { CallEvent } from '../../../src/calls/events';
import type { FlowDefinition, Stage } from '../../../src/flows/types';
import { markCallsChanged } from '../../../src/db/callsRepository';
import { AppDB } from '../../../src/db/db';
import { DashboardPage } from '../../../src/supervisor/dashboard/DashboardPage';
import { localDayStarts, localHour } from '../../../src/supervisor/format';
import { watchInWorker, type SupervisedCallsFeed } from '../../../src/supervisor/supervisedCallsClient';
import { benchCalls, finishedRow } from './benchCalls';
import { bulkStore } from './storageBench';

const STEPS: [string, Stage][] = [
  ['hello', 'greeting'],
  ['who', 'identification'],
  ['need', 'needs'],
  ['check', 'understanding'],
  ['answer', 'resolution'],
  ['bye', 'farewell'],
];
const FLOW = {
  id: 'bench',
  version: 1,
  title: 'bench',
  description: '',
  direction: 'inbound',
  client: 'external',
  topics: [],
  start: 'hello',
  steps: STEPS.map(([id, stage]) => emptyStep(id, stage)),
  phrases: [],
  limits: {
    maxTransfers: 2,
    holdPresetsMinutes: [1, 2],
    holdMinMinutes: 1,
    holdMaxMinutes: 10,
    holdWarningSeconds: 30,
  },
} satisfies FlowDefinition;

/** A small deterministic generator, so every run measures the same calls. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const OPERATORS = Array.from({ length: 40 }, (_, i) => `Оператор ${i + 1}`);
const TOPICS = ['справки', 'пособия', 'госуслуги', 'связь', 'обращения', 'ТВ', 'ЕСИА'];
const OUTCOMES = ['resolved', 'byDate', 'noDate', 'impossible', 'redirected', 'callback'] as const;

export function generate(count: number, from: number): { row: CallSummary; log: CallRecordEvent[] }[] {
  const r = rng(42);
  const out: { row: CallSummary; log: CallRecordEvent[] }[] = [];
  for (let i = 0; i < count; i++) {
    const id = `call-${i}`;
    const startedAt = from + Math.floor(r() * 30 * 86_400_000);
    let at = startedAt;
    const log: CallRecordEvent[] = [];
    const push = (event: CallEvent | null, state: string, stepId: string) =>
      log.push({
        seq: log.length,
        at,
        callId: id,
        flowId: 'bench',
        flowVersion: 1,
        event: event ?? { type: 'call.started', at, start: {} as never }, // the start's content is never read here
        after: { state, stepId },
      });
    push(null, 'active.talking.hello', 'hello');
    for (const [stepId] of STEPS.slice(1, 5)) {
      at += 5_000 + Math.floor(r() * 40_000);
      if (stepId === 'need')
        push(
          { type: 'operator.capture', at, fieldId: 'callerName', value: 'Анна' },
          'active.talking.who',
          'who',
        );
      push({ type: 'operator.choose', at, optionId: 'go' }, `active.talking.${stepId}`, stepId);
    }
    if (r() < 0.3) {
      at += 10_000;
      push({ type: 'operator.hold', at, minutes: 2 }, 'active.onHold.counting', 'answer');
      at += 60_000 + Math.floor(r() * 120_000);
      push({ type: 'operator.resume', at }, 'active.talking.answer', 'answer');
    }
    if (r() < 0.1) {
      at += 10_000;
      push(
        { type: 'operator.transfer', at, target: { kind: 'department', id: 'reception' }, summary: 'вопрос' },
        'active.transferring',
        'answer',
      );
      at += 10_000;
      push({ type: 'transfer.connected', at }, 'ended', 'answer');
    } else {
      at += 20_000 + Math.floor(r() * 60_000);
      push({ type: 'operator.choose', at, optionId: 'resolved' }, 'active.farewell', 'bye');
      at += 5_000;
      push({ type: 'operator.finish', at }, 'ended', 'bye');
    }
    const ended = log.at(-1)?.event.type === 'operator.finish';
    out.push({
      log,
      row: {
        id,
        flowId: 'bench',
        flowVersion: 1,
        direction: 'inbound',
        startedAt,
        endedAt: at,
        finishedAt: at + 30_000,
        outcome: ended ? (OUTCOMES[Math.floor(r() * OUTCOMES.length)] ?? null) : null,
        topic: TOPICS[Math.floor(r() * TOPICS.length)] ?? null,
        articlesUsed: r() < 0.5 ? [`a${Math.floor(r() * 200)}`] : [],
        satisfaction: r() < 0.4 ? 1 + Math.floor(r() * 5) : null,
        afterCallMs: 30_000,
        operatorName: OPERATORS[Math.floor(r() * OPERATORS.length)] ?? '',
        transfersBefore: r() < 0.05 ? 2 : 0,
      },
    });
  }
  return out;
}

const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
};

export const analyticsBench = {
  store: (count: number) => analyticsStoredBench.store(count),
  openStored: (count: number) => analyticsStoredBench.open(count),
  openAgain: (count: number) => analyticsStoredBench.openAgain(count),
  openFirst: (count: number) => analyticsStoredBench.openFirst(count),
  storeFigures: (count: number) => analyticsStoredBench.storeFigures(count),
  run(count: number) {
    const from = Date.UTC(2026, 9, 1);
    const [calls, generateMs] = time(() => generate(count, from));
    const [facts, analyzeMs] = time(() => calls.map((c) => analyzeCall(c.row, c.log, FLOW, null)));
    const opts = { now: from + 31 * 86_400_000, from, to: from + 31 * 86_400_000 };
    const dashMs: number[] = [];
    for (let i = 0; i < 5; i++) dashMs.push(time(() => buildDashboard(facts, opts))[1]);
    // What the worker answers the page with since issue 21: the period, the one before, hours and days.
    const figuresMs: number[] = [];
    const dayStarts = localDayStarts(opts.from, opts.to);
    for (let i = 0; i < 3; i++)
      figuresMs.push(time(() => periodFigures(facts, { ...opts, dayStarts, hourOf: localHour }))[1]);
    const listed = facts.map((f: CallFacts) => ({
      facts: f,
      callerName: 'Анна',
      callerPhone: '+79120000000',
    }));
    const [, filterMs] = time(() => filterCalls(listed, { operator: 'Оператор 3', search: 'анн' }, opts.now));
    const [, sortMs] = time(() => sortCalls(listed, 'handleMs', true, opts.now));
    return {
      generateMs,
      analyzeMs,
      dashMs: dashMs.sort((a, b) => a - b),
      figuresMs: figuresMs.sort((a, b) => a - b),
      filterMs,
      sortMs,
      events: calls.reduce((s, c) => s + c.log.length, 0),
    };
  },
};

/** Largest gap between animation frames while `work` runs: how long the page was frozen at worst. */
async function frameGaps<T>(work: () => Promise<T>): Promise<[T, number]> {
  let worst = 0;
  let last = performance.now();
  let running = true;
  const tick = (t: number) => {
    worst = Math.max(worst, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    return [await work(), worst];
  } finally {
    running = false;
  }
}

const DAY = 86_400_000;

/**
 * Watches a period in the app's own worker, as the workspace does: the dashboard is asked for at once
 * (it comes first), the list arrives packed and is unpacked between frames. Resolves once both are in.
 */
function openPeriod(dbName: string, from: number, to: number, now: number) {
  const t0 = performance.now();
  return new Promise<{ callsMs: number; dashboardMs: number; calls: number; dashboardCalls: number }>(
    (resolve, reject) => {
      let calls: { ms: number; count: number } | null = null;
      let dashboard: { ms: number; count: number } | null = null;
      const settle = () => {
        if (!calls || !dashboard) return;
        feed?.stop();
        resolve({
          callsMs: calls.ms,
          dashboardMs: dashboard.ms,
          calls: calls.count,
          dashboardCalls: dashboard.count,
        });
      };
      const feed = watchInWorker(
        dbName,
        { from, to },
        (list) => {
          if (calls) return;
          calls = { ms: performance.now() - t0, count: list.length };
          settle();
        },
        () => reject(new Error('worker failed')),
      );
      if (!feed) return reject(new Error('no worker'));
      void feed.dashboard({ filter: {}, now, from, to, articles: new Map() }).then((d) => {
        dashboard = { ms: performance.now() - t0, count: d?.dashboard.overall.calls ?? -1 };
        settle();
      });
    },
  );
}

/**
 * Waits until the opening before has packed every month (it packs after handing the calls over, without
 * making anyone wait), so the next opening finds the packs. Calls marked changed since stay marked.
 */
async function packsSettled(db: AppDB): Promise<{ months: number; packs: number; markers: number }> {
  const first = (await db.calls.orderBy('startedAt').first())?.startedAt ?? 0;
  const last = (await db.calls.orderBy('startedAt').last())?.startedAt ?? 0;
  let months = 0;
  for (
    let d = new Date(first);
    d.getTime() <= last;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  )
    months++;
  for (let i = 0; i < 600; i++) {
    const [keys, markers] = await Promise.all([
      db.callPacks.toCollection().primaryKeys(),
      db.callChanges.count(),
    ]);
    // A month is packed once both its sides are written (one transaction writes them).
    const packs = new Set(keys.map(([month]) => month)).size;
    if (packs >= months) return { months, packs, markers };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the months were not packed within a minute');
}

const STORED_FROM = Date.UTC(2026, 0, 12);
// One call every ~30 s around the clock puts 100,000 calls inside five weeks.
const SPACING = 30_000;
const storedName = (count: number) => `bench-analytics-stored-${count}`;

const analyticsStoredBench = {
  /** Lays down `count` realistic calls in the app's schema, for `open` in a fresh page. */
  async store(count: number) {
    const name = storedName(count);
    await new AppDB(name).delete();
    const db = new AppDB(name);
    const t0 = performance.now();
    await bulkStore(db, count, { from: STORED_FROM, spacingMs: SPACING });
    const storeMs = performance.now() - t0;
    db.close();
    return { storeMs };
  },

  /** Summary rows and kept figures only: all a dashboard reads once the figures are kept. */
  async storeFigures(count: number) {
    const name = storedName(count);
    await new AppDB(name).delete();
    const db = new AppDB(name);
    const t0 = performance.now();
    await bulkStore(db, count, { from: STORED_FROM, spacingMs: SPACING, logs: false, facts: true });
    const storeMs = performance.now() - t0;
    db.close();
    return { storeMs };
  },

  /**
   * From IndexedDB to the dashboard, as the supervisor workspace does it, in a page that has not
   * written the calls (its own heap): a month's period watched in the app's worker (cold: the
   * worker's first read reduces every log; reopen: the workspace opened again; oneMoreCall: a call
   * stored meanwhile), with the page's longest frame during each.
   */
  async open(count: number) {
    const name = storedName(count);
    const db = new AppDB(name);
    const to = STORED_FROM + Math.ceil((count * SPACING * 1.6) / DAY) * DAY;
    const now = to;
    // The same watch over a page doing nothing: what the machine itself costs the frames.
    const [, idleGap] = await frameGaps(() => new Promise((r) => setTimeout(r, 2000)));
    const [cold, coldGap] = await frameGaps(() => openPeriod(name, STORED_FROM, to, now));
    const [warm, warmGap] = await frameGaps(() => openPeriod(name, STORED_FROM, to, now));
    const [extra] = benchCalls(1, STORED_FROM, SPACING, count);
    if (!extra) throw new Error('no extra call');
    // Stored as the app stores a call: the row marked changed in the same transaction.
    await db.transaction('rw', [db.calls, db.callEvents, db.callChanges], async () => {
      await db.calls.put(finishedRow(extra));
      await db.callEvents.bulkPut(extra.events.map((e) => e.record));
      await markCallsChanged(db, [extra.row.id]);
    });
    const [changed, changedGap] = await frameGaps(() => openPeriod(name, STORED_FROM, to, now));
    db.close();
    return { idleGap, cold, coldGap, warm, warmGap, changed, changedGap };
  },

  /**
   * The first opening of calls stored without packs (an import, a database of schema 2): each month is
   * read from its rows and kept figures, then packed. Waits until the packs are written.
   */
  async openFirst(count: number) {
    const name = storedName(count);
    const db = new AppDB(name);
    const to = STORED_FROM + Math.ceil((count * SPACING * 1.6) / DAY) * DAY;
    const [first, gap] = await frameGaps(() => openPeriod(name, STORED_FROM, to, to));
    const packed = await packsSettled(db);
    db.close();
    return { first, gap, ...packed };
  },

  /**
   * The workspace opened again in a new page (a new worker, nothing in memory): the months packed by an
   * earlier opening are read instead of rows and figures. The database is deleted afterwards.
   */
  async openAgain(count: number) {
    const name = storedName(count);
    const db = new AppDB(name);
    const to = STORED_FROM + Math.ceil((count * SPACING * 1.6) / DAY) * DAY;
    // The earlier opening packs without waiting: let that write finish first.
    await db.open();
    const packed = await packsSettled(db);
    const [again, gap] = await frameGaps(() => openPeriod(name, STORED_FROM, to, to));
    const [redraw, redrawGap] = await frameGaps(() => redraws(name, STORED_FROM, to));
    await db.delete();
    return { again, gap, ...packed, redraw, redrawGap };
  },
};

/**
 * Switching the filter, then the period, with the workspace open on `from`–`to` (the worker holds the
 * calls): the time from asking to the new figures drawn on the page (the worker's answer, then
 * «Показатели» rendered with them). Sorted, so the median and worst can be read off.
 */
async function redraws(dbName: string, from: number, to: number) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const drawMs: number[] = [];
  const draw = (figures: PeriodFigures) => {
    const t0 = performance.now();
    flushSync(() =>
      root.render(
        createElement(DashboardPage, {
          figures,
          articleTitle: (id: string) => id,
          periodText: '',
          onOpenBehind: () => {},
          onOpenOperator: () => {},
        }),
      ),
    );
    drawMs.push(performance.now() - t0);
  };
  const watch = (a: number, b: number) =>
    new Promise<SupervisedCallsFeed>((resolve, reject) => {
      const feed = watchInWorker(
        dbName,
        { from: a, to: b },
        () => resolve(feed as SupervisedCallsFeed),
        () => reject(new Error('worker failed')),
      );
      if (!feed) reject(new Error('no worker'));
    });
  const ask = async (feed: SupervisedCallsFeed, a: number, b: number, filter: CallFilter) => {
    const t0 = performance.now();
    const figures = await feed.dashboard({ filter, now: to, from: a, to: b, articles: new Map() });
    if (!figures) throw new Error('no figures');
    draw(figures);
    return { ms: performance.now() - t0, figures };
  };
  const whole = await watch(from, to);
  const first = await ask(whole, from, to, {});
  const operators = first.figures.dashboard.operators.slice(0, 4).map((o) => o.operatorName);
  const filterMs: number[] = [];
  for (const operator of operators) filterMs.push((await ask(whole, from, to, { operator })).ms);
  filterMs.push((await ask(whole, from, to, { behind: 'firstContact' })).ms);
  filterMs.push((await ask(whole, from, to, {})).ms);
  whole.stop();
  // The period switched as the picker does: a new watch over months the worker already holds, the
  // figures asked for at once (they come before the list). Each switch starts once the list of the one
  // before has arrived, as a person picks a date after looking at the page, not while the worker is still
  // handing over the previous period's calls.
  const periodMs: number[] = [];
  const week = to - 7 * DAY;
  for (const [a, b] of [
    [week, to],
    [from, to],
    [from + 7 * DAY, to - 7 * DAY],
    [from, to],
  ] as const) {
    const t0 = performance.now();
    let listed: () => void = () => {};
    const list = new Promise<void>((resolve) => (listed = resolve));
    const feed = watchInWorker(
      dbName,
      { from: a, to: b },
      () => listed(),
      () => {},
    );
    if (!feed) throw new Error('no worker');
    const figures = await feed.dashboard({ filter: {}, now: to, from: a, to: b, articles: new Map() });
    if (!figures) throw new Error('no figures');
    draw(figures);
    periodMs.push(performance.now() - t0);
    await list;
    feed.stop();
  }
  root.unmount();
  host.remove();
  return {
    calls: first.figures.dashboard.overall.calls,
    filterMs: filterMs.sort((a, b) => a - b),
    periodMs: periodMs.sort((a, b) => a - b),
    drawMs: drawMs.sort((a, b) => a - b),
  };
}
