// /api/v1/admin/people: an administrator manages the people of their own organisation. Another
// organisation's person is not found (404), never forbidden: ids of other tenants reveal nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
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
import { ApiError } from '../errors';
import { actorOf, administrators, auditBy, orNotFound, routeArea } from '../routeKit';
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

export const peopleRoutes = routeArea('admin', [400, 401, 403, 404], (app, { db, config }, declare) => {
  const found = async (organisationId: string, personId: string): Promise<AdminPerson> =>
    orNotFound(await findPerson(db, organisationId, personId), 'person_not_found');

  const audit = (
    request: FastifyRequest,
    action: AuditAction,
    targetPersonId: string,
    details: Record<string, unknown> = {},
  ) => auditBy(db, request, { action, targetPersonId, details, at: config.now() });

  /**
   * A change of a person of the organisation at /:personId/`what`: written (false: there is no such
   * person), refused when it would leave the organisation without an active administrator, audited as
   * `audited` names it, and answered with the person as now.
   */
  const changeRoute = <B>(
    what: string,
    summary: string,
    body: z.ZodType<B>,
    write: (organisationId: string, personId: string, change: B) => Promise<boolean>,
    audited: (change: B) => [AuditAction, Record<string, unknown>?],
  ) =>
    app.put(
      `/:personId/${what}`,
      declare(administrators, summary, {
        params: personParamsSchema,
        body,
        response: { 200: adminPersonSchema, 409: apiErrorSchema },
      }),
      async (request) => {
        const { personId } = request.params;
        const { organisationId } = actorOf(request);
        // The type provider types a generic schema's body UndefinedToUnknown<B>: B, as no body is undefined.
        const change = request.body as B;
        try {
          if (!(await write(organisationId, personId, change))) throw new ApiError(404, 'person_not_found');
        } catch (e) {
          if (e instanceof LastAdministratorError) throw new ApiError(409, 'last_administrator');
          throw e;
        }
        const [action, details] = audited(change);
        await audit(request, action, personId, details);
        return found(organisationId, personId);
      },
    );

  app.get(
    '',
    declare(administrators, 'People of my organisation', { response: { 200: peopleListSchema } }),
    async (request) => ({ people: await listPeople(db, actorOf(request).organisationId) }),
  );

  app.post(
    '',
    declare(administrators, 'Add a person', {
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
    declare(administrators, "Reset a person's password (ends their sessions)", {
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

  changeRoute(
    'status',
    'Disable or enable a person (disabling ends their sessions)',
    setStatusSchema,
    (organisationId, personId, { disabled }) =>
      setDisabled(db, organisationId, personId, disabled, config.now()),
    ({ disabled }) => [disabled ? 'person_disabled' : 'person_enabled'],
  );

  changeRoute(
    'roles',
    "Set a person's roles",
    setRolesSchema,
    (organisationId, personId, { roles }) => setRoles(db, organisationId, personId, roles, config.now()),
    ({ roles }) => ['roles_set', { roles }],
  );
});
