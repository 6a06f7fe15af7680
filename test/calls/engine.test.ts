import { describe, expect, it } from 'vitest';
import { availableActions, renderedLine, stageStrip } from '../../src/calls/select';
import { murmanskSport } from '../../src/calls/samples/murmanskSport';
import { harness, loadFlow, toAnswer, TUESDAY_1030 } from './helpers';

const now = (h: ReturnType<typeof harness>) => h.clock.now();
const line = (h: ReturnType<typeof harness>) => renderedLine(h.flow, h.session.getSnapshot(), now(h));

describe('greeting', () => {
  it('greets by the time of day in the organisation time zone, naming operator and organisation', () => {
    const h = harness();
    expect(line(h)).toEqual({
      kind: 'ready',
      text: 'Доброе утро! Минцифры Свердловской области, консультант Смирнова Елена Викторовна. Слушаю вас.',
    });
  });

  it('uses the organisation clock, not UTC: 14:30 UTC is evening in Yekaterinburg, still day in Moscow time', () => {
    const at = Date.UTC(2026, 10, 24, 14, 30);
    expect(line(harness(undefined, { at }))).toMatchObject({ text: expect.stringMatching(/^Добрый вечер!/) });
    expect(line(harness(undefined, { at, org: murmanskSport }))).toMatchObject({
      text: expect.stringMatching(/^Добрый день!/),
    });
  });

  it('keeps a flow greeting that already greets by time of day', () => {
    const h = harness(loadFlow('inbound-consultation.json'));
    const l = line(h);
    expect(l?.kind).toBe('ready');
    expect(l?.kind === 'ready' && l.text.match(/Доброе утро/g)?.length).toBe(1);
  });

  it('offers no hold, transfer, callback or ending during the greeting, and all of them after it', () => {
    const h = harness();
    const during = availableActions(h.flow, h.session.getSnapshot());
    expect([during.hold, during.transfer, during.callback, during.end]).toEqual([false, false, false, false]);
    expect(h.session.send({ type: 'operator.hold', minutes: 2 }).accepted).toBe(false);
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    const after = availableActions(h.flow, h.session.getSnapshot());
    expect([after.hold, after.transfer, after.callback, after.end]).toEqual([true, true, true, true]);
    expect(h.session.send({ type: 'operator.hold', minutes: 2 }).accepted).toBe(true);
  });
});

describe('steps and captured fields', () => {
  it('will not leave a step until its required fields are captured, and says which', () => {
    const h = harness();
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    const r = h.session.send({ type: 'operator.choose', optionId: 'go' });
    expect(r.notice).toMatchObject({ code: 'requiredFieldsMissing', params: { fields: ['callerName'] } });
    expect(h.session.getSnapshot().context.stepId).toBe('who');
  });

  it('stores a valid phone normalised and keeps an invalid one out of the caller card', () => {
    const h = harness();
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    h.session.send({ type: 'operator.capture', fieldId: 'callerPhone', value: '8 (343) 312-00-50' });
    expect(h.session.getSnapshot().context.fields.callerPhone).toBe('+73433120050');
    const bad = h.session.send({ type: 'operator.capture', fieldId: 'callerPhone', value: '12345' });
    expect(bad.notice?.code).toBe('fieldInvalid');
    const ctx = h.session.getSnapshot().context;
    expect(ctx.fields.callerPhone).toBe('+73433120050');
    expect(ctx.fieldErrors.callerPhone).toBeDefined();
  });

  it('fills lines from captured fields and lists what is missing instead of half a sentence', () => {
    const h = harness();
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    h.session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    h.session.send({ type: 'operator.choose', optionId: 'go' });
    expect(line(h)).toEqual({ kind: 'ready', text: 'Ольга Ивановна, слушаю ваш вопрос.' });
  });

  it('marks stages done and current on the stage strip', () => {
    const h = harness();
    toAnswer(h);
    expect(stageStrip(h.flow, h.session.getSnapshot()).map((m) => m.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
      'todo',
    ]);
  });
});

describe('outcome and farewell', () => {
  it('requires the date for "will be resolved by a date" and says it in the farewell', () => {
    const h = harness();
    toAnswer(h);
    expect(h.session.send({ type: 'operator.choose', optionId: 'by-date' }).notice?.code).toBe(
      'outcomeDateMissing',
    );
    h.session.send({
      type: 'operator.choose',
      optionId: 'by-date',
      details: { date: TUESDAY_1030 + 7 * 86_400_000 },
    });
    const s = h.session.getSnapshot();
    expect(s.context.outcome).toMatchObject({ kind: 'byDate' });
    expect(s.hasTag('farewell')).toBe(true);
    expect(line(h)).toEqual({
      kind: 'ready',
      text: 'Ваш вопрос будет решён до 1 декабря. Спасибо за звонок, Ольга Ивановна!',
    });
  });

  it('refuses "cannot be resolved" without reason and way forward, and "redirected" without the body', () => {
    const h = harness();
    toAnswer(h);
    expect(
      h.session.send({ type: 'operator.end', outcome: 'impossible', reason: 'нет оснований' }).notice?.code,
    ).toBe('outcomeReasonMissing');
    expect(h.session.send({ type: 'operator.end', outcome: 'redirected' }).notice?.code).toBe(
      'outcomeBodyMissing',
    );
    h.session.send({ type: 'operator.end', outcome: 'redirected', body: 'Социальный фонд России' });
    expect(h.session.getSnapshot().context.outcome).toMatchObject({
      kind: 'redirected',
      body: 'Социальный фонд России',
    });
  });

  it('picks the farewell written for the outcome in a flow that has one per outcome', () => {
    const h = harness(loadFlow('inbound-consultation.json'));
    h.session.send({ type: 'operator.choose', optionId: 'continue' });
    h.session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    h.session.send({ type: 'operator.choose', optionId: 'known' });
    h.session.send({ type: 'operator.end', outcome: 'resolved' });
    expect(h.session.getSnapshot().context.stepId).toBe('farewell-resolved');
    expect(line(h)).toEqual({
      kind: 'ready',
      text: 'Ольга Ивановна, ваш вопрос решён. Спасибо за звонок, всего доброго!',
    });
  });

  it('ends only with an outcome: finishing a farewell reached without one is refused', () => {
    const flow = loadFlow('inbound-consultation.json');
    const h = harness(flow);
    h.session.send({ type: 'operator.choose', optionId: 'continue' });
    h.session.send({ type: 'operator.end', outcome: 'noDate' });
    expect(h.session.send({ type: 'operator.finish' }).accepted).toBe(true);
    const s = h.session.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.context.end).toMatchObject({ reason: 'farewell' });
    expect(s.context.outcome?.kind).toBe('noDate');
  });
});
