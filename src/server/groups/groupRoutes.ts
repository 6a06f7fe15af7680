// /api/v1/groups: groups of operators (issue 19). Administrators define them; supervisors read them to
// filter calls, figures and exports by one. Another organisation's group, or a member who is not a
// person of the organisation, is not found (404), never forbidden: other tenants' ids reveal nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  groupBodySchema,
  groupParamsSchema,
  operatorGroupSchema,
  operatorGroupsSchema,
  type GroupBody,
  type OperatorGroup,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { appendAudit } from '../storage/audit';
import {
  deleteGroup,
  findGroup,
  GroupNameTakenError,
  listGroups,
  UnknownMemberError,
  writeGroup,
} from '../storage/operatorGroups';

const readers = ['supervisor', 'administrator'] as const;
const admins = ['administrator'] as const;
const refusals = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };

export const groupRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config }) => {
  const save = async (
    request: FastifyRequest,
    body: GroupBody,
    groupId: string,
    create: boolean,
  ): Promise<OperatorGroup> => {
    const s = sessionOf(request);
    try {
      const done = await writeGroup(
        db,
        {
          organisationId: s.organisation.id,
          groupId,
          name: body.name,
          members: body.members,
          at: config.now(),
        },
        create,
      );
      if (!done) throw new ApiError(404, 'group_not_found');
    } catch (e) {
      if (e instanceof GroupNameTakenError) throw new ApiError(409, 'group_name_taken');
      if (e instanceof UnknownMemberError) throw new ApiError(404, 'person_not_found');
      throw e;
    }
    await appendAudit(db, {
      organisationId: s.organisation.id,
      actorPersonId: s.person.id,
      action: 'group_saved',
      address: request.ip,
      details: { groupId, name: body.name, members: body.members.length },
      at: config.now(),
    });
    const group = await findGroup(db, s.organisation.id, groupId);
    if (!group) throw new ApiError(404, 'group_not_found');
    return group;
  };

  app.get(
    '',
    {
      config: { access: readers },
      schema: {
        summary: "The organisation's groups of operators, each with its members",
        tags: ['groups'],
        response: { 200: operatorGroupsSchema, ...refusals },
      },
    },
    async (request) => ({ groups: await listGroups(db, sessionOf(request).organisation.id) }),
  );

  app.post(
    '',
    {
      config: { access: admins },
      schema: {
        summary: 'Define a group of operators: its name and members',
        tags: ['groups'],
        body: groupBodySchema,
        response: { 201: operatorGroupSchema, ...refusals, 409: apiErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await save(request, request.body, randomUUID(), true)),
  );

  app.put(
    '/:groupId',
    {
      config: { access: admins },
      schema: {
        summary: "Rename a group or change its members (the members given replace the group's)",
        tags: ['groups'],
        params: groupParamsSchema,
        body: groupBodySchema,
        response: { 200: operatorGroupSchema, ...refusals, 409: apiErrorSchema },
      },
    },
    async (request) => save(request, request.body, request.params.groupId, false),
  );

  app.delete(
    '/:groupId',
    {
      config: { access: admins },
      schema: {
        summary: 'Remove a group (its members and their calls stay)',
        tags: ['groups'],
        params: groupParamsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      const { groupId } = request.params;
      if (!(await deleteGroup(db, s.organisation.id, groupId))) throw new ApiError(404, 'group_not_found');
      await appendAudit(db, {
        organisationId: s.organisation.id,
        actorPersonId: s.person.id,
        action: 'group_deleted',
        address: request.ip,
        details: { groupId },
        at: config.now(),
      });
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};
