// /api/v1/handovers: calls handed over by a transfer to a colleague who uses Sufler (issue 17). Only the
// colleague the handover names may read it or accept it; to anyone else it does not exist.
import {
  handoverAcceptSchema,
  handoverListSchema,
  handoverParamsSchema,
  handoverSchema,
} from '../../protocol';
import { ApiError } from '../errors';
import { actorOf, operators, orNotFound, routeArea } from '../routeKit';
import { acceptHandover, findHandover, listOfferedHandovers } from '../storage/handovers';

export const handoverRoutes = routeArea('handovers', [401, 403, 404, 409], (app, { db, config }, declare) => {
  app.get(
    '',
    declare(operators, 'Calls handed over to me and not yet accepted (fetched again on every reconnect)', {
      response: { 200: handoverListSchema },
    }),
    async (request) => {
      const { organisationId, personId } = actorOf(request);
      return { handovers: await listOfferedHandovers(db, organisationId, personId) };
    },
  );

  app.get(
    '/:id',
    declare(operators, 'One handed-over call: the caller card, the need, the notes, the transfers so far', {
      params: handoverParamsSchema,
      response: { 200: handoverSchema },
    }),
    async (request) => {
      const { organisationId, personId } = actorOf(request);
      const found = await findHandover(db, organisationId, personId, request.params.id);
      return orNotFound(found, 'handover_not_found');
    },
  );

  app.post(
    '/:id/accept',
    declare(operators, 'Take the handed-over call on, with the call that continues it', {
      params: handoverParamsSchema,
      body: handoverAcceptSchema,
      response: { 200: handoverSchema },
    }),
    async (request) => {
      const who = { ...actorOf(request), now: config.now() };
      const result = await acceptHandover(db, who, request.params.id, request.body.callId);
      if (result.status === 'ok') return result.handover;
      throw result.status === 'missing'
        ? new ApiError(404, 'handover_not_found')
        : new ApiError(409, 'handover_accepted');
    },
  );
});
