// The live board's rows at a moment: holds about to run over their promise come first (one already over
// before one still within it), then the calls in the board's order; the countdowns run on the server's
// time; the callbacks are split into overdue and due within the hour.
import { describe, expect, it } from 'vitest';
import { lineOrder } from '../../src/analytics/line';
import type { CentreCallback } from '../../src/protocol';
import type { Board } from '../../src/services/supervision/lineFeed';
import { lineRows } from '../../src/supervisor/centre/lineView';

const T = Date.UTC(2026, 11, 7, 9, 0, 0);
const MIN = 60_000;

type LineCall = Board['calls'][number];
function call(id: string, startedAt: number, over: Partial<LineCall> = {}): LineCall {
  return {
    callId: id,
    personId: `p-${id}`,
    operatorName: `Оператор ${id}`,
    startedAt,
    stage: 'needs',
    stageSince: startedAt,
    hold: null,
    transferring: false,
    lastAt: startedAt,
    ...over,
  };
}
const hold = (deadline: number, promisedMinutes = 2) => ({
  promisedMinutes,
  startedAt: deadline - promisedMinutes * MIN,
  deadline,
  extension: false,
});

function board(calls: LineCall[], serverTime = T): Board {
  return {
    serverTime,
    signedIn: [],
    calls,
    today: { calls: 0 },
    todayFrom: T - 9 * 60 * MIN,
    callbacks: null,
    stuckOutboxes: [],
  };
}

describe('the line in order', () => {
  it('puts the holds soonest over their promise first, then the other calls longest first', () => {
    const calls = [
      call('short', T - 1 * MIN),
      call('holdLater', T - 3 * MIN, { hold: hold(T + 5 * MIN) }),
      call('long', T - 20 * MIN),
      call('holdOver', T - 2 * MIN, { hold: hold(T - 10_000) }),
      call('holdSoon', T - 9 * MIN, { hold: hold(T + 30_000) }),
    ];
    expect(lineOrder(calls).map((c) => c.callId)).toEqual([
      'holdOver',
      'holdSoon',
      'holdLater',
      'long',
      'short',
    ]);
  });

  it('counts each hold down against its promise and says, in words, which ran over or is about to', () => {
    const rows = lineRows(
      board([
        call('holdLater', T - 3 * MIN, { hold: hold(T + 5 * MIN) }),
        call('holdOver', T - 2 * MIN, { hold: hold(T - 10_000) }),
        call('holdSoon', T - 9 * MIN, { hold: hold(T + 30_000) }),
      ]),
      null,
      T,
      T,
    );
    expect(rows.holds.map((h) => [h.callId, h.urgency, h.leftMs])).toEqual([
      ['holdOver', 'over', -10_000],
      ['holdSoon', 'soon', 30_000],
      ['holdLater', 'within', 5 * MIN],
    ]);
  });

  it("runs on the server's time: a page clock two minutes off changes nothing, the seconds since the reading do", () => {
    const line = board([call('a', T - 5 * MIN, { stageSince: T - MIN, hold: hold(T + MIN) })]);
    const pageAhead = T + 2 * MIN;
    // Read when the page's clock said pageAhead; ten seconds later by the same clock.
    const rows = lineRows(line, null, pageAhead + 10_000, pageAhead);
    expect(rows.holds[0]?.leftMs).toBe(MIN - 10_000);
    expect(rows.calls[0]).toMatchObject({ onCallMs: 5 * MIN + 10_000, inStageMs: MIN + 10_000 });
  });

  it('lists the transfers under way, and the callbacks overdue and due within the hour, soonest first', () => {
    const cb = (id: string, deadline: number): CentreCallback => ({
      id,
      callId: `call-${id}`,
      phone: '+79123456789',
      question: 'вопрос',
      callerName: null,
      appealNumber: null,
      deadline: new Date(deadline).toISOString(),
      outsideHours: false,
      promisedAt: new Date(T - 60 * MIN).toISOString(),
      claim: null,
    });
    const rows = lineRows(
      board([call('a', T - MIN), call('b', T - 2 * MIN, { transferring: true, stage: 'transfer' })]),
      [
        cb('later', T + 2 * 60 * MIN),
        cb('soon', T + 50 * MIN),
        cb('late', T - 5 * MIN),
        cb('first', T + 10 * MIN),
      ],
      T,
      T,
    );
    expect(rows.transfers.map((c) => c.callId)).toEqual(['b']);
    expect(rows.callbacks?.overdue.map((c) => c.id)).toEqual(['late']);
    expect(rows.callbacks?.nextHour.map((c) => c.id)).toEqual(['first', 'soon']);
  });
});
