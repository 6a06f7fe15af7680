// Serves the built PWA. Hashed files under /assets are cached for a year; everything else (index.html,
// sw.js, the manifest, icons) is revalidated on every load, so a new version is seen at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function hasBuild(dir: string | null): dir is string {
  return dir !== null && existsSync(join(dir, 'index.html'));
}

export async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    index: false,
    cacheControl: false,
    setHeaders(response, path) {
      response.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
    },
  });
  // The root is the app, not a directory listing.
  app.get('/', (_request, reply) => sendApp(reply));
}

/** An app route (no file extension, not the API): the SPA's index.html answers and routes in the browser. */
export function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

export function sendApp(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
}
