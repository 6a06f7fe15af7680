// The dashboard's figures over time: the change against the previous period, and series by hour and day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallFacts } from '../../src/analytics';
import { buildDashboard, filterCalls } from '../../src/analytics';
import {
  byDay,
  byHour,
  callsBehind,
  changeOf,
  HEADLINES,
  headlineTiles,
  periodFigures,
  previousPeriod,
} from '../../src/analytics/trends';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 23 November 2026, 00:00 UTC: the fixture's days are UTC days. */
const MONDAY = Date.UTC(2026, 10, 23);
const NOW = MONDAY + 7 * DAY;

let n = 0;
function call(startedAt: number, more: Partial<CallFacts> = {}): CallFacts {
  return {
    callId: `c${++n}`,
    operatorName: 'Смирнова Е. В.',
    flowId: 'f',
    flowVersion: 1,
    direction: 'inbound',
    startedAt,
    endedAt: startedAt + 100_000,
    endReason: 'farewell',
    handleMs: 100_000,
    afterCallMs: null,
    stageMs: {},
    outcome: 'resolved',
    topic: null,
    need: null,
    articlesUsed: [],
    satisfaction: null,
    holds: [],
    transfersBefore: 0,
    transfers: [],
    refusedTransfers: [],
    callback: null,
    erased: false,
    greetingNamed: true,
    internalDayEnd: null,
    askedForMore: null,
    adherence: { greeting: true, identified: true, rephrased: true, farewell: true },
    ...more,
  };
}
const overHold = {
  promisedMinutes: 1,
  startedAt: 0,
  deadline: 60_000,
  endedAt: 90_000,
  extension: false,
  overtimeMs: 30_000,
};

describe('the change against the previous period', () => {
  it('is the period of the same length just before', () => {
    expect(previousPeriod({ from: MONDAY + 7 * DAY, to: MONDAY + 14 * DAY })).toEqual({
      from: MONDAY,
      to: MONDAY + 7 * DAY,
    });
  });

  it('says up or down and whether that is good, by what the standard wants of the figure', () => {
    expect(changeOf(0.5, 0.25, 'firstContact')).toEqual({ delta: 0.25, direction: 'up', good: true });
    expect(changeOf(3, 1, 'holdsOverPromise')).toEqual({ delta: 2, direction: 'up', good: false });
    expect(changeOf(60_000, 90_000, 'avgHandleMs')).toEqual({
      delta: -30_000,
      direction: 'down',
      good: true,
    });
    // More calls are neither good nor bad in themselves.
    expect(changeOf(10, 4, 'calls')).toEqual({ delta: 6, direction: 'up', good: null });
    expect(changeOf(1 / 3, 1 / 3 + 1e-12, 'firstContact')).toEqual({
      delta: 0,
      direction: 'same',
      good: null,
    });
    expect(changeOf(null, 0.5, 'firstContact')).toEqual({ delta: null, direction: null, good: null });
  });

  it('compares every headline figure of this week with last week, on the dashboard’s own bases', () => {
    const lastWeek = [
      call(MONDAY + 10 * HOUR, { outcome: 'callback' }),
      call(MONDAY + 11 * HOUR, { holds: [overHold] }),
    ];
    const thisWeek = [
      call(MONDAY + 7 * DAY + 10 * HOUR, { handleMs: 50_000, satisfaction: 5 }),
      call(MONDAY + 8 * DAY + 10 * HOUR, { outcome: 'callback', handleMs: 50_000 }),
      call(MONDAY + 9 * DAY + 10 * HOUR, { handleMs: 50_000 }),
    ];
    const tiles = headlineTiles([...lastWeek, ...thisWeek], {
      from: MONDAY + 7 * DAY,
      to: MONDAY + 14 * DAY,
      now: NOW,
    });
    const tile = (key: string) => tiles.find((t) => t.key === key);
    expect(tile('calls')).toMatchObject({ value: 3, previous: 2, change: { direction: 'up', good: null } });
    expect(tile('firstContact')).toMatchObject({
      value: 2 / 3,
      previous: 1 / 2,
      change: { direction: 'up', good: true },
    });
    expect(tile('holdsOverPromise')).toMatchObject({
      value: 0,
      previous: 1,
      change: { delta: -1, good: true },
    });
    expect(tile('avgHandleMs')).toMatchObject({ value: 50_000, previous: 100_000, change: { good: true } });
    // No rating last week: no change to speak of.
    expect(tile('satisfaction')).toMatchObject({ value: 5, previous: null, change: { direction: null } });
  });
});

