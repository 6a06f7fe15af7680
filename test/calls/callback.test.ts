import { describe, expect, it } from 'vitest';
import { callbackPresets } from '../../src/calls/callbackTimes';
import { renderedLine } from '../../src/calls/select';
import { harness, loadFlow, ORG, toAnswer, TUESDAY_1030 } from './helpers';

const HOUR = 3_600_000;

function talking(callerPhone?: string) {
  const h = harness(undefined, callerPhone === undefined ? {} : { callerPhone });
  toAnswer(h);
  return h;
}

describe('callback promise', () => {
  it('produces a callback task with a normalised phone, the deadline and the question', () => {
    const h = talking();
    h.session.send({ type: 'operator.capture', fieldId: 'need', value: 'как получить справку' });
    const r = h.session.send({
      type: 'operator.callback',
      phone: '8 912 345 67 89',
      deadline: TUESDAY_1030 + 2 * HOUR,
    });
    expect(r.notice).toBeNull();
    const s = h.session.getSnapshot();
    expect(s.context.callback).toMatchObject({
      phone: '+79123456789',
      deadline: TUESDAY_1030 + 2 * HOUR,
      question: 'как получить справку',
      callerName: 'Ольга Ивановна',
      organisationId: ORG.id,
      createdAt: TUESDAY_1030,
    });
    expect(s.context.outcome?.kind).toBe('callback');
    expect(s.hasTag('farewell')).toBe(true);
  });

  it('says the deadline and number in the farewell as spoken forms', () => {
    const h = talking('+79123456789');
    const endOfDay = callbackPresets(TUESDAY_1030, ORG).find((p) => p.id === 'endOfDay')!.deadlineMs;
    h.session.send({ type: 'operator.callback', deadline: endOfDay, question: 'справка' });
    expect(renderedLine(h.flow, h.session.getSnapshot(), h.clock.now())).toMatchObject({
      text: expect.stringContaining('до 18:00 сегодня по номеру +7 (912) 345-67-89'),
    });
  });

  it.each([
    [
      'an invalid phone',
      { phone: '12-34', deadline: TUESDAY_1030 + HOUR, question: 'q' },
      'callbackPhoneInvalid',
    ],
    ['no phone at all', { deadline: TUESDAY_1030 + HOUR, question: 'q' }, 'callbackPhoneInvalid'],
    [
      'a deadline in the past',
      { phone: '+79123456789', deadline: TUESDAY_1030 - 1, question: 'q' },
      'callbackDeadlinePast',
    ],
    [
      'a deadline at night',
      { phone: '+79123456789', deadline: TUESDAY_1030 + 14 * HOUR, question: 'q' },
      'callbackOutsideHours',
    ],
    ['no question', { phone: '+79123456789', deadline: TUESDAY_1030 + HOUR }, 'callbackQuestionMissing'],
  ])('refuses %s and keeps the call going', (_name, event, code) => {
    const h = talking();
    expect(h.session.send({ type: 'operator.callback', ...event }).notice?.code).toBe(code);
    expect(h.session.getSnapshot().context.callback).toBeNull();
    expect(h.session.getSnapshot().hasTag('talking')).toBe(true);
  });

  it('allows a time outside working hours when the operator says the caller agreed', () => {
    const h = talking('+79123456789');
    const r = h.session.send({
      type: 'operator.callback',
      deadline: TUESDAY_1030 + 14 * HOUR,
      question: 'q',
      outsideHours: true,
    });
    expect(r.notice).toBeNull();
    expect(h.session.getSnapshot().context.callback?.outsideHours).toBe(true);
  });

  it('can be promised from an expired hold, closing the hold', () => {
    const h = talking('+79123456789');
    h.session.send({ type: 'operator.hold', minutes: 1 });
    h.scheduler.advance(60_000);
    h.session.send({ type: 'operator.callback', deadline: TUESDAY_1030 + HOUR, question: 'q' });
    const ctx = h.session.getSnapshot().context;
    expect(ctx.holds[0]).toMatchObject({ endedBy: 'callback' });
    expect(ctx.callback).not.toBeNull();
    expect(h.scheduler.size).toBe(0);
  });

  function toCallbackOffer() {
    const h = harness(loadFlow('inbound-consultation.json'));
    const send = h.session.send;
    send({ type: 'operator.choose', optionId: 'continue' });
    send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    send({ type: 'operator.choose', optionId: 'known' });
    send({ type: 'operator.capture', fieldId: 'need', value: 'сроки' });
    send({ type: 'operator.choose', optionId: 'clear' });
    send({ type: 'operator.choose', optionId: 'yes' });
    send({ type: 'operator.choose', optionId: 'later' });
    return h;
  }

  it('at a step written for the callback, one promise settles it and moves the call on', () => {
    const h = toCallbackOffer();
    const send = h.session.send;
    expect(send({ type: 'operator.choose', optionId: 'agreed' }).notice?.code).toBe('requiredFieldsMissing');
    send({ type: 'operator.capture', fieldId: 'callerPhone', value: '+7 912 345-67-89' });
    expect(send({ type: 'operator.choose', optionId: 'agreed' }).notice?.code).toBe('outcomeNeedsCallback');
    expect(send({ type: 'operator.callback', deadline: TUESDAY_1030 + HOUR }).notice).toBeNull();
    const s = h.session.getSnapshot();
    expect(s.context.stepId).toBe('anything-else');
    expect(s.context.visited.slice(-2)).toEqual(['callback-offer', 'anything-else']);
    expect(s.context.callback).toMatchObject({ phone: '+79123456789', question: 'сроки' });
    expect(s.context.outcome?.kind).toBe('callback');
    send({ type: 'operator.choose', optionId: 'done' });
    expect(h.session.getSnapshot().context.stepId).toBe('farewell-callback');
  });

  it('at a step written for the callback with its fields still empty, promises it and stays there', () => {
    const h = toCallbackOffer();
    const send = h.session.send;
    send({ type: 'operator.callback', deadline: TUESDAY_1030 + HOUR, phone: '+7 912 345-67-89' });
    expect(h.session.getSnapshot().context.stepId).toBe('callback-offer');
    expect(h.session.getSnapshot().context.callback).not.toBeNull();
    send({ type: 'operator.capture', fieldId: 'callerPhone', value: '+7 912 345-67-89' });
    send({ type: 'operator.choose', optionId: 'agreed' });
    expect(h.session.getSnapshot().context.stepId).toBe('anything-else');
  });

  it('when the callback option leads to a farewell, the promise goes straight to the callback farewell', () => {
    const h = harness(loadFlow('outbound-callback.json'), { callerPhone: '+79123456789' });
    const send = h.session.send;
    send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    send({ type: 'operator.choose', optionId: 'not-now' });
    expect(h.session.getSnapshot().context.stepId).toBe('reschedule');
    send({ type: 'operator.callback', deadline: TUESDAY_1030 + HOUR, question: 'сроки' });
    const s = h.session.getSnapshot();
    expect(s.hasTag('farewell')).toBe(true);
    expect(s.context.stepId).toBe('farewell-callback');
    expect(renderedLine(h.flow, s, h.clock.now())).toMatchObject({
      text: 'Ольга Ивановна, перезвоню вам до 11:30 сегодня. Спасибо, до свидания!',
    });
  });
});
