import { describe, expect, it } from 'vitest';
import { harness, toAnswer } from './helpers';

describe('a call that breaks off', () => {
  it('records who ended it and where, keeps what was captured, and offers a callback when the phone is known', () => {
    const h = harness(undefined, { callerPhone: '8 (343) 312-00-50' });
    toAnswer(h);
    h.session.send({ type: 'operator.capture', fieldId: 'need', value: 'справка о доходах' });
    h.clock.advance(5_000);
    h.session.send({ type: 'caller.hungUp' });
    const s = h.session.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.context.end).toEqual({
      reason: 'brokenOff',
      by: 'caller',
      at: h.clock.now(),
      stepId: 'answer',
      stage: 'resolution',
    });
    expect(s.context.fields).toMatchObject({ callerName: 'Ольга Ивановна', need: 'справка о доходах' });
    expect(s.context.offerCallback).toEqual({ phone: '+73433120050', question: 'справка о доходах' });
  });

  it('offers no callback when the phone is unknown', () => {
    const h = harness();
    h.session.send({ type: 'line.dropped' });
    expect(h.session.getSnapshot().context).toMatchObject({
      end: { reason: 'brokenOff', by: 'line', stage: 'greeting' },
      offerCallback: null,
    });
  });

  it('closes a running hold and stops its timer', () => {
    const h = harness(undefined, { callerPhone: '+79123456789' });
    toAnswer(h);
    h.session.send({ type: 'operator.hold', minutes: 2 });
    h.scheduler.advance(30_000);
    h.session.send({ type: 'line.dropped' });
    expect(h.session.getSnapshot().context.holds[0]).toMatchObject({ endedBy: 'brokenOff' });
    expect(h.scheduler.size).toBe(0);
  });

  it('is not a break-off when the caller hangs up after the farewell with an outcome', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.choose', optionId: 'resolved' });
    h.session.send({ type: 'caller.hungUp' });
    expect(h.session.getSnapshot().context.end).toMatchObject({ reason: 'farewell', by: 'caller' });
  });

  it('during a transfer marks the transfer failed, so it does not count', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({
      type: 'operator.transfer',
      target: { kind: 'department', id: 'reception' },
      summary: 'вопрос',
    });
    h.session.send({ type: 'caller.hungUp' });
    expect(h.session.getSnapshot().context.transfers[0]?.status).toBe('failed');
  });
});
