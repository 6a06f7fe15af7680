// The hook in front of every API route: loads the session from its cookie, refuses cross-site writes,
// checks the CSRF token of every state-changing request, and applies the route's declared access.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../protocol';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { extendSession, findSession, type SessionRow } from '../storage/sessions';
import { sameToken, tokenHash } from './tokens';

export const SESSION_COOKIE = 'sufler_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A session seen again within this time is not written back: a write per request would double its cost.
const TOUCH_AFTER_MS = 5 * 60_000;

export function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function sessionExpiry(deps: ServerDeps, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + deps.config.session.idleHours * 3_600_000;
  const absolute = createdAt.getTime() + deps.config.session.absoluteDays * 86_400_000;
  return new Date(Math.min(idle, absolute));
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
    expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
  });
}

/** The request's own origin, as a browser would write it in the Origin header. */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

async function loadSession(deps: ServerDeps, request: FastifyRequest): Promise<SessionRow | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const now = deps.config.now();
  const session = await findSession(deps.db, tokenHash(token), now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const expiresAt = sessionExpiry(deps, session.createdAt, now);
    await extendSession(deps.db, session.tokenHash, now, expiresAt);
    session.lastSeenAt = now;
    session.expiresAt = expiresAt;
  }
  return session;
}

export function makeGuard(deps: ServerDeps) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { access, csrf = true } = request.routeOptions.config;
    const writes = !SAFE_METHODS.has(request.method);
    if (writes) {
      // A browser names the page a write comes from: another site's page is refused before anything else.
      const origin = request.headers.origin;
      if (
        (origin !== undefined && origin !== ownOrigin(request)) ||
        request.headers['sec-fetch-site'] === 'cross-site'
      ) {
        throw new ApiError(403, 'forbidden_origin');
      }
    }
    request.session = await loadSession(deps, request);
    if (access === undefined) throw new ApiError(404, 'not_found');
    if (access === 'public') return;
    const session = request.session;
    if (!session) {
      const hadCookie = Boolean(request.cookies[SESSION_COOKIE]);
      if (hadCookie) clearSessionCookie(request, reply);
      throw new ApiError(401, hadCookie ? 'session_expired' : 'not_signed_in');
    }
    if (writes && csrf) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new ApiError(403, 'csrf_failed');
      }
    }
    if (access !== 'signedIn' && !session.person.roles.some((r) => access.includes(r))) {
      throw new ApiError(403, 'forbidden_role');
    }
  };
}

/** The session of a route declared signed-in; the guard has already refused requests without one. */
export function sessionOf(request: FastifyRequest): SessionRow {
  if (!request.session) throw new ApiError(401, 'not_signed_in');
  return request.session;
}
