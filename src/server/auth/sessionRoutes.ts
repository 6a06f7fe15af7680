// /api/v1/session: sign in, who am I, sign out, sign out everywhere.
import { z } from 'zod';
import { apiErrorSchema, sessionSchema, signInSchema, type SessionInfo } from '../../protocol';
import { ApiError } from '../errors';
import { auditBy, routeArea } from '../routeKit';
import { server as messages } from '../../i18n/ru/server';
import { findPersonForSignIn, loginKey } from '../storage/accounts';
import { appendAudit } from '../storage/audit';
import { deletePersonSessions, deleteSession, insertSession, type SessionRow } from '../storage/sessions';
import { markAttemptSucceeded, recordAttempt } from '../storage/signInAttempts';
import { clearSessionCookie, sessionExpiry, sessionOf, setSessionCookie, SESSION_COOKIE } from './guard';
import { verifyNobody, verifyPassword } from './passwords';
import { lockoutState } from './signIn';
import { newToken, tokenHash } from './tokens';
import { findSession } from '../storage/sessions';

function info(s: SessionRow): SessionInfo {
  return {
    person: s.person,
    organisation: s.organisation,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
  };
}

export const sessionRoutes = routeArea('session', [400, 401, 403], (app, deps, declare) => {
  const { db, config } = deps;

  app.post(
    '/session',
    {
      config: { access: 'public', csrf: false },
      schema: {
        summary: 'Sign in',
        tags: ['session'],
        body: signInSchema,
        response: {
          200: sessionSchema,
          400: apiErrorSchema,
          401: apiErrorSchema,
          403: apiErrorSchema,
          429: apiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const now = config.now();
      const key = loginKey(request.body.login);
      const address = request.ip;
      const refuseLocked = async (
        until: Date | null,
        organisationId: string | null,
        personId: string | null,
      ) => {
        await appendAudit(db, {
          organisationId,
          actorPersonId: null,
          targetPersonId: personId,
          action: 'sign_in_locked',
          address,
          at: now,
        });
        const seconds = Math.max(1, Math.ceil(((until ?? now).getTime() - now.getTime()) / 1000));
        return new ApiError(429, 'sign_in_locked', messages.locked(seconds / 60), {
          'retry-after': String(seconds),
        });
      };
      const person = await findPersonForSignIn(db, key);
      const orgId = person?.organisationId ?? null;
      const before = await lockoutState(db, key, address, config.signIn, now);
      if (before.locked) throw await refuseLocked(before.until, orgId, person?.id ?? null);
      // The attempt counts as a failure from now on, so attempts made in parallel count each other.
      const attempt = await recordAttempt(db, key, address, now);
      const ok = person
        ? await verifyPassword(person.passwordHash, request.body.password)
        : await verifyNobody(request.body.password, config.passwordHashing);
      if (!ok || !person) {
        await appendAudit(db, {
          organisationId: orgId,
          actorPersonId: null,
          targetPersonId: person?.id ?? null,
          action: 'sign_in_failed',
          address,
          at: now,
        });
        const after = await lockoutState(db, key, address, config.signIn, now);
        if (after.locked) throw await refuseLocked(after.until, orgId, person?.id ?? null);
        throw new ApiError(401, 'invalid_credentials');
      }
      if (person.disabled) {
        await appendAudit(db, {
          organisationId: orgId,
          actorPersonId: null,
          targetPersonId: person.id,
          action: 'sign_in_failed',
          address,
          details: { reason: 'disabled' },
          at: now,
        });
        throw new ApiError(403, 'account_disabled');
      }
      await markAttemptSucceeded(db, attempt);
      // A new token every sign-in (no fixation); a session the browser still carried ends here.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(db, tokenHash(previous));
      const token = newToken();
      const expiresAt = sessionExpiry(deps, now, now);
      await insertSession(db, {
        tokenHash: tokenHash(token),
        personId: person.id,
        organisationId: person.organisationId,
        csrfToken: newToken(),
        now,
        expiresAt,
      });
      await appendAudit(db, {
        organisationId: person.organisationId,
        actorPersonId: person.id,
        action: 'sign_in',
        address,
        at: now,
      });
      const session = await findSession(db, tokenHash(token), now);
      if (!session) throw new ApiError(500, 'internal');
      setSessionCookie(request, reply, token, expiresAt);
      return info(session);
    },
  );

  app.get(
    '/session',
    declare('signedIn', 'Who am I', { response: { 200: sessionSchema } }, [401]),
    (request) => Promise.resolve(info(sessionOf(request))),
  );

  app.delete(
    '/session',
    declare('signedIn', 'Sign out', { response: { 204: z.null() } }),
    async (request, reply) => {
      await deleteSession(db, sessionOf(request).tokenHash);
      await auditBy(db, request, { action: 'sign_out', at: config.now() });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/session/everywhere',
    declare('signedIn', 'Sign out on every device', { response: { 204: z.null() } }),
    async (request, reply) => {
      const ended = await deletePersonSessions(db, sessionOf(request).person.id);
      await auditBy(db, request, {
        action: 'sign_out_everywhere',
        details: { sessions: ended },
        at: config.now(),
      });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
});
