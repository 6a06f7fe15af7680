import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../src/operator/history/timeline';
import { harness, toAnswer } from '../../calls/helpers';

describe('a call record’s timeline', () => {
  it('names the care flags and the client kind the operator noted', () => {
    const h = harness();
    toAnswer(h);
    h.session.send({ type: 'operator.careFlags', flags: ['elderly', 'hearing'] });
    h.session.send({ type: 'operator.personKind', person: 'business' });
    const lines = timelineOf(h.session.log(), h.flow, 'Asia/Yekaterinburg').slice(-2);
    expect(lines.map((l) => [l.label, l.detail])).toEqual([
      ['Отмечена особая забота', 'Пожилой человек, Плохо слышит'],
      ['Кто клиент', 'Организация или ИП'],
    ]);
  });
});
