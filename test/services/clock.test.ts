import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { ReplayGate } from '../../src/calls/replayGate';
import { startCall } from '../../src/calls/session';
import { systemClock, timeoutScheduler } from '../../src/services/clock';
import { flowFrom, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../calls/helpers';

afterEach(() => vi.useRealTimers());

describe('timers against a real setTimeout', () => {
  it("fires a hold warning and expiry on time with the app's clock and scheduler", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(TUESDAY_1030);
    const session = startCall({
      flow: flowFrom(TINY_FLOW),
      clock: systemClock,
      scheduler: timeoutScheduler(systemClock),
      start: { callId: 'c', organisation: ORG, operator: OPERATOR, transfersBefore: 0 },
    });
    session.send({ type: 'operator.choose', optionId: 'go' });
    session.send({ type: 'operator.hold', minutes: 1 });
    vi.advanceTimersByTime(29_999);
    expect(session.getSnapshot().hasTag('holdWarning')).toBe(false);
    vi.advanceTimersByTime(1);
    expect(session.getSnapshot().hasTag('holdWarning')).toBe(true);
    vi.advanceTimersByTime(30_000);
    expect(session.getSnapshot().hasTag('holdExpired')).toBe(true);
    session.stop();
  });

  it('holds timers back while closed and arms the ones still wanted on release', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = new ManualClock(1_000);
    const gate = new ReplayGate(timeoutScheduler(clock));
    const fired: string[] = [];
    gate.at(500, () => fired.push('past'));
    const cancel = gate.at(2_000, () => fired.push('cancelled'));
    gate.at(3_000, () => fired.push('future'));
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
    gate.release();
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['past']);
    vi.advanceTimersByTime(2_000);
    expect(fired).toEqual(['past', 'future']);
  });
});
