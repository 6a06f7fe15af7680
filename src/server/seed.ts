// A fresh embedded database gets the two sample organisations and one sample account per role in each,
// so `npm start` can be tried at once. The people are fictional; the organisations are the app's samples.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SAMPLE_ORGANISATIONS } from '../calls/samples';
import { organisationSchema, type Role } from '../protocol';
import { hashPassword, type HashCost } from './auth/passwords';
import { countOrganisations, insertOrganisation, insertPerson } from './storage/accounts';
import type { Database } from './storage/schema';

/** Printed at every start with samples; a demonstration password, never for real use. */
export const SAMPLE_PASSWORD = 'sufler-demo';

interface SamplePerson {
  role: Role;
  surname: string;
  firstName: string;
  patronymic: string;
  position: string;
}

// Fictional people, one per role.
const SAMPLE_PEOPLE: readonly SamplePerson[] = [
  { role: 'operator', surname: 'Смирнова', firstName: 'Анна', patronymic: 'Сергеевна', position: 'оператор' },
  {
    role: 'supervisor',
    surname: 'Кузнецов',
    firstName: 'Игорь',
    patronymic: 'Павлович',
    position: 'руководитель группы',
  },
  {
    role: 'editor',
    surname: 'Орлова',
    firstName: 'Мария',
    patronymic: 'Игоревна',
    position: 'редактор сценариев',
  },
  {
    role: 'administrator',
    surname: 'Белов',
    firstName: 'Сергей',
    patronymic: 'Николаевич',
    position: 'администратор',
  },
];

/** "murmansk-sport" → "murmansk.operator". */
export function sampleLogin(organisationId: string, role: Role): string {
  return `${organisationId.split('-')[0] ?? organisationId}.${role}`;
}

export interface SampleAccount {
  organisation: string;
  role: Role;
  login: string;
}

export function sampleAccounts(): SampleAccount[] {
  return SAMPLE_ORGANISATIONS.flatMap((o) =>
    SAMPLE_PEOPLE.map((p) => ({ organisation: o.shortName, role: p.role, login: sampleLogin(o.id, p.role) })),
  );
}

/** Seeds the samples when there is no organisation yet; true when it did. */
export async function seedSamples(db: Kysely<Database>, cost: HashCost): Promise<boolean> {
  if ((await countOrganisations(db)) > 0) return false;
  for (const sample of SAMPLE_ORGANISATIONS) {
    const profile = organisationSchema.parse(sample);
    await insertOrganisation(db, profile);
    for (const p of SAMPLE_PEOPLE) {
      await insertPerson(db, {
        id: randomUUID(),
        organisationId: profile.id,
        login: sampleLogin(profile.id, p.role),
        surname: p.surname,
        firstName: p.firstName,
        patronymic: p.patronymic,
        position: p.position,
        department: '',
        passwordHash: await hashPassword(SAMPLE_PASSWORD, cost),
        roles: [p.role],
      });
    }
  }
  return true;
}
