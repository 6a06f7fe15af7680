// /api/v1/admin/people: an administrator manages the people of their own organisation. Another
// organisation's person is not found (404), never forbidden: ids of other tenants reveal nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
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
import { hashPassword } from '../auth/passwords';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { actorOf, auditBy, orNotFound, routeDeclarations } from '../routeKit';
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
import type { AuditAction } from '../storage/audit';
import { deletePersonSessions } from '../storage/sessions';

const access = ['administrator'] as const;
const declare = routeDeclarations('admin', [400, 401, 403, 404]);

export const peopleRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config }) => {
  const found = async (organisationId: string, personId: string): Promise<AdminPerson> =>
    orNotFound(await findPerson(db, organisationId, personId), 'person_not_found');

  const audit = (
    request: FastifyRequest,
    action: AuditAction,
    targetPersonId: string,
    details: Record<string, unknown> = {},
  ) => auditBy(db, request, { action, targetPersonId, details, at: config.now() });

  /**
   * Changes a person of the organisation (false: there is no such person), refused when it would leave
   * the organisation without an active administrator; audited, and answered with the person as now.
   */
  const change = async (
    request: FastifyRequest,
    personId: string,
    write: (organisationId: string) => Promise<boolean>,
    action: AuditAction,
    details?: Record<string, unknown>,
  ): Promise<AdminPerson> => {
    const { organisationId } = actorOf(request);
    try {
      if (!(await write(organisationId))) throw new ApiError(404, 'person_not_found');
    } catch (e) {
      if (e instanceof LastAdministratorError) throw new ApiError(409, 'last_administrator');
      throw e;
    }
    await audit(request, action, personId, details);
    return found(organisationId, personId);
  };

  app.get(
    '',
    declare(access, 'People of my organisation', { response: { 200: peopleListSchema } }),
    async (request) => ({ people: await listPeople(db, actorOf(request).organisationId) }),
  );

  app.post(
    '',
    declare(access, 'Add a person', {
      body: newPersonSchema,
      response: { 201: adminPersonSchema, 409: apiErrorSchema },
    }),
    async (request, reply) => {
      const { organisationId } = actorOf(request);
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
    declare(access, "Reset a person's password (ends their sessions)", {
      params: personParamsSchema,
      body: setPasswordSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      const { personId } = request.params;
      const hash = await hashPassword(request.body.password, config.passwordHashing);
      if (!(await setPasswordHash(db, actorOf(request).organisationId, personId, hash, config.now()))) {
        throw new ApiError(404, 'person_not_found');
      }
      await deletePersonSessions(db, personId);
      await audit(request, 'password_reset', personId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/:personId/status',
    declare(access, 'Disable or enable a person (disabling ends their sessions)', {
      params: personParamsSchema,
      body: setStatusSchema,
      response: { 200: adminPersonSchema, 409: apiErrorSchema },
    }),
    async (request) => {
      const { personId } = request.params;
      const { disabled } = request.body;
      return change(
        request,
        personId,
        (organisationId) => setDisabled(db, organisationId, personId, disabled, config.now()),
        disabled ? 'person_disabled' : 'person_enabled',
      );
    },
  );

  app.put(
    '/:personId/roles',
    declare(access, "Set a person's roles", {
      params: personParamsSchema,
      body: setRolesSchema,
      response: { 200: adminPersonSchema, 409: apiErrorSchema },
    }),
    async (request) => {
      const { personId } = request.params;
      const { roles } = request.body;
      return change(
        request,
        personId,
        (organisationId) => setRoles(db, organisationId, personId, roles, config.now()),
        'roles_set',
        { roles },
      );
    },
  );
  // Routes are registered synchronously; Fastify takes a promise from an async plugin.
  return Promise.resolve();
};
