// Organisations, people and their roles: the only SQL about accounts. Every read and write of a person
// is scoped by organisation id, so another organisation's ids simply find nothing.
import { sql, type Kysely } from 'kysely';
import type { AdminPerson, Colleague, OrganisationProfile, Person, Role } from '../../protocol';
import { ROLES } from '../../protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** A person of an organisation changing something, at the time they change it. */
export interface Actor {
  organisationId: string;
  personId: string;
  now: Date;
}

export class LoginTakenError extends Error {}

export function loginKey(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

function toRoles(value: unknown): Role[] {
  const list = Array.isArray(value) ? value : [];
  return ROLES.filter((r) => list.includes(r));
}

// ---- organisations ----------------------------------------------------------------------------------

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertOrganisation(db: Db, profile: OrganisationProfile): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      id: profile.id,
      full_name: profile.fullName,
      short_name: profile.shortName,
      time_zone: profile.timeZone,
      // No calls yet: its (empty) daily rollups are complete from the start, kept in its zone.
      rollups_time_zone: profile.timeZone,
      profile: JSON.stringify(profile),
    })
    .execute();
}

/** The organisation's row, to select what is read of it (its profile, a setting); none for an unknown id. */
export const organisationRow = (db: Db, id: string) => db.selectFrom('organisations').where('id', '=', id);

export async function findOrganisationProfile(db: Db, id: string): Promise<unknown> {
  const row = await organisationRow(db, id).select('profile').executeTakeFirst();
  return row?.profile;
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  const row = await organisationRow(db, id).select('id').executeTakeFirst();
  return row !== undefined;
}

// ---- people -----------------------------------------------------------------------------------------

/** A person's roles as one JSON array, selected beside the `people` row (accounts and sessions alike). */
export const rolesOf = sql<unknown>`(select coalesce(json_agg(r.role order by r.role), '[]'::json)
  from person_roles r where r.person_id = people.id)`;

interface PersonRow {
  id: string;
  login: string;
  surname: string;
  first_name: string;
  patronymic: string;
  position: string;
  department: string;
  roles: unknown;
}

/** A `people` row with its roles (`rolesOf`), as the API speaks of a person. */
export function personOf(row: PersonRow): Person {
  return {
    id: row.id,
    login: row.login,
    surname: row.surname,
    firstName: row.first_name,
    patronymic: row.patronymic,
    position: row.position,
    department: row.department,
    roles: toRoles(row.roles),
  };
}

function toAdminPerson(row: PersonRow & { disabled_at: Date | null; created_at: Date }): AdminPerson {
  return {
    ...personOf(row),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A person's full name as people read it: surname, first name, patronymic (when there is one). */
export function fullNameOf(row: { surname: string; first_name: string; patronymic: string | null }): string {
  return [row.surname, row.first_name, row.patronymic].filter(Boolean).join(' ');
}

/** The columns fullNameOf reads: selected wherever a person is named. */
export const NAME_COLUMNS = ['people.surname', 'people.first_name', 'people.patronymic'] as const;

/** The columns personOf reads: selected wherever a person is answered. */
export const PERSON_COLUMNS = [
  'people.id',
  'people.login',
  ...NAME_COLUMNS,
  'people.position',
  'people.department',
] as const;

const personColumns = [...PERSON_COLUMNS, 'people.disabled_at', 'people.created_at'] as const;

export async function listPeople(db: Db, organisationId: string): Promise<AdminPerson[]> {
  const rows = await db
    .selectFrom('people')
    .select([...personColumns, rolesOf.as('roles')])
    .where('organisation_id', '=', organisationId)
    .orderBy('surname')
    .orderBy('first_name')
    .orderBy('login')
    .execute();
  return rows.map(toAdminPerson);
}

/** The organisation's directory: its people with an active account, by name; nothing of the account. */
export async function listColleagues(db: Db, organisationId: string): Promise<Colleague[]> {
  const rows = await db
    .selectFrom('people')
    .select([...personColumns, rolesOf.as('roles')])
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .orderBy('surname')
    .orderBy('first_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    name: fullNameOf(row),
    position: row.position,
    department: row.department,
    roles: toRoles(row.roles),
  }));
}

