import { describe, expect, it } from 'vitest';
import { availableActions, holdExpiredChoices, holdRemainingMs, renderedLine } from '../../src/calls/select';
import { harness, loadFlow, toAnswer } from './helpers';

function onHold(minutes = 2) {
  const h = harness();
  toAnswer(h);
  expect(h.session.send({ type: 'operator.hold', minutes }).accepted).toBe(true);
  return h;
}

describe('hold with a promised time', () => {
  it('counts the promise down on the clock', () => {
    const h = onHold(2);
    const s = () => h.session.getSnapshot();
    expect(holdRemainingMs(s(), h.clock.now())).toBe(120_000);
    h.scheduler.advance(45_000);
    expect(holdRemainingMs(s(), h.clock.now())).toBe(75_000);
  });

  it('warns holdWarningSeconds before the promise runs out, not earlier', () => {
    const h = onHold(2);
    h.scheduler.advance(89_000);
    expect(h.session.getSnapshot().hasTag('holdWarning')).toBe(false);
    h.scheduler.advance(1_000);
    expect(h.session.getSnapshot().hasTag('holdWarning')).toBe(true);
  });

  it('at expiry prompts a return with thanks and three ways on: answer, more time, callback', () => {
    const h = onHold(1);
    h.scheduler.advance(60_000);
    const s = h.session.getSnapshot();
    expect(s.hasTag('holdExpired')).toBe(true);
    expect(renderedLine(h.flow, s, h.clock.now())).toEqual({ kind: 'ready', text: 'Спасибо за ожидание!' });
    const choices = holdExpiredChoices(s);
    expect(choices?.answer).toMatch(/^Спасибо за ожидание!/);
    expect(choices?.moreTime).toMatch(/ещё немного времени/);
    expect(choices?.callback).toMatch(/перезвонить/);
  });

  it('lets the operator ask for more time once; the extension is a new promise with its own countdown', () => {
    const h = onHold(1);
    h.scheduler.advance(60_000);
    expect(h.session.send({ type: 'operator.extendHold', minutes: 3 }).notice).toBeNull();
    const s = h.session.getSnapshot();
    expect(s.hasTag('holdExpired')).toBe(false);
    expect(holdRemainingMs(s, h.clock.now())).toBe(180_000);
    h.scheduler.advance(180_000);
    expect(holdExpiredChoices(h.session.getSnapshot())?.moreTime).toBeNull();
    expect(availableActions(h.flow, h.session.getSnapshot()).extendHold).toBe(false);
    expect(h.session.send({ type: 'operator.extendHold', minutes: 1 }).notice?.code).toBe(
      'holdAlreadyExtended',
    );
    expect(h.session.getSnapshot().context.holds).toHaveLength(2);
  });

  it('records time on hold against each promise, overrun included', () => {
    const h = onHold(1);
    h.scheduler.advance(60_000);
    h.session.send({ type: 'operator.extendHold', minutes: 2 });
    h.scheduler.advance(150_000);
    h.session.send({ type: 'operator.resume' });
    const holds = h.session.getSnapshot().context.holds;
    expect(holds.map((x) => [x.promisedMinutes, x.endedAt! - x.startedAt, x.endedBy, x.extension])).toEqual([
      [1, 60_000, 'extended', false],
      [2, 150_000, 'resumed', true],
    ]);
    expect(holds[1]!.endedAt! - holds[1]!.deadline).toBe(30_000);
  });

  it('returns to the step the call was at, and a new hold after that may be extended again', () => {
    const h = onHold(1);
    h.session.send({ type: 'operator.extendHold', minutes: 1 });
    h.session.send({ type: 'operator.resume' });
    expect(h.session.getSnapshot().context.stepId).toBe('answer');
    expect(h.session.getSnapshot().hasTag('talking')).toBe(true);
    h.session.send({ type: 'operator.hold', minutes: 1 });
    expect(h.session.send({ type: 'operator.extendHold', minutes: 1 }).notice).toBeNull();
  });

  it('refuses a promise outside the flow range and never leaves a timer behind', () => {
    const h = harness();
    toAnswer(h);
    expect(h.session.send({ type: 'operator.hold', minutes: 60 }).notice?.code).toBe('holdOutOfRange');
    expect(h.session.getSnapshot().hasTag('onHold')).toBe(false);
    h.session.send({ type: 'operator.hold', minutes: 1 });
    h.session.send({ type: 'operator.resume' });
    expect(h.scheduler.size).toBe(0);
  });

  it('fills the promised duration into the flow line with the right plural form', () => {
    const h = harness(loadFlow('inbound-consultation.json'));
    const send = h.session.send;
    send({ type: 'operator.choose', optionId: 'continue' });
    send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    send({ type: 'operator.choose', optionId: 'known' });
    send({ type: 'operator.capture', fieldId: 'need', value: 'сроки ответа' });
    send({ type: 'operator.choose', optionId: 'clear' });
    send({ type: 'operator.choose', optionId: 'yes' });
    send({ type: 'operator.choose', optionId: 'lookup' });
    expect(renderedLine(h.flow, h.session.getSnapshot(), h.clock.now())).toEqual({
      kind: 'missing',
      missing: ['hold.duration'],
    });
    send({ type: 'operator.hold', minutes: 3 });
    send({ type: 'operator.resume' });
    expect(renderedLine(h.flow, h.session.getSnapshot(), h.clock.now())).toMatchObject({
      text: expect.stringContaining('через 3 минуты'),
    });
  });
});
