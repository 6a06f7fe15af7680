// PUT /api/v1/calls/outbox: an operator's workstation says how its outbox stands when it becomes stuck or
// moves again, so the supervisors' board counts the stuck ones (issue 20). Kept per session.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, outboxReportSchema } from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { saveOutboxReport } from '../storage/outboxReports';
import { BoardNews } from '../supervision/boardNews';

export const outboxRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, events }) => {
  const board = new BoardNews(events);
  app.addHook('onClose', (_instance, done) => {
    board.stop();
    done();
  });
  app.put(
    '/',
    {
      config: { access: ['operator'] },
      schema: {
        summary: "Report how this workstation's outbox stands (stuck, or moving again)",
        tags: ['calls'],
        body: outboxReportSchema,
        response: { 204: z.null(), 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await saveOutboxReport(
        db,
        {
          sessionTokenHash: session.tokenHash,
          organisationId: session.organisation.id,
          personId: session.person.id,
        },
        request.body,
        Date.now(),
      );
      board.moved(session.organisation.id);
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};
