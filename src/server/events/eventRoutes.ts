// /api/v1/events: server-sent events for the signed-in person's organisation. The stream says only what
// changed (a workstation then fetches it), pings to keep proxies from closing it, and ends when the
// session does (signed out, expired or disabled): the workstation then signs in again.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SERVER_EVENT_NAMES, type CentreEvent } from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { findSession } from '../storage/sessions';

export const eventRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db, config, events }) => {
  app.get(
    '',
    {
      config: { access: 'signedIn' },
      schema: { summary: 'What changed in my organisation, as server-sent events', tags: ['events'] },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      void reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      out.write('retry: 3000\n\n');
      const send = (name: string, data: unknown) =>
        out.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(ping);
        unsubscribe();
        out.end();
      };
      const unsubscribe = events.subscribe(
        session.organisation.id,
        (event: CentreEvent) => send(SERVER_EVENT_NAMES[event.kind], event),
        end,
      );
      const ping = setInterval(() => {
        void findSession(db, session.tokenHash, config.now()).then(
          (live) => {
            if (live) out.write(': ping\n\n');
            else {
              send(SERVER_EVENT_NAMES.signedOut, {});
              end();
            }
          },
          () => out.write(': ping\n\n'),
        );
      }, config.eventPingMs);
      ping.unref();
      request.raw.on('close', end);
      return reply;
    },
  );
  return Promise.resolve();
};
