// /api/v1/callbacks: the organisation's queue of promised callbacks (issue 17). Operators and supervisors
// of that organisation read it; an operator claims one before calling, gives it back, or closes it with
// the call that kept it. Every change is announced, so every workstation refetches the queue.
import type { FastifyRequest } from 'fastify';
import {
  callbackDoneSchema,
  callbackParamsSchema,
  callbackQueueSchema,
  centreCallbackSchema,
  type CentreCallback,
} from '../../protocol';
import { server as messages } from '../../i18n/ru/server';
import { ApiError } from '../errors';
import { actorOf, operators, routeArea } from '../routeKit';
import {
  claimCallback,
  completeCallback,
  listOpenCallbacks,
  releaseCallback,
  type CallbackChange,
} from '../storage/callbacks';
import type { Actor } from '../storage/accounts';

const readers = ['operator', 'supervisor'] as const;

function settled(change: CallbackChange) {
  switch (change.status) {
    case 'ok':
      return change.callback;
    case 'missing':
      // Another organisation's callback is answered like one that does not exist.
      throw new ApiError(404, 'callback_not_found');
    case 'done':
      throw new ApiError(409, 'callback_done');
    case 'taken':
      throw new ApiError(
        409,
        'callback_taken',
        messages.callbackTaken(change.holder),
        {},
        {
          holder: change.holder,
        },
      );
  }
}

export const callbackRoutes = routeArea('callbacks', [401, 403, 404, 409], (app, deps, declare) => {
  const { db, config, events } = deps;
  /**
   * A change to one callback by the signed-in operator, settled into the callback or its refusal, and
   * announced to every workstation of the organisation.
   */
  const change = async (
    request: FastifyRequest,
    write: (who: Actor) => Promise<CallbackChange>,
  ): Promise<CentreCallback> => {
    const who = { ...actorOf(request), now: config.now() };
    const callback = settled(await write(who));
    await events.announce(who.organisationId, { kind: 'callbacks', callbackId: callback.id });
    return callback;
  };

  app.get(
    '',
    declare(readers, 'The organisation’s callbacks not yet kept, nearest deadline first', {
      response: { 200: callbackQueueSchema },
    }),
    async (request) => {
      const now = config.now();
      return {
        callbacks: await listOpenCallbacks(db, actorOf(request).organisationId, now),
        at: now.toISOString(),
      };
    },
  );

  app.post(
    '/:id/claim',
    declare(operators, 'Take a callback before calling: exactly one of several claiming at once gets it', {
      params: callbackParamsSchema,
      response: { 200: centreCallbackSchema },
    }),
    (request) =>
      change(request, (who) => {
        const until = new Date(who.now.getTime() + config.callbackClaimMinutes * 60_000);
        return claimCallback(db, who, request.params.id, until);
      }),
  );

  app.post(
    '/:id/release',
    declare(operators, 'Give a claimed callback back to the queue', {
      params: callbackParamsSchema,
      response: { 200: centreCallbackSchema },
    }),
    (request) => change(request, (who) => releaseCallback(db, who, request.params.id)),
  );

  app.post(
    '/:id/done',
    declare(operators, 'The callback was made: close it, linked to the call that kept it', {
      params: callbackParamsSchema,
      body: callbackDoneSchema,
      response: { 200: centreCallbackSchema },
    }),
    (request) => change(request, (who) => completeCallback(db, who, request.params.id, request.body.callId)),
  );
});