describe('series over time', () => {
  const week = { from: MONDAY, to: MONDAY + 7 * DAY, now: NOW };
  const calls = [
    call(MONDAY + 9 * HOUR),
    call(MONDAY + 9 * HOUR + 59 * 60_000, { outcome: 'callback', holds: [overHold] }),
    call(MONDAY + DAY + 14 * HOUR),
    call(MONDAY + 8 * DAY + 9 * HOUR), // after the period
  ];

  it('counts calls and their figures by hour of day, every hour present', () => {
    const hours = byHour(calls, week, (ms) => new Date(ms).getUTCHours());
    expect(hours).toHaveLength(24);
    expect(hours.map((h) => h.figures.calls).filter((c) => c > 0)).toEqual([2, 1]);
    const nine = hours[9]!.figures; // 24 hours, index 9 exists
    expect(nine.calls).toBe(2);
    expect(nine.holds.overPromise).toBe(1);
    expect(nine.firstContact.share).toBe(1 / 2);
    expect(hours[14]!.figures.calls).toBe(1);
  });

  it('counts by day across the period, days without calls included', () => {
    const starts = Array.from({ length: 7 }, (_, d) => MONDAY + d * DAY);
    const days = byDay(calls, week, starts);
    expect(days.map((d) => d.at)).toEqual(starts);
    expect(days.map((d) => d.figures.calls)).toEqual([2, 1, 0, 0, 0, 0, 0]);
    expect(days[0]!.figures.holds.share).toBe(1);
    expect(days[2]!.figures.firstContact.share).toBeNull();
  });
});

describe('the calls behind a headline figure', () => {
  const period = { from: MONDAY, to: MONDAY + 7 * DAY, now: NOW };
  const at = (h: number) => MONDAY + h * HOUR;
  const calls = [
    call(at(1)),
    call(at(2), { outcome: 'callback', holds: [overHold, { ...overHold, extension: true }] }),
    call(at(3), { outcome: null, endReason: 'transferred', handleMs: null, satisfaction: 4 }),
    call(at(4), {
      transfers: [
        {
          at: at(4),
          targetKind: 'department',
          targetId: 'r',
          targetName: 'приёмная',
          summary: '',
          status: 'connected',
        },
      ],
      outcome: 'redirected',
    }),
    call(at(5), { transfersBefore: 1, satisfaction: 9 }),
    call(at(6), { callback: { deadline: NOW - HOUR, doneAt: null } }),
    call(at(7), { callback: { deadline: NOW + HOUR, doneAt: null } }),
    call(at(8), { callback: { deadline: NOW + HOUR, doneAt: NOW - DAY } }),
    call(at(9), { outcome: null, endReason: 'brokenOff', handleMs: null }),
  ];
  const listed = calls.map((facts) => ({ facts, callerName: null, callerPhone: null }));
  const figures = buildDashboard(calls, period).overall;

  it('are exactly the calls the list shows when the tile is opened, for every tile', () => {
    for (const key of HEADLINES) {
      const shown = filterCalls(listed, { behind: key }, NOW);
      expect(shown.length, key).toBe(callsBehind(key, figures));
    }
    // Spot checks that the two agree on the right calls, not only on a count.
    expect(filterCalls(listed, { behind: 'holdsOverPromise' }, NOW).map((c) => c.facts.startedAt)).toEqual([
      at(2),
    ]);
    expect(filterCalls(listed, { behind: 'callbacksOverdue' }, NOW).map((c) => c.facts.startedAt)).toEqual([
      at(6),
    ]);
    expect(callsBehind('firstContact', figures)).toBe(4);
    expect(callsBehind('satisfaction', figures)).toBe(1); // a 9 out of 5 is not a rating
  });

  it('combine with the other filters', () => {
    const shown = filterCalls(listed, { behind: 'calls', outcome: 'callback' }, NOW);
    expect(shown.map((c) => c.facts.startedAt)).toEqual([at(2)]);
  });
});

