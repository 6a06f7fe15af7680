import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { replayCall, stateFingerprint } from '../../src/calls/replay';
import { ManualScheduler } from '../../src/calls/scheduler';
import { resumeCall, type PersistedCall } from '../../src/calls/session';
import { callbackPresets } from '../../src/calls/callbackTimes';
import { harness, ORG, toAnswer, TUESDAY_1030, type Harness } from './helpers';

const HOUR = 3_600_000;
const stored = (p: PersistedCall): PersistedCall => JSON.parse(JSON.stringify(p)) as PersistedCall;
const inOneHour = () => callbackPresets(TUESDAY_1030, ORG).find((p) => p.id === 'inOneHour')!.deadlineMs;

/** Resumed after a reload, through the stored snapshot or, without one, by replaying the log. */
function reload(h: Harness, via: 'snapshot' | 'replay') {
  const saved = stored(h.session.persist());
  if (via === 'replay') saved.snapshot = null;
  h.session.stop();
  const clock = new ManualClock(h.clock.now() + 60_000);
  const resumed = resumeCall({ flow: h.flow, clock, scheduler: new ManualScheduler(clock), stored: saved });
  if (!resumed.ok) throw new Error(resumed.error);
  expect(resumed.from).toBe(via);
  return resumed.session;
}

function brokenOff(callerPhone?: string): Harness {
  const h = harness(undefined, callerPhone === undefined ? {} : { callerPhone });
  toAnswer(h);
  h.session.send({ type: 'operator.capture', fieldId: 'need', value: 'справка о доходах' });
  h.clock.advance(5_000);
  h.session.send({ type: 'line.dropped' });
  h.clock.advance(10_000);
  return h;
}

describe('a callback promised after the call broke off', () => {
  it('is recorded after the end and becomes the call’s callback task with the phone, name and question', () => {
    const h = brokenOff('8 (343) 312-00-50');
    const r = h.session.send({ type: 'operator.callback', deadline: inOneHour() });
    expect(r).toEqual({ accepted: true, notice: null });
    const s = h.session.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.context.callback).toMatchObject({
      id: 'call-1:callback',
      callId: 'call-1',
      phone: '+73433120050',
      question: 'справка о доходах',
      callerName: 'Ольга Ивановна',
      deadline: inOneHour(),
      createdAt: h.clock.now(),
    });
    expect(s.context.outcome?.kind).toBe('callback');
    expect(s.context.offerCallback).toBeNull();
    expect(h.session.annotations().lateCallback).toEqual(s.context.callback);
    const last = h.session.log().at(-1)!;
    expect(last.event.type).toBe('operator.callback');
    expect(last.after.state).toBe('ended');
  });

  it('takes the phone, question and name the operator typed when the call had none', () => {
    const h = brokenOff();
    const before = h.session.log().length;
    const refused = h.session.send({ type: 'operator.callback', deadline: inOneHour() });
    expect(refused.accepted).toBe(false);
    expect(refused.notice?.code).toBe('callbackPhoneInvalid');
    expect(h.session.log()).toHaveLength(before);
    const r = h.session.send({
      type: 'operator.callback',
      phone: '+7 (912) 345-67-89',
      deadline: inOneHour(),
      question: 'пенсия',
      callerName: 'Ольга Петровна',
    });
    expect(r.accepted).toBe(true);
    expect(h.session.getSnapshot().context.callback).toMatchObject({
      phone: '+79123456789',
      question: 'пенсия',
      callerName: 'Ольга Петровна',
    });
  });

  it('is refused outside working hours unless agreed, and is made at most once', () => {
    const h = brokenOff('+79123456789');
    const night = h.session.send({ type: 'operator.callback', deadline: TUESDAY_1030 + 14 * HOUR });
    expect(night.notice?.code).toBe('callbackOutsideHours');
    expect(h.session.send({ type: 'operator.callback', deadline: inOneHour() }).accepted).toBe(true);
    expect(h.session.send({ type: 'operator.callback', deadline: inOneHour() + HOUR }).accepted).toBe(false);
    expect(h.session.getSnapshot().context.callback?.deadline).toBe(inOneHour());
  });

  it('is not taken after a call that ended with its farewell, nor any other event after the end', () => {
    const h = harness(undefined, { callerPhone: '+79123456789' });
    toAnswer(h);
    h.session.send({ type: 'operator.choose', optionId: 'resolved' });
    h.session.send({ type: 'operator.finish' });
    const length = h.session.log().length;
    expect(h.session.send({ type: 'operator.callback', deadline: inOneHour() }).accepted).toBe(false);
    expect(h.session.send({ type: 'operator.capture', fieldId: 'need', value: 'x' }).accepted).toBe(false);
    expect(h.session.log()).toHaveLength(length);
    expect(h.session.getSnapshot().context.callback).toBeNull();
  });

  it('survives a reload and a replay of the stored log', () => {
    for (const via of ['snapshot', 'replay'] as const) {
      const h = brokenOff('+79123456789');
      h.session.send({ type: 'operator.callback', deadline: inOneHour() });
      const expected = stateFingerprint(h.session.getSnapshot());
      const replayed = replayCall(h.flow, h.session.log());
      expect(replayed.ok && stateFingerprint(replayed.snapshot)).toBe(expected);
      const resumed = reload(h, via);
      expect(stateFingerprint(resumed.getSnapshot())).toBe(expected);
      expect(resumed.annotations().lateCallback?.phone).toBe('+79123456789');
    }
  });
});