export async function findPerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<AdminPerson | undefined> {
  const row = await db
    .selectFrom('people')
    .select([...personColumns, rolesOf.as('roles')])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row ? toAdminPerson(row) : undefined;
}

export interface NewPersonRow {
  id: string;
  organisationId: string;
  login: string;
  surname: string;
  firstName: string;
  patronymic: string;
  position: string;
  department: string;
  passwordHash: string;
  roles: readonly Role[];
}

/** Inserts a person and their roles; throws LoginTakenError when the login is in use anywhere. */
export async function insertPerson(db: Db, p: NewPersonRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('people')
      .values({
        id: p.id,
        organisation_id: p.organisationId,
        login: p.login.trim(),
        login_key: loginKey(p.login),
        surname: p.surname,
        first_name: p.firstName,
        patronymic: p.patronymic,
        position: p.position,
        department: p.department,
        password_hash: p.passwordHash,
      })
      .onConflict((oc) => oc.column('login_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new LoginTakenError();
    if (p.roles.length > 0) {
      await trx
        .insertInto('person_roles')
        .values(p.roles.map((role) => ({ person_id: p.id, role })))
        .execute();
    }
  });
}

export interface SignInRow {
  id: string;
  organisationId: string;
  passwordHash: string;
  disabled: boolean;
}

export async function findPersonForSignIn(db: Db, key: string): Promise<SignInRow | undefined> {
  const row = await db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'password_hash', 'disabled_at'])
    .where('login_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        organisationId: row.organisation_id,
        passwordHash: row.password_hash,
        disabled: row.disabled_at !== null,
      }
    : undefined;
}

/** Sets a person's password hash; false when no such person is in the organisation. */
export async function setPasswordHash(
  db: Db,
  organisationId: string,
  personId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ password_hash: hash, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export class LastAdministratorError extends Error {}

/** The ids of the people who hold `role` and whose account is active (not disabled). */
export function activeHoldersOf(db: Db, role: Role) {
  return db
    .selectFrom('people')
    .innerJoin('person_roles', 'person_roles.person_id', 'people.id')
    .select('people.id')
    .where('person_roles.role', '=', role)
    .where('people.disabled_at', 'is', null);
}

/** Counts active administrators other than the given person, locking them so two changes cannot race. */
async function otherActiveAdministrators(db: Db, organisationId: string, personId: string): Promise<number> {
  const rows = await activeHoldersOf(db, 'administrator')
    .where('people.organisation_id', '=', organisationId)
    .where('people.id', '!=', personId)
    .forUpdate()
    .execute();
  return rows.length;
}

async function lockPerson(db: Db, organisationId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

async function isActiveAdministrator(db: Db, personId: string): Promise<boolean> {
  const row = await activeHoldersOf(db, 'administrator').where('people.id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Disables or enables a person and, when disabling, ends their sessions. Refuses to disable the last
 * active administrator. False when no such person is in the organisation.
 */
export async function setDisabled(
  db: Db,
  organisationId: string,
  personId: string,
  disabled: boolean,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockPerson(trx, organisationId, personId))) return false;
    if (
      disabled &&
      (await isActiveAdministrator(trx, personId)) &&
      (await otherActiveAdministrators(trx, organisationId, personId)) === 0
    ) {
      throw new LastAdministratorError();
    }
    await trx
      .updateTable('people')
      .set({ disabled_at: disabled ? now : null, updated_at: now })
      .where('id', '=', personId)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('person_id', '=', personId).execute();
    return true;
  });
}

/** Replaces a person's roles; refuses to take the role from the last active administrator. */
export async function setRoles(
  db: Db,
  organisationId: string,
  personId: string,
  roles: readonly Role[],
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockPerson(trx, organisationId, personId))) return false;
    if (
      !roles.includes('administrator') &&
      (await isActiveAdministrator(trx, personId)) &&
      (await otherActiveAdministrators(trx, organisationId, personId)) === 0
    ) {
      throw new LastAdministratorError();
    }
    await trx.deleteFrom('person_roles').where('person_id', '=', personId).execute();
    if (roles.length > 0) {
      await trx
        .insertInto('person_roles')
        .values(roles.map((role) => ({ person_id: personId, role })))
        .execute();
    }
    await trx.updateTable('people').set({ updated_at: now }).where('id', '=', personId).execute();
    return true;
  });
}
