// The colleagues who use Sufler, from the server's directory, in the transfer directory: a transfer to
// one of them hands the call over to their account; the operator, people already listed with their
// account, and people who take no calls are not offered.
import { describe, expect, it } from 'vitest';
import { suflerDepartment, type DirectoryPerson } from '../../src/calls/colleagues';
import type { Organisation } from '../../src/calls/organisation';
import { handoverOfLog } from '../../src/calls/replay';
import { harness, ORG, toAnswer } from './helpers';

const ME = '00000000-0000-4000-8000-000000000001';
const BORIS = '0b7f4a5e-1111-4222-8333-944455556666';
const KOVALEVA = '0b7f4a5e-1111-4222-8333-944455557777';
const person = (personId: string, name: string, roles = ['operator']): DirectoryPerson => ({
  personId,
  name,
  position: 'консультант',
  department: 'приёмная',
  roles,
});
const PEOPLE = [
  person(ME, 'Смирнова Анна Сергеевна'),
  person(BORIS, 'Петров Борис Иванович'),
  person(KOVALEVA, 'Ковалева Мария'),
  person('0b7f4a5e-1111-4222-8333-944455558888', 'Иванов Иван', ['editor']),
];
/** The sample profile, where Ковалева already has her account in her department. */
const LISTED = ORG.departments.map((d) => ({
  ...d,
  colleagues: d.colleagues.map((c) => (c.id === 'sv-kovaleva' ? { ...c, personId: KOVALEVA } : c)),
}));

describe('Sufler colleagues in the transfer directory', () => {
  it('lists the other operators by name, not the operator, not those listed already, not who takes no calls', () => {
    const department = suflerDepartment(LISTED, PEOPLE, ME, 'Коллеги в Суфлёре');
    expect(department).toMatchObject({ name: 'Коллеги в Суфлёре' });
    expect(department?.colleagues).toEqual([
      {
        id: `person:${BORIS}`,
        fullName: 'Петров Борис Иванович',
        position: 'консультант, приёмная',
        phone: '',
        topics: [],
        personId: BORIS,
      },
    ]);
    expect(suflerDepartment(LISTED, [PEOPLE[0]!], ME, 'Коллеги в Суфлёре')).toBeNull();
  });

  it('hands a call transferred to one of them over to their account', () => {
    const department = suflerDepartment(ORG.departments, PEOPLE, ME, 'Коллеги в Суфлёре')!;
    const org: Organisation = { ...ORG, departments: [...ORG.departments, department] };
    const h = harness(undefined, { org });
    toAnswer(h);
    h.session.send({
      type: 'operator.transfer',
      target: { kind: 'colleague', id: `person:${BORIS}` },
      summary: 'просит записать на четверг',
    });
    expect(handoverOfLog(h.flow, h.session.log())).toMatchObject({
      recipientPersonId: BORIS,
      colleagueId: `person:${BORIS}`,
      transfers: 1,
    });
  });
});
