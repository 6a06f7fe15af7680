// /api/v1/handovers: calls handed over by a transfer to a colleague who uses Sufler (issue 17). Only the
// colleague the handover names may read it or accept it; to anyone else it does not exist.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  handoverAcceptSchema,
  handoverListSchema,
  handoverParamsSchema,
  handoverSchema,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { acceptHandover, findHandover, listOfferedHandovers } from '../storage/handovers';

const access = ['operator'] as const;
const refusals = { 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

export const handoverRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config }) => {
  app.get(
    '',
    {
      config: { access },
      schema: {
        summary: 'Calls handed over to me and not yet accepted (fetched again on every reconnect)',
        tags: ['handovers'],
        response: { 200: handoverListSchema, ...refusals },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return { handovers: await listOfferedHandovers(db, session.organisation.id, session.person.id) };
    },
  );

  app.get(
    '/:id',
    {
      config: { access },
      schema: {
        summary: 'One handed-over call: the caller card, the need, the notes, the transfers so far',
        tags: ['handovers'],
        params: handoverParamsSchema,
        response: { 200: handoverSchema, ...refusals },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const found = await findHandover(db, session.organisation.id, session.person.id, request.params.id);
      if (!found) throw new ApiError(404, 'handover_not_found');
      return found;
    },
  );

  app.post(
    '/:id/accept',
    {
      config: { access },
      schema: {
        summary: 'Take the handed-over call on, with the call that continues it',
        tags: ['handovers'],
        params: handoverParamsSchema,
        body: handoverAcceptSchema,
        response: { 200: handoverSchema, ...refusals },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const who = { organisationId: session.organisation.id, personId: session.person.id, now: config.now() };
      const result = await acceptHandover(db, who, request.params.id, request.body.callId);
      if (result.status === 'ok') return result.handover;
      throw result.status === 'missing'
        ? new ApiError(404, 'handover_not_found')
        : new ApiError(409, 'handover_accepted');
    },
  );
  return Promise.resolve();
};
