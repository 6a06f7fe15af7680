// /api/v1/groups: groups of operators (issue 19). Administrators define them; supervisors read them to
// filter calls, figures and exports by one. Another organisation's group, or a member who is not a
// person of the organisation, is not found (404), never forbidden: other tenants' ids reveal nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
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
import { ApiError } from '../errors';
import { actorOf, administrators, auditBy, orNotFound, routeArea, supervisors } from '../routeKit';
import {
  deleteGroup,
  findGroup,
  GroupNameTakenError,
  listGroups,
  UnknownMemberError,
  writeGroup,
} from '../storage/operatorGroups';

export const groupRoutes = routeArea('groups', [400, 401, 403, 404], (app, { db, config }, declare) => {
  const save = async (
    request: FastifyRequest,
    body: GroupBody,
    groupId: string,
    create: boolean,
  ): Promise<OperatorGroup> => {
    const { organisationId } = actorOf(request);
    try {
      const done = await writeGroup(
        db,
        { organisationId, groupId, name: body.name, members: body.members, at: config.now() },
        create,
      );
      if (!done) throw new ApiError(404, 'group_not_found');
    } catch (e) {
      if (e instanceof GroupNameTakenError) throw new ApiError(409, 'group_name_taken');
      if (e instanceof UnknownMemberError) throw new ApiError(404, 'person_not_found');
      throw e;
    }
    await auditBy(db, request, {
      action: 'group_saved',
      details: { groupId, name: body.name, members: body.members.length },
      at: config.now(),
    });
    return orNotFound(await findGroup(db, organisationId, groupId), 'group_not_found');
  };

  app.get(
    '',
    declare(supervisors, "The organisation's groups of operators, each with its members", {
      response: { 200: operatorGroupsSchema },
    }),
    async (request) => ({ groups: await listGroups(db, actorOf(request).organisationId) }),
  );

  app.post(
    '',
    declare(administrators, 'Define a group of operators: its name and members', {
      body: groupBodySchema,
      response: { 201: operatorGroupSchema, 409: apiErrorSchema },
    }),
    async (request, reply) => reply.code(201).send(await save(request, request.body, randomUUID(), true)),
  );

  app.put(
    '/:groupId',
    declare(administrators, "Rename a group or change its members (the members given replace the group's)", {
      params: groupParamsSchema,
      body: groupBodySchema,
      response: { 200: operatorGroupSchema, 409: apiErrorSchema },
    }),
    async (request) => save(request, request.body, request.params.groupId, false),
  );

  app.delete(
    '/:groupId',
    declare(administrators, 'Remove a group (its members and their calls stay)', {
      params: groupParamsSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      const { groupId } = request.params;
      if (!(await deleteGroup(db, actorOf(request).organisationId, groupId)))
        throw new ApiError(404, 'group_not_found');
      await auditBy(db, request, { action: 'group_deleted', details: { groupId }, at: config.now() });
      return reply.code(204).send(null);
    },
  );
});