describe('a period’s figures for the dashboard', () => {
  it('has the period, the previous period, the series and each operator’s calls by day', () => {
    const ivanov = 'Иванов П. С.';
    const calls = [
      call(MONDAY + 10 * HOUR), // last week
      call(MONDAY + 7 * DAY + 10 * HOUR),
      call(MONDAY + 7 * DAY + 11 * HOUR, { operatorName: ivanov }),
      call(MONDAY + 9 * DAY + 10 * HOUR, { operatorName: ivanov }),
    ];
    const starts = Array.from({ length: 7 }, (_, d) => MONDAY + (7 + d) * DAY);
    const p = periodFigures(calls, {
      from: MONDAY + 7 * DAY,
      to: MONDAY + 14 * DAY,
      now: NOW,
      dayStarts: starts,
      hourOf: (ms) => new Date(ms).getUTCHours(),
    });
    expect(p.dashboard.overall.calls).toBe(3);
    expect(p.previous.calls).toBe(1);
    expect(p.byHour[10]!.figures.calls).toBe(2);
    expect(p.byDay.map((d) => d.figures.calls)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    // The one-pass series agree with the series taken on their own.
    const hourOf = (ms: number) => new Date(ms).getUTCHours();
    const period = { from: MONDAY + 7 * DAY, to: MONDAY + 14 * DAY, now: NOW };
    expect(p.byHour).toEqual(byHour(calls, period, hourOf));
    expect(p.byDay).toEqual(byDay(calls, period, starts));
    expect(p.operatorDays).toEqual([
      { operatorName: ivanov, calls: [1, 0, 1, 0, 0, 0, 0] },
      { operatorName: 'Смирнова Е. В.', calls: [1, 0, 0, 0, 0, 0, 0] },
    ]);
  });
});

describe('a period’s figures summed from its days', () => {
  const hourOf = (ms: number) => new Date(ms).getUTCHours();
  const operators = ['Смирнова Е. В.', 'Иванов П. С.', 'Петрова А. А.'];
  const arbCall = fc
    .record({
      at: fc.integer({ min: 0, max: 28 * DAY - 1 }),
      operator: fc.constantFrom(...operators),
      outcome: fc.constantFrom('resolved', 'byDate', 'callback', null),
      handleMs: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
      greeting: fc.integer({ min: 0, max: 60_000 }),
      satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      over: fc.boolean(),
      transfers: fc.integer({ min: 0, max: 2 }),
      topic: fc.option(fc.constantFrom('справки', 'пособия'), { nil: null }),
      articles: fc.array(fc.constantFrom('a1', 'a2', 'a3'), { maxLength: 3 }),
      callback: fc.constantFrom('none', 'open', 'done'),
    })
    .map((r) =>
      call(MONDAY + r.at, {
        operatorName: r.operator,
        outcome: r.outcome as CallFacts['outcome'],
        handleMs: r.handleMs,
        stageMs: r.handleMs === null ? {} : { greeting: r.greeting, resolution: r.handleMs },
        satisfaction: r.satisfaction,
        holds: r.over ? [overHold] : [],
        transfersBefore: r.transfers,
        topic: r.topic,
        articlesUsed: r.articles,
        callback:
          r.callback === 'none'
            ? null
            : { deadline: MONDAY + r.at + DAY, doneAt: r.callback === 'done' ? MONDAY + r.at + HOUR : null },
      }),
    );
  const articles = new Map([
    ['a1', { reviewed: '2026-11-01', reviewEveryDays: 30 }],
    ['a2', { reviewed: '2026-01-01', reviewEveryDays: 30 }],
  ]);

  /** The figures worked out call by call, as buildDashboard, byHour and byDay do. */
  function oneByOne(calls: CallFacts[], from: number, to: number, now: number, starts: number[]) {
    const period = { from, to, now };
    const dashboard = buildDashboard(calls, { ...period, articles });
    const inPeriod = calls.filter((c) => c.startedAt >= from && c.startedAt < to);
    return {
      dashboard,
      previous: buildDashboard(calls, { ...period, ...previousPeriod(period) }).overall,
      byHour: byHour(calls, period, hourOf),
      byDay: byDay(calls, period, starts),
      operatorDays: dashboard.operators.map(({ operatorName }) => ({
        operatorName,
        calls: starts.map(
          (s, i) =>
            inPeriod.filter(
              (c) =>
                c.operatorName === operatorName && c.startedAt >= s && c.startedAt < (starts[i + 1] ?? to),
            ).length,
        ),
      })),
    };
  }

  it('equal the figures worked out call by call, however the period and filter switch', () => {
    fc.assert(
      fc.property(
        fc.array(arbCall, { maxLength: 60 }),
        fc.array(
          fc.record({
            first: fc.integer({ min: 0, max: 27 }),
            days: fc.integer({ min: 1, max: 14 }),
            operator: fc.option(fc.constantFrom(...operators), { nil: undefined }),
            now: fc.integer({ min: 0, max: 40 * DAY }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (calls, asks) => {
          for (const ask of asks) {
            const from = MONDAY + ask.first * DAY;
            const to = from + ask.days * DAY;
            const starts = Array.from({ length: ask.days }, (_, d) => from + d * DAY);
            const shown = filterCalls(
              calls.map((facts) => ({ facts, callerName: null, callerPhone: null })),
              ask.operator ? { operator: ask.operator } : {},
              MONDAY + ask.now,
            ).map((c) => c.facts);
            const now = MONDAY + ask.now;
            const p = periodFigures(shown, { from, to, now, articles, dayStarts: starts, hourOf });
            expect(p).toEqual(oneByOne(shown, from, to, now, starts));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
