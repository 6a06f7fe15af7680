import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition, Step } from '../../src/flows/types';
import { validateFlow } from '../../src/flows/validate';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

const step = (id: string, stage: Step['stage'], next: string[] = [], extra: Partial<Step> = {}): Step => ({
  id,
  stage,
  say: 'Текст',
  hints: [],
  questions: [],
  options: next.map((n, i) => ({ id: `o${i}`, label: 'Дальше', next: n })),
  capture: [],
  kb: { topics: [], articles: [] },
  outcomes: [],
  ...extra,
});

const codes = (flow: FlowDefinition) => validateFlow(flow).map((i) => `${i.severity}:${i.code}@${i.path}`);

describe('validateFlow', () => {
  it('finds nothing wrong in a complete flow', () => {
    expect(validateFlow(minimal())).toEqual([]);
  });

  it('requires the understanding stage in an inbound flow: step 4 of the standard, not a recommendation', () => {
    const flow = minimal();
    flow.steps = flow.steps.filter((s) => s.id !== 'understand');
    flow.steps[2]!.options[0]!.next = 'resolve';
    expect(codes(flow)).toEqual(['error:flow.stageMissing@steps']);
    expect(validateFlow(flow)[0]?.params).toEqual({ stage: 'understanding', direction: 'inbound' });
  });

  it('finds every way to a resolution that skips understanding, from needs discovery or earlier', () => {
    const flow = minimal();
    // A shortcut from needs discovery straight to the answer, and one from identification.
    flow.steps[2]!.options.push({ id: 'quick', label: 'Сразу ответить', next: 'resolve' });
    flow.steps[1]!.options.push({ id: 'known', label: 'Вопрос известен', next: 'resolve' });
    expect(codes(flow)).toEqual([
      'error:step.skipsUnderstanding@steps[1].options[1].next',
      'error:step.skipsUnderstanding@steps[2].options[1].next',
    ]);
    expect(validateFlow(flow)[1]?.params).toEqual({ step: 'needs', target: 'resolve' });
    // Back to needs discovery after an answer ("anything else?") is another question, understood anew.
    const again = minimal();
    again.steps[4]!.options.push({ id: 'more', label: 'Ещё вопрос', next: 'needs' });
    expect(validateFlow(again)).toEqual([]);
  });

  it('requires a greeting that greets by itself to name the operator and the organisation', () => {
    const flow = minimal();
    flow.steps[0]!.say = '{{greeting}}! Слушаю вас.';
    expect(codes(flow)).toEqual([
      'error:greeting.noOperator@steps[0].say',
      'error:greeting.noOrganisation@steps[0].say',
    ]);
    flow.steps[0]!.say = '{{greeting}}! {{operator.position}} {{operator.department}}, слушаю вас.';
    expect(codes(flow)).toEqual([
      'error:greeting.noOperator@steps[0].say',
      'error:greeting.noOrganisation@steps[0].say',
    ]);
    flow.steps[0]!.say = '{{greeting}}! {{organisation.shortName}}, {{operator.firstName}}. Слушаю вас.';
    expect(validateFlow(flow)).toEqual([]);
    // Within the ministry the department names the place; an external caller needs the organisation.
    flow.steps[0]!.say = '{{greeting}}! {{operator.department}}, {{operator.fullName}}.';
    expect(codes(flow)).toEqual(['error:greeting.noOrganisation@steps[0].say']);
    expect(validateFlow({ ...flow, client: 'internal' })).toEqual([]);
    // Without {{greeting}} the engine says its own opening, which names both, before the line.
    flow.steps[0]!.say = 'Слушаю вас.';
    expect(validateFlow(flow)).toEqual([]);
  });

  it('requires greeting, purpose, status and farewell in an outbound flow, and warns about questions', () => {
    const flow: FlowDefinition = {
      ...minimal(),
      direction: 'outbound',
      steps: [
        step('greeting', 'greeting', ['status']),
        step('status', 'status', ['farewell']),
        step('farewell', 'farewell'),
      ],
    };
    expect(codes(flow)).toEqual(['error:flow.stageMissing@steps', 'warning:flow.stageRecommended@steps']);
    expect(validateFlow(flow)[0]?.params).toEqual({ stage: 'purpose', direction: 'outbound' });
  });

  it('treats farewell steps as reachable by outcome, not only by links', () => {
    const flow = minimal();
    flow.steps.push(step('farewell-resolved', 'farewell', [], { outcomes: ['resolved'] }));
    expect(validateFlow(flow)).toEqual([]);
  });

  it('finds a loop that never reaches a farewell', () => {
    const flow = minimal();
    flow.steps[4]!.options.push({ id: 'loop', label: 'Петля', next: 'a' });
    flow.steps.push(step('a', 'resolution', ['b']), step('b', 'resolution', ['a']));
    expect(codes(flow)).toEqual(['error:step.noFarewell@steps[6]', 'error:step.noFarewell@steps[7]']);
  });

  it('reports a flow without any farewell once, not at every step and outcome', () => {
    const flow = minimal();
    flow.steps = flow.steps.filter((s) => s.stage !== 'farewell');
    flow.steps[4]!.options = [];
    expect(codes(flow)).toEqual(['error:flow.stageMissing@steps']);
  });

  it('warns about outcomes on a step that is not a farewell', () => {
    const flow = minimal();
    flow.steps[4]!.outcomes = ['resolved'];
    expect(codes(flow)).toEqual(['warning:step.outcomesOutsideFarewell@steps[4].outcomes']);
  });

  it('warns about options on a farewell, which the call never offers', () => {
    const flow = minimal();
    flow.steps[5]!.options = [{ id: 'back', label: 'Назад', next: 'needs' }];
    expect(codes(flow)).toEqual(['warning:step.farewellHasOptions@steps[5].options']);
  });

  it('checks the hold range as a whole', () => {
    const flow = minimal();
    flow.limits = { ...flow.limits, holdMinMinutes: 10, holdMaxMinutes: 5, holdPresetsMinutes: [] };
    expect(codes(flow)).toEqual(['error:limits.holdMinAboveMax@limits.holdMinMinutes']);
    flow.limits = { ...flow.limits, holdMinMinutes: 0, holdMaxMinutes: 5 };
    expect(codes(flow)).toEqual(['error:limits.holdMinOutOfRange@limits.holdMinMinutes']);
  });

  it('refuses a hold warning that would come before the shortest hold even starts counting', () => {
    const flow = minimal();
    flow.limits = { ...flow.limits, holdWarningSeconds: 60 };
    expect(codes(flow)).toEqual(['error:limits.holdWarningTooLong@limits.holdWarningSeconds']);
  });

  it('checks variables in hints, questions and quick phrases too', () => {
    const flow = minimal();
    flow.steps[2]!.hints = ['Обратитесь по имени: {{caller.firstName}}'];
    flow.phrases = [{ id: 'wait', text: 'Подождите {{hold.minutes}}' }];
    expect(codes(flow)).toEqual([
      'error:template.unknownVariable@steps[2].hints[0]',
      'error:template.unknownVariable@phrases[0].text',
    ]);
  });

  it('only warns about caller data in an outbound flow, which may know the caller from its task', () => {
    const flow: FlowDefinition = {
      ...minimal(),
      direction: 'outbound',
      steps: [
        step('greeting', 'greeting', ['purpose']),
        step('purpose', 'purpose', ['status'], { say: 'Звоню по обращению № {{caller.appealNumber}}.' }),
        step('status', 'status', ['questions']),
        step('questions', 'questions', ['farewell']),
        step('farewell', 'farewell'),
      ],
    };
    expect(codes(flow)).toEqual(['warning:template.callerNotCaptured@steps[1].say']);
  });

  it('checks article links only when the knowledge base is known', () => {
    const flow = minimal();
    flow.steps[4]!.kb.articles = ['gen-callback'];
    expect(validateFlow(flow)).toEqual([]);
    expect(validateFlow(flow, { knownArticles: new Set(['gen-callback']) })).toEqual([]);
    expect(validateFlow(flow, { knownArticles: new Set() }).map((i) => i.code)).toEqual([
      'kb.unknownArticle',
    ]);
  });

  it('lets the same field be captured in two branches with the same kind', () => {
    const flow = minimal();
    flow.steps[4]!.capture = [{ id: 'callerName', label: 'Имя', kind: 'personName', required: false }];
    expect(validateFlow(flow)).toEqual([]);
  });
});