describe('notes on the caller', () => {
  it('records care flags and the client kind without moving the call', () => {
    const h = harness();
    toAnswer(h);
    const before = h.session.getSnapshot();
    expect(h.session.send({ type: 'operator.careFlags', flags: ['hearing', 'elderly'] }).accepted).toBe(true);
    expect(h.session.send({ type: 'operator.personKind', person: 'business' }).accepted).toBe(true);
    expect(h.session.annotations()).toMatchObject({ care: ['elderly', 'hearing'], person: 'business' });
    expect(stateFingerprint(h.session.getSnapshot())).toBe(stateFingerprint(before));
    expect(
      h.session
        .log()
        .slice(-2)
        .map((r) => [r.event.type, r.after.stepId]),
    ).toEqual([
      ['operator.careFlags', 'answer'],
      ['operator.personKind', 'answer'],
    ]);
    // Unticking is a new, complete set.
    h.session.send({ type: 'operator.careFlags', flags: ['elderly'] });
    expect(h.session.annotations().care).toEqual(['elderly']);
  });

  it('ignores malformed notes from a script or a tampered log', () => {
    const h = harness();
    const bad = [
      { type: 'operator.careFlags', flags: 'elderly' },
      { type: 'operator.personKind', person: 'alien' },
    ] as const;
    // Cast: deliberately malformed, as an imported record could carry.
    for (const e of bad) expect(h.session.send(e as never).accepted).toBe(false);
    h.session.send({ type: 'operator.careFlags', flags: ['elderly', 'unknown' as never, 'elderly'] });
    expect(h.session.annotations()).toEqual({ care: ['elderly'], person: null, lateCallback: null });
  });

  it('are restored by a reload mid-call, and can still be changed in the wrap-up after the end', () => {
    for (const via of ['snapshot', 'replay'] as const) {
      const h = harness();
      toAnswer(h);
      h.session.send({ type: 'operator.careFlags', flags: ['littleRussian'] });
      h.session.send({ type: 'operator.personKind', person: 'business' });
      const resumed = reload(h, via);
      expect(resumed.annotations()).toMatchObject({ care: ['littleRussian'], person: 'business' });
      expect(resumed.getSnapshot().context.stepId).toBe('answer');
      resumed.send({ type: 'caller.hungUp' });
      expect(resumed.send({ type: 'operator.careFlags', flags: ['lowDigital'] }).accepted).toBe(true);
      const replayed = replayCall(h.flow, resumed.log());
      expect(replayed.ok && replayed.snapshot.status).toBe('done');
    }
  });
});
