// Groups of operators in an organisation («Первая линия», «Льготы»), issue 19: administrators define them,
// supervisors read them and filter the calls, the figures and the exports by one (`group` in the query).
import { z } from 'zod';
import { personIdSchema } from './people';

export const GROUP_NAME_MAX = 100;
/** More than any centre's operators: a group's members go in one request. */
export const GROUP_MEMBERS_MAX = 2000;

export const groupIdSchema = z.uuid();
export const groupParamsSchema = z.object({ groupId: groupIdSchema });

export const operatorGroupSchema = z.object({
  id: groupIdSchema,
  name: z.string(),
  /** The members by name (surname, first name, patronymic as one). */
  members: z.array(z.object({ personId: personIdSchema, name: z.string() })),
});
export type OperatorGroup = z.infer<typeof operatorGroupSchema>;

export const operatorGroupsSchema = z.object({ groups: z.array(operatorGroupSchema) });

/** A group as the administrator writes it: its name and all its members (the set replaces the old one). */
export const groupBodySchema = z.object({
  name: z.string().trim().min(1).max(GROUP_NAME_MAX),
  members: z
    .array(personIdSchema)
    .max(GROUP_MEMBERS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate member' }),
});
export type GroupBody = z.infer<typeof groupBodySchema>;
