import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { CALL_MACHINE_VERSION } from '../../src/calls/compile';
import { replayCall, stateFingerprint } from '../../src/calls/replay';
import { ManualScheduler } from '../../src/calls/scheduler';
import { holdRemainingMs } from '../../src/calls/select';
import { resumeCall, type PersistedCall } from '../../src/calls/session';
import { harness, toAnswer } from './helpers';

/** Through JSON and back, as the database would store it. */
const stored = (p: PersistedCall): PersistedCall => JSON.parse(JSON.stringify(p)) as PersistedCall;

describe('the call record', () => {
  it('has one timestamped entry per accepted event, naming flow id and version, and none for unavailable ones', () => {
    const h = harness();
    h.clock.advance(3_000);
    h.session.send({ type: 'operator.hold', minutes: 2 }); // not available in the greeting
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    h.clock.advance(2_000);
    h.session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    const log = h.session.log();
    expect(log.map((r) => [r.seq, r.event.type, r.at - log[0]!.at, r.flowId, r.flowVersion])).toEqual([
      [0, 'call.started', 0, 'tiny', 3],
      [1, 'operator.choose', 3_000, 'tiny', 3],
      [2, 'operator.capture', 5_000, 'tiny', 3],
    ]);
    expect(log[1]?.after).toEqual({ state: 'active.talking.who', stepId: 'who' });
  });

  it('records timer events at the moment they were due', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.hold', minutes: 1 });
    const startedAt = h.clock.now();
    h.scheduler.advance(120_000);
    const timers = h.session.log().filter((r) => r.event.type.startsWith('clock.'));
    expect(timers.map((r) => [r.event.type, r.at - startedAt])).toEqual([
      ['clock.holdWarning', 30_000],
      ['clock.holdExpired', 60_000],
    ]);
  });

  it('never runs time backwards in the log, even if the clock does', () => {
    const h = harness();
    h.clock.advance(10_000);
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    h.clock.advance(-60_000);
    h.session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    const [, a, b] = h.session.log();
    expect(b!.at).toBeGreaterThanOrEqual(a!.at);
  });
});

describe('replay and restore', () => {
  it('replaying the log through the same flow version reproduces the state exactly', () => {
    const h = harness(undefined, { callerPhone: '+79123456789' });
    toAnswer(h);
    h.session.send({ type: 'operator.hold', minutes: 1 });
    h.scheduler.advance(61_000);
    h.session.send({ type: 'operator.extendHold', minutes: 2 });
    h.scheduler.advance(10_000);
    const replayed = replayCall(h.flow, h.session.log());
    expect(replayed.ok && stateFingerprint(replayed.snapshot)).toBe(
      stateFingerprint(h.session.getSnapshot()),
    );
  });

  it('refuses to replay a log through another flow version', () => {
    const h = harness();
    const other = { ...h.flow, version: h.flow.version + 1 };
    expect(replayCall(other, h.session.log())).toEqual({ ok: false, error: 'flowMismatch' });
    expect(replayCall(h.flow, [])).toEqual({ ok: false, error: 'emptyLog' });
  });

  it('fails the replay of a log whose start the engine cannot take, throwing nothing then or later', async () => {
    const h = harness();
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    const [first, ...rest] = h.session.log();
    if (first?.event.type !== 'call.started') throw new Error('a log begins with its start');
    // As a forged upload could send it: a start naming no organisation.
    const { organisation: _, ...start } = first.event.start;
    const forged = [{ ...first, event: { ...first.event, start } }, ...rest] as typeof rest;
    expect(replayCall(h.flow, forged)).toEqual({ ok: false, error: 'notReplayable' });
    // XState reports an unobserved actor's error from a timer: vitest fails the run on such an error.
    await new Promise((r) => setTimeout(r, 10));
  });

  for (const via of ['snapshot', 'replay'] as const) {
    it(`restores a running hold via ${via}: the remaining time comes from stored timestamps`, () => {
      const h = harness();
      toAnswer(h);
      h.session.send({ type: 'operator.hold', minutes: 3 });
      h.scheduler.advance(40_000);
      const saved = stored(h.session.persist());
      if (via === 'replay') saved.machineVersion = CALL_MACHINE_VERSION - 1;
      const before = stateFingerprint(h.session.getSnapshot());
      h.session.stop();

      // The page was closed for 50 s; a new page with a new clock and scheduler picks the call up.
      const clock = new ManualClock(h.clock.now() + 50_000);
      const scheduler = new ManualScheduler(clock);
      const resumed = resumeCall({ flow: h.flow, clock, scheduler, stored: saved });
      expect(resumed.ok && resumed.from).toBe(via);
      if (!resumed.ok) return;
      const s = () => resumed.session.getSnapshot();
      expect(stateFingerprint(s())).toBe(before);
      expect(holdRemainingMs(s(), clock.now())).toBe(90_000);
      scheduler.advance(60_000);
      expect(s().hasTag('holdWarning')).toBe(true);
      scheduler.advance(30_000);
      expect(s().hasTag('holdExpired')).toBe(true);
      expect(resumed.session.log().at(-1)?.at).toBe(s().context.holds[0]!.deadline);
      // Back from the hold to the step the call was at before the reload.
      resumed.session.send({ type: 'operator.resume' });
      expect(s().value).toEqual({ active: { talking: 'answer' } });
    });
  }

  it('fires a hold that ran out while the page was closed at once, stamped with its deadline', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.hold', minutes: 1 });
    const saved = stored(h.session.persist());
    h.session.stop();
    const clock = new ManualClock(h.clock.now() + 10 * 60_000);
    const scheduler = new ManualScheduler(clock);
    const resumed = resumeCall({ flow: h.flow, clock, scheduler, stored: saved });
    if (!resumed.ok) throw new Error(resumed.error);
    scheduler.advance(0);
    const s = resumed.session.getSnapshot();
    expect(s.hasTag('holdExpired')).toBe(true);
    expect(s.context.holds[0]?.expiredAt).toBe(s.context.holds[0]?.deadline);
  });

  it('falls back to replay when the stored snapshot no longer fits, losing nothing', () => {
    const h = harness();
    toAnswer(h);
    const saved = stored(h.session.persist());
    saved.snapshot = { status: 'active', value: { nowhere: 'at-all' }, context: {} };
    const resumed = resumeCall({ flow: h.flow, clock: h.clock, scheduler: h.scheduler, stored: saved });
    expect(resumed.ok && resumed.from).toBe('replay');
    expect(resumed.ok && stateFingerprint(resumed.session.getSnapshot())).toBe(
      stateFingerprint(h.session.getSnapshot()),
    );
  });

  it('goes on recording after a restore, continuing the sequence', () => {
    const h = harness();
    toAnswer(h);
    const resumed = resumeCall({
      flow: h.flow,
      clock: h.clock,
      scheduler: h.scheduler,
      stored: stored(h.session.persist()),
    });
    if (!resumed.ok) throw new Error(resumed.error);
    resumed.session.send({ type: 'operator.choose', optionId: 'resolved' });
    const log = resumed.session.log();
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i));
    expect(replayCall(h.flow, log).ok).toBe(true);
  });
});
