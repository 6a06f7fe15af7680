// /api/v1/callbacks: the organisation's queue of promised callbacks (issue 17). Operators and supervisors
// of that organisation read it; an operator claims one before calling, gives it back, or closes it with
// the call that kept it. Every change is announced, so every workstation refetches the queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  callbackDoneSchema,
  callbackParamsSchema,
  callbackQueueSchema,
  centreCallbackSchema,
} from '../../protocol';
import { server as messages } from '../../i18n/ru/server';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import {
  claimCallback,
  completeCallback,
  listOpenCallbacks,
  releaseCallback,
  type CallbackChange,
} from '../storage/callbacks';

const readers = ['operator', 'supervisor'] as const;
const takers = ['operator'] as const;
const refusals = { 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

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

export const callbackRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config, events }) => {
  const actor = (request: Parameters<typeof sessionOf>[0]) => {
    const session = sessionOf(request);
    return { organisationId: session.organisation.id, personId: session.person.id, now: config.now() };
  };
  const announce = (organisationId: string, callbackId: string) =>
    events.announce(organisationId, { kind: 'callbacks', callbackId });

  app.get(
    '',
    {
      config: { access: readers },
      schema: {
        summary: 'The organisation’s callbacks not yet kept, nearest deadline first',
        tags: ['callbacks'],
        response: { 200: callbackQueueSchema, ...refusals },
      },
    },
    async (request) => {
      const who = actor(request);
      return {
        callbacks: await listOpenCallbacks(db, who.organisationId, who.now),
        at: who.now.toISOString(),
      };
    },
  );

  app.post(
    '/:id/claim',
    {
      config: { access: takers },
      schema: {
        summary: 'Take a callback before calling: exactly one of several claiming at once gets it',
        tags: ['callbacks'],
        params: callbackParamsSchema,
        response: { 200: centreCallbackSchema, ...refusals },
      },
    },
    async (request) => {
      const who = actor(request);
      const until = new Date(who.now.getTime() + config.callbackClaimMinutes * 60_000);
      const callback = settled(await claimCallback(db, who, request.params.id, until));
      await announce(who.organisationId, callback.id);
      return callback;
    },
  );

  app.post(
    '/:id/release',
    {
      config: { access: takers },
      schema: {
        summary: 'Give a claimed callback back to the queue',
        tags: ['callbacks'],
        params: callbackParamsSchema,
        response: { 200: centreCallbackSchema, ...refusals },
      },
    },
    async (request) => {
      const who = actor(request);
      const callback = settled(await releaseCallback(db, who, request.params.id));
      await announce(who.organisationId, callback.id);
      return callback;
    },
  );

  app.post(
    '/:id/done',
    {
      config: { access: takers },
      schema: {
        summary: 'The callback was made: close it, linked to the call that kept it',
        tags: ['callbacks'],
        params: callbackParamsSchema,
        body: callbackDoneSchema,
        response: { 200: centreCallbackSchema, ...refusals },
      },
    },
    async (request) => {
      const who = actor(request);
      const callback = settled(await completeCallback(db, who, request.params.id, request.body.callId));
      await announce(who.organisationId, callback.id);
      return callback;
    },
  );
  return Promise.resolve();
};
