import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../src/calls/compile';
import { holdPromiseLine, transferRefusalLines } from '../../src/calls/select';
import {
  flowFiles,
  flowFrom,
  harness,
  loadFlow,
  OPERATOR,
  ORG,
  TINY_FLOW,
  toAnswer,
  TUESDAY_1030,
} from './helpers';

const start = {
  callId: 'c',
  organisation: ORG,
  operator: OPERATOR,
  transfersBefore: 0,
  startedAt: TUESDAY_1030,
};

describe('compileFlow', () => {
  it.each(flowFiles())(
    '%s: one state per spoken step, the standard states beside them, starting at the first step',
    (file) => {
      const flow = loadFlow(file);
      const machine = compileFlow(flow);
      const talking = machine.getStateNodeById('call.active.talking');
      const spoken = flow.steps.filter((s) => s.stage !== 'farewell').map((s) => s.id);
      expect(Object.keys(talking.states).sort()).toEqual([...spoken, 'resume'].sort());
      expect(Object.keys(machine.getStateNodeById('call.active').states).sort()).toEqual([
        'farewell',
        'onHold',
        'talking',
        'transferring',
      ]);
      const actor = createActor(machine, { input: start }).start();
      expect(actor.getSnapshot().value).toEqual({ active: { talking: flow.start } });
      expect(actor.getSnapshot().context).toMatchObject({
        flowId: flow.id,
        flowVersion: flow.version,
        greeting: 'Доброе утро',
      });
      actor.stop();
    },
  );

  it('is pure: a bare machine never fires timers by itself, the clock events are just events', () => {
    const actor = createActor(compileFlow(flowFrom(TINY_FLOW)), { input: start }).start();
    const at = TUESDAY_1030;
    actor.send({ type: 'operator.choose', optionId: 'go', at });
    actor.send({ type: 'operator.hold', minutes: 1, at });
    expect(actor.getSnapshot().hasTag('onHold')).toBe(true);
    actor.send({ type: 'clock.holdExpired', holdId: 0, at: at + 60_000 });
    expect(actor.getSnapshot().hasTag('holdExpired')).toBe(true);
    actor.stop();
  });

  it('ignores a timer event from a hold that is no longer running', () => {
    const actor = createActor(compileFlow(flowFrom(TINY_FLOW)), { input: start }).start();
    const at = TUESDAY_1030;
    actor.send({ type: 'operator.choose', optionId: 'go', at });
    actor.send({ type: 'operator.hold', minutes: 1, at });
    actor.send({ type: 'operator.extendHold', minutes: 2, at: at + 10_000 });
    actor.send({ type: 'clock.holdExpired', holdId: 0, at: at + 60_000 });
    expect(actor.getSnapshot().hasTag('holdExpired')).toBe(false);
    actor.stop();
  });

  it('lets effects be supplied at the edge with provide()', () => {
    const tasks: string[] = [];
    const machine = compileFlow(flowFrom(TINY_FLOW)).provide({
      actions: { emitCallbackTask: ({ context }) => void tasks.push(context.callback?.phone ?? '') },
    });
    const actor = createActor(machine, { input: start }).start();
    const at = TUESDAY_1030;
    actor.send({ type: 'operator.choose', optionId: 'go', at });
    actor.send({
      type: 'operator.callback',
      phone: '8 912 345 67 89',
      deadline: at + 3_600_000,
      question: 'q',
      at,
    });
    expect(tasks).toEqual(['+79123456789']);
    actor.stop();
  });
});

describe('engine lines around holds and transfers', () => {
  it('words the hold promise with the chosen duration before the hold starts', () => {
    const h = harness();
    toAnswer(h);
    expect(holdPromiseLine(h.session.getSnapshot(), 5, h.clock.now())).toEqual({
      kind: 'ready',
      text: 'Оставайтесь, пожалуйста, на линии: мне понадобится 5 минут, чтобы уточнить информацию.',
    });
  });

  it('offers what to say instead of a refused third transfer', () => {
    const h = harness(undefined, { transfersBefore: 2 });
    toAnswer(h);
    expect(transferRefusalLines(h.session.getSnapshot())).toBeNull();
    h.session.send({
      type: 'operator.transfer',
      target: { kind: 'department', id: 'reception' },
      summary: 'x',
    });
    expect(transferRefusalLines(h.session.getSnapshot())?.answerNow).toMatch(/прямо сейчас/);
  });
});
