// /api/v1/calls/events: an operator's workstation uploads the events of its calls (issue 17). Each
// event is stored once whatever the number of retries; the answer per call tells the workstation which
// events it may forget, or why the server refused a call (it then kept everything it already had).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, callEventAcksSchema, callEventBatchSchema, type CallAck } from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { server as messages } from '../../i18n/ru/server';
import { storeCallEvents } from '../storage/callEvents';

const access = ['operator'] as const;
const refusals = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 413: apiErrorSchema };

export const callRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config, events }) => {
  app.post(
    '/events',
    {
      config: { access },
      schema: {
        summary: 'Upload call events, grouped per call in order; each is stored once by (callId, seq)',
        tags: ['calls'],
        body: callEventBatchSchema,
        response: { 200: callEventAcksSchema, ...refusals },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const { organisationId, calls } = request.body;
      if (organisationId !== session.organisation.id) throw new ApiError(403, 'organisation_mismatch');
      const ids = calls.map((c) => c.callId);
      const misfiled = calls.some((c) => c.events.some((e) => e.callId !== c.callId));
      if (misfiled || new Set(ids).size !== ids.length) {
        throw new ApiError(400, 'invalid_request', messages.invalidRequest(['calls']));
      }
      const results = await storeCallEvents(
        db,
        { organisationId, personId: session.person.id },
        calls,
        config.now(),
      );
      for (const r of results) {
        if (r.status !== 'stored') continue;
        if (r.filedCallback)
          await events.announce(organisationId, { kind: 'callbacks', callbackId: r.filedCallback });
        if (r.handover)
          await events.announce(organisationId, {
            kind: 'handover',
            handoverId: r.handover.id,
            recipientPersonId: r.handover.recipientPersonId,
          });
      }
      return {
        calls: results.map((r): CallAck =>
          r.status === 'stored'
            ? { callId: r.callId, status: r.status, added: r.added }
            : { ...r, message: messages.api[r.code] },
        ),
      };
    },
  );
  return Promise.resolve();
};
