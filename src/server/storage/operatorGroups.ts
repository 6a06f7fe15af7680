// Groups of operators (migration 0012, issue 19): an administrator names a group and its members, all of
// the organisation; supervisors filter by one. Writing a group replaces its name and members in one
// transaction, so a reader never sees half of a change.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { OperatorGroup } from '../../protocol';
import { fullNameOf, NAME_COLUMNS } from './accounts';
import { isUniqueViolation } from './database';
import type { Database } from './schema';

type Db = Kysely<Database>;

export class GroupNameTakenError extends Error {}
/** A member named is not a person of the organisation (another organisation's, or nobody's). */
export class UnknownMemberError extends Error {}

export const groupNameKey = (name: string) => name.trim().normalize('NFC').toLowerCase();

/** The organisation's groups by name, each with its members by name. */
export async function listGroups(db: Db, organisationId: string): Promise<OperatorGroup[]> {
  const [groups, members] = await Promise.all([
    db
      .selectFrom('operator_groups')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name_key')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('operator_group_members')
      .innerJoin('people', 'people.id', 'operator_group_members.person_id')
      .select(['operator_group_members.group_id', 'people.id', ...NAME_COLUMNS])
      .where('operator_group_members.organisation_id', '=', organisationId)
      .execute(),
  ]);
  const byGroup = new Map<string, { personId: string; name: string }[]>();
  for (const m of members) {
    let list = byGroup.get(m.group_id);
    if (!list) byGroup.set(m.group_id, (list = []));
    list.push({ personId: m.id, name: fullNameOf(m) });
  }
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    members: (byGroup.get(g.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
  }));
}

export async function findGroup(
  db: Db,
  organisationId: string,
  groupId: string,
): Promise<OperatorGroup | undefined> {
  return (await listGroups(db, organisationId)).find((g) => g.id === groupId);
}

/** Whether the group is the organisation's: a filter naming another organisation's group finds nothing. */
export async function groupInOrganisation(db: Db, organisationId: string, groupId: string): Promise<boolean> {
  const row = await db
    .selectFrom('operator_groups')
    .select('id')
    .where('id', '=', groupId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The calls of the group's present members, as a condition on call_figures' person_id. */
export function madeByGroup(organisationId: string, groupId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`person_id in (select person_id from operator_group_members
    where group_id = ${groupId} and organisation_id = ${organisationId})`;
}

export interface GroupWrite {
  organisationId: string;
  groupId: string;
  name: string;
  members: readonly string[];
  at: Date;
}

/**
 * Creates the group (`create`) or replaces the name and members of the organisation's group; false when
 * there is no such group to replace. Throws GroupNameTakenError, UnknownMemberError.
 */
export async function writeGroup(db: Db, g: GroupWrite, create: boolean): Promise<boolean> {
  const nameKey = groupNameKey(g.name);
  return db.transaction().execute(async (trx) => {
    if (g.members.length > 0) {
      const found = await trx
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation_id', '=', g.organisationId)
        .where('id', 'in', [...g.members])
        .executeTakeFirstOrThrow();
      if (Number(found.n) !== g.members.length) throw new UnknownMemberError();
    }
    const clash = await trx
      .selectFrom('operator_groups')
      .select('id')
      .where('organisation_id', '=', g.organisationId)
      .where('name_key', '=', nameKey)
      .where('id', '<>', g.groupId)
      .executeTakeFirst();
    if (clash) throw new GroupNameTakenError();
    if (create) {
      const inserted = await trx
        .insertInto('operator_groups')
        .values({
          id: g.groupId,
          organisation_id: g.organisationId,
          name: g.name.trim(),
          name_key: nameKey,
          created_at: g.at,
          updated_at: g.at,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'name_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // Another administrator took the name between the check and the insert.
      if (!inserted) throw new GroupNameTakenError();
    } else {
      const updated = await trx
        .updateTable('operator_groups')
        .set({ name: g.name.trim(), name_key: nameKey, updated_at: g.at })
        .where('id', '=', g.groupId)
        .where('organisation_id', '=', g.organisationId)
        .executeTakeFirst()
        .catch((e: unknown) => {
          // Another administrator took the name since the check: the unique key refused it.
          if (isUniqueViolation(e)) throw new GroupNameTakenError();
          throw e;
        });
      if (Number(updated.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('operator_group_members').where('group_id', '=', g.groupId).execute();
    }
    if (g.members.length > 0)
      await trx
        .insertInto('operator_group_members')
        .values(
          g.members.map((personId) => ({
            group_id: g.groupId,
            person_id: personId,
            organisation_id: g.organisationId,
          })),
        )
        .execute();
    return true;
  });
}

/** Removes the organisation's group and its members' places in it; false when there is none. */
export async function deleteGroup(db: Db, organisationId: string, groupId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('operator_groups')
    .where('id', '=', groupId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
