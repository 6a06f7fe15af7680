import { describe, expect, it } from 'vitest';
import { stepTitle, timelineOf } from '../../src/i18n/callTimeline';
import { harness, shapedFlowFrom, TINY_FLOW, toAnswer } from '../calls/helpers';

const TZ = 'Asia/Yekaterinburg';
const RECEPTION = { kind: 'department', id: 'reception' } as const;

describe('a call record’s timeline', () => {
  it('names the care flags and the client kind the operator noted', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.careFlags', flags: ['elderly', 'hearing'] });
    h.session.send({ type: 'operator.personKind', person: 'business' });
    const lines = timelineOf(h.session.log(), h.flow, TZ).slice(-2);
    expect(lines.map((l) => [l.label, l.detail])).toEqual([
      ['Отмечена особая забота', 'Пожилой человек, Плохо слышит'],
      ['Кто клиент', 'Организация или ИП'],
    ]);
  });

  it('says the outcome an option settled and the steps by their titles, never their codes', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.choose', optionId: 'resolved' });
    const lines = timelineOf(h.session.log(), h.flow, TZ);
    expect(lines.at(-1)).toMatchObject({ label: 'Выбор', detail: 'Решён — итог: Вопрос решён' });
    expect(lines.map((l) => l.step).filter(Boolean)).toEqual([
      'Приветствие',
      'Уточнение личности клиента',
      'Выяснение потребности',
      'Подтверждение понимания',
      'Решение вопроса',
      'Прощание',
    ]);
    const text = JSON.stringify(lines);
    for (const code of ['"who"', '"need"', '"answer"', '"bye"', '[resolved]'])
      expect(text).not.toContain(code);
  });

  it('names the department put through to and counts the transfers of the whole call', () => {
    const h = harness(undefined, { transfersBefore: 1 });
    toAnswer(h);
    h.session.send({ type: 'operator.transfer', target: RECEPTION, summary: 'запись на приём' });
    h.session.send({ type: 'transfer.connected' });
    const lines = timelineOf(h.session.log(), h.flow, TZ);
    expect(lines[0]?.detail).toBe('до оператора звонок переключали: 1');
    expect(lines.at(-2)?.detail).toBe(
      'Приёмная министра; для коллеги: «запись на приём»; переключений 2 из 2',
    );
    expect(lines.at(-1)).toMatchObject({ label: 'Коллега на линии', detail: 'Приёмная министра' });
    expect(JSON.stringify(lines)).not.toContain('reception');
  });

  it('records the refused third transfer with the count that refused it', () => {
    const h = harness(undefined, { transfersBefore: 2 });
    toAnswer(h);
    h.session.send({ type: 'operator.tryTransfer' });
    expect(timelineOf(h.session.log(), h.flow, TZ).at(-1)).toMatchObject({
      label: 'Попытка третьего переключения — отказано',
      detail: 'переключений уже 2 из 2',
    });
  });

  it('tells two steps of one stage apart by their opening words', () => {
    const flow = shapedFlowFrom({
      ...TINY_FLOW,
      steps: TINY_FLOW.steps.map((s) =>
        s.id === 'check'
          ? {
              ...s,
              stage: 'needs',
              say: '{{caller.name}}, правильно ли я понимаю, что вас интересует запись?',
            }
          : s,
      ),
    });
    expect(stepTitle(flow, 'check')).toBe(
      'Выяснение потребности: «…, правильно ли я понимаю, что вас интересует…»',
    );
    expect(stepTitle(flow, 'who')).toBe('Уточнение личности клиента');
  });
});
