// /healthz (the process answers) and /readyz (the database answers and has every migration).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context';
import { server as messages } from '../../i18n/ru/server';
import { isReachable } from '../storage/database';
import { migrationStatus } from '../storage/migrate';

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.enum(['current', 'pending', 'unknown']),
  code: z.string().optional(),
  message: z.string().optional(),
});

export const healthRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        summary: 'Liveness',
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => Promise.resolve({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { summary: 'Readiness', tags: ['health'], response: { 200: readySchema, 503: readySchema } },
    },
    async (_request, reply) => {
      if (!(await isReachable(db))) {
        return reply.code(503).send({
          status: 'not_ready',
          database: 'unreachable',
          migrations: 'unknown',
          code: 'database_unavailable',
          message: messages.api.database_unavailable,
        });
      }
      const status = await migrationStatus(db);
      if (!status.current) {
        return reply.code(503).send({
          status: 'not_ready',
          database: 'ok',
          migrations: 'pending',
          code: 'migrations_pending',
          message: messages.api.database_unavailable,
        });
      }
      return { status: 'ready' as const, database: 'ok' as const, migrations: 'current' as const };
    },
  );
  // Routes are registered synchronously; Fastify takes a promise from an async plugin.
  return Promise.resolve();
};
