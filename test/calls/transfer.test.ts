import { describe, expect, it } from 'vitest';
import { availableActions, renderedLine, transferCounter } from '../../src/calls/select';
import { replayCall, stateFingerprint } from '../../src/calls/replay';
import { harness, toAnswer } from './helpers';

const RECEPTION = { kind: 'department', id: 'reception' } as const;

describe('transfers: at most two per client call', () => {
  it('hands over with target and summary recorded, counting transfers before this operator', () => {
    const h = harness(undefined, { transfersBefore: 1 });
    toAnswer(h);
    expect(transferCounter(h.flow, h.session.getSnapshot()).label).toBe('1 из 2');
    h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: ' запись на приём ' });
    expect(renderedLine(h.flow, h.session.getSnapshot(), h.clock.now())).toMatchObject({
      text: expect.stringContaining('Приёмная министра'),
    });
    h.session.send({ type: 'transfer.connected' });
    const s = h.session.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.context.end).toMatchObject({ reason: 'transferred' });
    expect(s.context.transfers).toEqual([
      expect.objectContaining({
        target: RECEPTION,
        targetName: 'Приёмная министра',
        summary: 'запись на приём',
        status: 'connected',
      }),
    ]);
    expect(transferCounter(h.flow, s).label).toBe('2 из 2');
  });

  it('refuses a third transfer with the reason and the alternatives, and the call goes on', () => {
    const h = harness(undefined, { transfersBefore: 2 });
    toAnswer(h);
    // Not a transfer, but its panel still opens: to say why, with the alternatives.
    expect(availableActions(h.flow, h.session.getSnapshot())).toMatchObject({
      transfer: false,
      transferCapped: true,
    });
    const r = h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: 'вопрос' });
    expect(r.notice).toMatchObject({ code: 'transferLimitReached', alternatives: ['answerNow', 'callback'] });
    expect(h.session.getSnapshot().hasTag('talking')).toBe(true);
    expect(h.session.getSnapshot().context.transfers).toEqual([]);
  });

  it('records an attempt at the cap as a refusal, takes none below it, and replays it', () => {
    const below = harness(undefined, { transfersBefore: 1 });
    toAnswer(below);
    expect(availableActions(below.flow, below.session.getSnapshot())).toMatchObject({
      transfer: true,
      transferCapped: false,
    });
    expect(below.session.send({ type: 'operator.tryTransfer' }).accepted).toBe(false);
    expect(below.session.log().some((r) => r.event.type === 'operator.tryTransfer')).toBe(false);

    const h = harness(undefined, { transfersBefore: 2 });
    toAnswer(h);
    const r = h.session.send({ type: 'operator.tryTransfer' });
    expect(r).toMatchObject({ accepted: true, notice: { code: 'transferLimitReached' } });
    expect(h.session.log().at(-1)).toMatchObject({
      event: { type: 'operator.tryTransfer' },
      after: { state: 'active.talking.answer', stepId: 'answer' },
    });
    const replayed = replayCall(h.flow, h.session.log());
    expect(replayed.ok && stateFingerprint(replayed.snapshot)).toBe(
      stateFingerprint(h.session.getSnapshot()),
    );
  });

  it('does not count a transfer the colleague never picked up; the call returns to its step', () => {
    const h = harness(undefined, { transfersBefore: 1 });
    toAnswer(h);
    h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: 'вопрос' });
    h.session.send({ type: 'transfer.failed' });
    const s = h.session.getSnapshot();
    expect(s.context.stepId).toBe('answer');
    expect(transferCounter(h.flow, s).used).toBe(1);
    expect(
      h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: 'вопрос' }).notice,
    ).toBeNull();
  });

  it('needs a target from the directory and a handover summary', () => {
    const h = harness();
    toAnswer(h);
    expect(
      h.session.send({ type: 'operator.transfer', target: { kind: 'colleague', id: 'nobody' }, summary: 'x' })
        .notice?.code,
    ).toBe('transferTargetUnknown');
    expect(h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: '  ' }).notice?.code).toBe(
      'transferSummaryMissing',
    );
    h.session.send({
      type: 'operator.transfer',
      target: { kind: 'colleague', id: 'sv-kovaleva' },
      summary: 'приём',
    });
    expect(h.session.getSnapshot().context.transfers[0]?.targetName).toBe(
      'Ковалёва Марина Сергеевна, помощник министра',
    );
  });
});
