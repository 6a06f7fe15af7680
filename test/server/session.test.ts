// Sign-in, sessions, CSRF and sign-in limits as a person (or an attacker) meets them.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/storage/audit';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { MURMANSK, SVERDLOVSK, startTestServer, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';
import { buildServer } from '../../src/server/app';

const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'sufler_session');

describe.each(DATABASE_KINDS)('sessions on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { signIn: { perLogin: 5, perAddress: 12, windowMinutes: 15 } });
  });
  afterAll(() => server.close());

  it('signs in with an HttpOnly SameSite=Lax cookie, not Secure over plain http, and says who I am', async () => {
    const res = await server.call('POST', '/api/v1/session', {
      body: { login: 'Murmansk.Operator', password: SAMPLE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({
      person: { login: 'murmansk.operator', roles: ['operator'], surname: 'Смирнова' },
      organisation: { id: MURMANSK },
    });
  });

  it('marks the cookie Secure behind a proxy that says https, when told to trust it', async () => {
    const behindProxy = await startTestServer(kind, { trustProxy: true });
    try {
      const res = await behindProxy.call('POST', '/api/v1/session', {
        body: { login: 'murmansk.operator', password: SAMPLE_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(sessionCookie(res)?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('answers a wrong password and an unknown login with the same Russian refusal', async () => {
    const wrong = await server.call('POST', '/api/v1/session', {
      body: { login: 'sverdlovsk.editor', password: 'не тот пароль' },
    });
    const unknown = await server.call('POST', '/api/v1/session', {
      body: { login: 'nobody.here', password: 'не тот пароль' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'invalid_credentials', message: 'Неверный логин или пароль.' });
    expect(unknown.json()).toEqual(wrong.json());
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('locks a login after 5 failures, even for the right password, and lets it in once the window passed', async () => {
    const login = 'sverdlovsk.supervisor';
    for (let i = 0; i < 4; i++) {
      const res = await server.call('POST', '/api/v1/session', { body: { login, password: `неверно-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const fifth = await server.call('POST', '/api/v1/session', { body: { login, password: 'неверно-5' } });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({
      code: 'sign_in_locked',
      message: expect.stringContaining('через 15 минут'),
    });
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
    const right = await server.call('POST', '/api/v1/session', {
      body: { login, password: SAMPLE_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    server.advance(16 * 60_000);
    const later = await server.call('POST', '/api/v1/session', {
      body: { login, password: SAMPLE_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('locks an address that tries many logins, whichever login it tries next', async () => {
    const address = { 'x-forwarded-for': '203.0.113.7' };
    const proxied = await startTestServer(kind, {
      trustProxy: true,
      signIn: { perLogin: 5, perAddress: 3, windowMinutes: 15 },
    });
    try {
      for (const login of ['a.one', 'b.two', 'c.three']) {
        await proxied.call('POST', '/api/v1/session', { body: { login, password: 'x' }, headers: address });
      }
      const next = await proxied.call('POST', '/api/v1/session', {
        body: { login: 'murmansk.editor', password: SAMPLE_PASSWORD },
        headers: address,
      });
      expect(next.statusCode).toBe(429);
      const elsewhere = await proxied.call('POST', '/api/v1/session', {
        body: { login: 'murmansk.editor', password: SAMPLE_PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.8' },
      });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it.runIf(kind === 'postgres')(
    'counts attempts in the database, so a second server instance on it sees the same lockout',
    async () => {
      const login = 'murmansk.supervisor';
      for (let i = 0; i < 5; i++) {
        await server.call('POST', '/api/v1/session', { body: { login, password: `неверно-${i}` } });
      }
      const second = await buildServer({ ...server.config, seedSamples: false });
      try {
        const res = await second.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { login, password: SAMPLE_PASSWORD },
        });
        expect(res.statusCode).toBe(429);
      } finally {
        await second.close();
      }
    },
  );

  it('gives a new token at every sign-in and ends the session the browser carried (no fixation)', async () => {
    const first = await server.signInAs(MURMANSK, 'editor');
    const res = await server.call('POST', '/api/v1/session', {
      body: { login: 'murmansk.editor', password: SAMPLE_PASSWORD },
      headers: { cookie: `sufler_session=${first.cookie}` },
    });
    expect(sessionCookie(res)?.value).not.toBe(first.cookie);
    const old = await server.call('GET', '/api/v1/session', { as: first });
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'session_expired' });
  });

  it('signs out: the same cookie no longer opens anything', async () => {
    const s = await server.signInAs(SVERDLOVSK, 'operator');
    expect((await server.call('DELETE', '/api/v1/session', { as: s })).statusCode).toBe(204);
    expect((await server.call('GET', '/api/v1/organisations/current', { as: s })).statusCode).toBe(401);
  });

  it('signs out everywhere: every device of that person, and nobody else', async () => {
    const desk = await server.signInAs(SVERDLOVSK, 'editor');
    const laptop = await server.signInAs(SVERDLOVSK, 'editor');
    const colleague = await server.signInAs(SVERDLOVSK, 'operator');
    expect((await server.call('DELETE', '/api/v1/session/everywhere', { as: desk })).statusCode).toBe(204);
    expect((await server.call('GET', '/api/v1/session', { as: laptop })).statusCode).toBe(401);
    expect((await server.call('GET', '/api/v1/session', { as: colleague })).statusCode).toBe(200);
  });

  it('ends a session after its idle time', async () => {
    const s = await server.signInAs(MURMANSK, 'operator');
    server.advance(13 * 3_600_000);
    expect((await server.call('GET', '/api/v1/session', { as: s })).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, with a wrong one, or from another site', async () => {
    const admin = await server.signInAs(MURMANSK, 'administrator');
    const body = {
      login: 'csrf.victim',
      password: 'пароль-жертвы',
      surname: 'А',
      firstName: 'Б',
      roles: ['operator'],
    };
    const noToken = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body,
      headers: { 'x-csrf-token': '' },
    });
    const wrongToken = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body,
      headers: { 'x-csrf-token': 'forged' },
    });
    const crossSite = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body,
      headers: { origin: 'https://evil.example' },
    });
    const crossSiteSignIn = await server.call('POST', '/api/v1/session', {
      body: { login: 'murmansk.operator', password: SAMPLE_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect([
      noToken.statusCode,
      wrongToken.statusCode,
      crossSite.statusCode,
      crossSiteSignIn.statusCode,
    ]).toEqual([403, 403, 403, 403]);
    expect(noToken.json()).toMatchObject({ code: 'csrf_failed' });
    expect(crossSite.json()).toMatchObject({ code: 'forbidden_origin' });
    const list = await server.call('GET', '/api/v1/admin/people', { as: admin });
    expect(list.body).not.toContain('csrf.victim');
    const sameSite = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body,
      headers: { origin: 'http://localhost:80' },
    });
    expect(sameSite.statusCode).toBe(201);
  });

  it('records sign-ins, failures and administrator actions in the audit log, never a password', async () => {
    const admin = await server.signInAs(SVERDLOVSK, 'administrator');
    await server.call('POST', '/api/v1/session', {
      body: { login: 'sverdlovsk.operator', password: 'секрет-неверный' },
    });
    const added = await server.call('POST', '/api/v1/admin/people', {
      as: admin,
      body: {
        login: 'audit.person',
        password: 'секрет-новый-1',
        surname: 'А',
        firstName: 'Б',
        roles: ['operator'],
      },
    });
    const id = added.json<{ id: string }>().id;
    await server.call('PUT', `/api/v1/admin/people/${id}/password`, {
      as: admin,
      body: { password: 'секрет-новый-2' },
    });
    await server.call('PUT', `/api/v1/admin/people/${id}/roles`, { as: admin, body: { roles: ['editor'] } });
    await server.call('PUT', `/api/v1/admin/people/${id}/status`, { as: admin, body: { disabled: true } });
    const entries = await listAudit(server.db, SVERDLOVSK);
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sign_in',
        'sign_in_failed',
        'person_added',
        'password_reset',
        'roles_set',
        'person_disabled',
      ]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/секрет/);
  });
});
