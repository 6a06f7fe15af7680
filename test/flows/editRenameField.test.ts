import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addField,
  checkDraft,
  renameField,
  updateField,
  updatePhrase,
  updateStep,
} from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import { renderLine } from '../../src/flows/templates';
import type { FlowDefinition } from '../../src/flows/types';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

/** The minimal flow with custom fields: "inn" captured at two steps and used everywhere, and "innOld". */
function withInn(): FlowDefinition {
  let flow = addField(minimal(), 'needs');
  flow = updateField(flow, 'needs', 1, {
    id: 'inn',
    label: 'ИНН {{fields.inn}}',
    placeholder: 'ИНН',
    patternHint: 'Проверьте {{ fields.inn }}',
  });
  flow = addField(flow, 'needs');
  flow = updateField(flow, 'needs', 2, { id: 'innOld', label: 'Прежний ИНН' });
  flow = addField(flow, 'resolve');
  flow = updateField(flow, 'resolve', 0, { id: 'inn', label: 'ИНН ещё раз' });
  flow = updateStep(flow, 'resolve', {
    say: 'Проверяю ИНН {{fields.inn}} для {{caller.name}}.',
    hints: ['Повторите {{ fields.inn }} по цифрам'],
    questions: ['Верно ли, что ваш ИНН {{fields.inn}}?', 'Ваш ИНН {{fields.innOld}}?'],
    options: [{ id: 'done', label: 'ИНН {{fields.inn}} подтверждён', next: 'farewell' }],
  });
  flow = updatePhrase(flow, 0, { text: 'Ваш ИНН {{fields.inn}}, верно?' });
  expect(checkDraft(flow).issues.filter((i) => i.severity === 'error')).toEqual([]);
  return flow;
}

const allText = (flow: FlowDefinition) => JSON.stringify(flow);

describe('renaming a captured field', () => {
  it('renames the field and every {{fields.<id>}} in lines, hints, questions, options, field texts and phrases', () => {
    const before = withInn();
    const result = renameField(before, 'inn', 'taxId');
    if (!result.ok) throw new Error(result.reason);
    const after = result.flow;
    const resolve = after.steps.find((s) => s.id === 'resolve');
    expect(resolve?.say).toBe('Проверяю ИНН {{fields.taxId}} для {{caller.name}}.');
    expect(resolve?.hints).toEqual(['Повторите {{ fields.taxId }} по цифрам']);
    // A field whose id merely starts with the old one is another field: left alone.
    expect(resolve?.questions).toEqual([
      'Верно ли, что ваш ИНН {{fields.taxId}}?',
      'Ваш ИНН {{fields.innOld}}?',
    ]);
    expect(resolve?.options[0]).toEqual({
      id: 'done',
      label: 'ИНН {{fields.taxId}} подтверждён',
      next: 'farewell',
    });
    expect(after.phrases[0]?.text).toBe('Ваш ИНН {{fields.taxId}}, верно?');
    const needs = after.steps.find((s) => s.id === 'needs');
    expect(needs?.capture.map((f) => f.id)).toEqual(['need', 'taxId', 'innOld']);
    expect(needs?.capture[1]).toMatchObject({
      label: 'ИНН {{fields.taxId}}',
      patternHint: 'Проверьте {{ fields.taxId }}',
      placeholder: 'ИНН',
    });
    // The same id captured at another step is the same value of the call: renamed there too.
    expect(resolve?.capture.map((f) => f.id)).toEqual(['taxId']);
    expect(allText(after)).not.toMatch(/fields\.inn[^O]/);
    expect(checkDraft(after).publishable).toBe(true);
    // The line fills from the value captured under the new id.
    expect(
      renderLine(resolve?.say ?? '', { caller: { name: 'Анна' }, fields: { taxId: '7701234567' } }),
    ).toMatchObject({
      text: 'Проверяю ИНН 7701234567 для Анна.',
    });
    // One edit of a value: the flow it came from is untouched, so undoing is going back to it.
    expect(allText(before)).not.toContain('taxId');
  });

  it('refuses an id another field already has, changing nothing', () => {
    const flow = withInn();
    expect(renameField(flow, 'inn', 'need')).toEqual({ ok: false, reason: 'taken' });
    expect(renameField(flow, 'inn', 'callerName')).toEqual({ ok: false, reason: 'taken' });
    expect(renameField(flow, 'inn', 'innOld')).toEqual({ ok: false, reason: 'taken' });
  });

  it('refuses an id of the wrong shape and a field no step captures', () => {
    const flow = withInn();
    for (const bad of ['', '1inn', 'инн', 'tax id', 'a}}b', 'a.b']) {
      expect(renameField(flow, 'inn', bad)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(renameField(flow, 'nothing', 'other')).toEqual({ ok: false, reason: 'missing' });
  });

  it('keeping the same id is no change at all', () => {
    const flow = withInn();
    expect(renameField(flow, 'inn', 'inn')).toEqual({ ok: true, flow });
  });

  it('an id with characters special to regular expressions is matched literally', () => {
    let flow = addField(minimal(), 'needs');
    flow = updateField(flow, 'needs', 1, { id: 'a-b_c', label: 'Поле' });
    flow = updateStep(flow, 'resolve', { say: 'Значение {{fields.a-b_c}} и {{fields.aXb_c}}.' });
    const result = renameField(flow, 'a-b_c', 'd');
    expect(result.ok && result.flow.steps.find((s) => s.id === 'resolve')?.say).toBe(
      'Значение {{fields.d}} и {{fields.aXb_c}}.',
    );
  });
});
