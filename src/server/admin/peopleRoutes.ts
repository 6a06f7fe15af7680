// /api/v1/admin/people: an administrator manages the people of their own organisation. Another
// organisation's person is not found (404), never forbidden: ids of other tenants reveal nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adminPersonSchema,
  apiErrorSchema,
  newPersonSchema,
  peopleListSchema,
  personParamsSchema,
  setPasswordSchema,
  setRolesSchema,
  setStatusSchema,
  type AdminPerson,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import { hashPassword } from '../auth/passwords';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import {
  findPerson,
  insertPerson,
  LastAdministratorError,
  listPeople,
  LoginTakenError,
  setDisabled,
  setPasswordHash,
  setRoles,
} from '../storage/accounts';
import { appendAudit, type AuditAction } from '../storage/audit';
import { deletePersonSessions } from '../storage/sessions';

const access = ['administrator'] as const;
const refusals = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };

export const peopleRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config }) => {
  const found = async (organisationId: string, personId: string): Promise<AdminPerson> => {
    const person = await findPerson(db, organisationId, personId);
    if (!person) throw new ApiError(404, 'person_not_found');
    return person;
  };

  const audit = async (
    request: Parameters<typeof sessionOf>[0],
    action: AuditAction,
    targetPersonId: string,
    details: Record<string, unknown> = {},
  ) => {
    const s = sessionOf(request);
    await appendAudit(db, {
      organisationId: s.organisation.id,
      actorPersonId: s.person.id,
      action,
      targetPersonId,
      address: request.ip,
      details,
      at: config.now(),
    });
  };

  app.get(
    '',
    {
      config: { access },
      schema: {
        summary: 'People of my organisation',
        tags: ['admin'],
        response: { 200: peopleListSchema, ...refusals },
      },
    },
    async (request) => ({ people: await listPeople(db, sessionOf(request).organisation.id) }),
  );

  app.post(
    '',
    {
      config: { access },
      schema: {
        summary: 'Add a person',
        tags: ['admin'],
        body: newPersonSchema,
        response: { 201: adminPersonSchema, ...refusals, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const organisationId = sessionOf(request).organisation.id;
      const { password, ...rest } = request.body;
      const id = randomUUID();
      try {
        await insertPerson(db, {
          ...rest,
          id,
          organisationId,
          passwordHash: await hashPassword(password, config.passwordHashing),
        });
      } catch (e) {
        if (e instanceof LoginTakenError) throw new ApiError(409, 'login_taken');
        throw e;
      }
      await audit(request, 'person_added', id, { roles: rest.roles });
      return reply.code(201).send(await found(organisationId, id));
    },
  );

  app.put(
    '/:personId/password',
    {
      config: { access },
      schema: {
        summary: "Reset a person's password (ends their sessions)",
        tags: ['admin'],
        params: personParamsSchema,
        body: setPasswordSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      const { personId } = request.params;
      const hash = await hashPassword(request.body.password, config.passwordHashing);
      if (!(await setPasswordHash(db, s.organisation.id, personId, hash, config.now()))) {
        throw new ApiError(404, 'person_not_found');
      }
      await deletePersonSessions(db, personId);
      await audit(request, 'password_reset', personId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/:personId/status',
    {
      config: { access },
      schema: {
        summary: 'Disable or enable a person (disabling ends their sessions)',
        tags: ['admin'],
        params: personParamsSchema,
        body: setStatusSchema,
        response: { 200: adminPersonSchema, ...refusals, 409: apiErrorSchema },
      },
    },
    async (request) => {
      const organisationId = sessionOf(request).organisation.id;
      const { personId } = request.params;
      try {
        const done = await setDisabled(db, organisationId, personId, request.body.disabled, config.now());
        if (!done) throw new ApiError(404, 'person_not_found');
      } catch (e) {
        if (e instanceof LastAdministratorError) throw new ApiError(409, 'last_administrator');
        throw e;
      }
      await audit(request, request.body.disabled ? 'person_disabled' : 'person_enabled', personId);
      return found(organisationId, personId);
    },
  );

  app.put(
    '/:personId/roles',
    {
      config: { access },
      schema: {
        summary: "Set a person's roles",
        tags: ['admin'],
        params: personParamsSchema,
        body: setRolesSchema,
        response: { 200: adminPersonSchema, ...refusals, 409: apiErrorSchema },
      },
    },
    async (request) => {
      const organisationId = sessionOf(request).organisation.id;
      const { personId } = request.params;
      try {
        if (!(await setRoles(db, organisationId, personId, request.body.roles, config.now()))) {
          throw new ApiError(404, 'person_not_found');
        }
      } catch (e) {
        if (e instanceof LastAdministratorError) throw new ApiError(409, 'last_administrator');
        throw e;
      }
      await audit(request, 'roles_set', personId, { roles: request.body.roles });
      return found(organisationId, personId);
    },
  );
  // Routes are registered synchronously; Fastify takes a promise from an async plugin.
  return Promise.resolve();
};
