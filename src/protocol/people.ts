// People of an organisation as the app and the administrator see them, and the administrator's requests.
import { z } from 'zod';
import { roleSchema } from './roles';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const loginSchema = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u);
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const nameSchema = z.string().trim().max(100);

export const personIdSchema = z.uuid();

/** A person as the app shows them (their own profile, the operator's greeting name). */
export const personSchema = z.object({
  id: personIdSchema,
  login: z.string(),
  surname: z.string(),
  firstName: z.string(),
  patronymic: z.string(),
  position: z.string(),
  department: z.string(),
  roles: z.array(roleSchema),
});
/** @public The API's vocabulary for clients (the PWA's administration screen). */
export type Person = z.infer<typeof personSchema>;

/** A person as the administrator sees them. */
export const adminPersonSchema = personSchema.extend({
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AdminPerson = z.infer<typeof adminPersonSchema>;

export const peopleListSchema = z.object({ people: z.array(adminPersonSchema) });

const rolesListSchema = z
  .array(roleSchema)
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'duplicate role' });

export const newPersonSchema = z.object({
  login: loginSchema,
  password: passwordSchema,
  surname: nameSchema.min(1),
  firstName: nameSchema.min(1),
  patronymic: nameSchema.default(''),
  position: nameSchema.default(''),
  department: nameSchema.default(''),
  roles: rolesListSchema,
});
/** @public The API's vocabulary for clients (the PWA's sign-in and administration screens). */
export type NewPerson = z.input<typeof newPersonSchema>;

export const setPasswordSchema = z.object({ password: passwordSchema });
export const setRolesSchema = z.object({ roles: rolesListSchema });
export const setStatusSchema = z.object({ disabled: z.boolean() });
export const personParamsSchema = z.object({ personId: personIdSchema });

/**
 * A colleague as the organisation's directory shows them to its operators and supervisors (issue 17): who
 * they are and what they do, never their login or anything about their account.
 */
export const colleagueSchema = z.object({
  personId: personIdSchema,
  /** Surname, first name and patronymic, as one. */
  name: z.string(),
  position: z.string(),
  department: z.string(),
  roles: z.array(roleSchema),
});
export type Colleague = z.infer<typeof colleagueSchema>;

export const directorySchema = z.object({ people: z.array(colleagueSchema) });
