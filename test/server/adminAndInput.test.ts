// What an administrator's actions change for the people concerned, and how bad input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/server/app';
import { MURMANSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

describe.each(DATABASE_KINDS)('administration and bad input on %s', (kind) => {
  let server: TestServer;
  let n = 0;
  const admin = (): Promise<Session> => server.signInAs(MURMANSK, 'administrator');
  const addPerson = async (roles: string[], password = 'первый-пароль') => {
    const login = `person.${++n}`;
    const res = await server.call('POST', '/api/v1/admin/people', {
      as: await admin(),
      body: { login, password, surname: 'Лебедева', firstName: 'Ирина', patronymic: 'Олеговна', roles },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { login, id: res.json<{ id: string }>().id };
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { bodyLimit: 4 * 1024 });
  });
  afterAll(() => server.close());

  it('adds a person who can then sign in with the roles given, with the password stored as argon2id', async () => {
    const p = await addPerson(['operator', 'supervisor']);
    const s = await server.signIn(p.login, 'первый-пароль');
    const me = await server.call('GET', '/api/v1/session', { as: s });
    expect(me.json()).toMatchObject({ person: { roles: ['operator', 'supervisor'], surname: 'Лебедева' } });
    const row = await server.db
      .selectFrom('people')
      .select('password_hash')
      .where('id', '=', p.id)
      .executeTakeFirst();
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a login already taken, in any organisation', async () => {
    const res = await server.call('POST', '/api/v1/admin/people', {
      as: await admin(),
      body: {
        login: 'SVERDLOVSK.operator',
        password: 'пароль-длинный',
        surname: 'А',
        firstName: 'Б',
        roles: [],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'login_taken',
      message: 'Этот логин уже занят. Выберите другой.',
    });
  });

  it('resets a password: the old one stops working, the new one works, the person is signed out', async () => {
    const p = await addPerson(['operator']);
    const before = await server.signIn(p.login, 'первый-пароль');
    const res = await server.call('PUT', `/api/v1/admin/people/${p.id}/password`, {
      as: await admin(),
      body: { password: 'второй-пароль' },
    });
    expect(res.statusCode).toBe(204);
    expect((await server.call('GET', '/api/v1/session', { as: before })).statusCode).toBe(401);
    const old = await server.call('POST', '/api/v1/session', {
      body: { login: p.login, password: 'первый-пароль' },
    });
    expect(old.statusCode).toBe(401);
    await expect(server.signIn(p.login, 'второй-пароль')).resolves.toBeTruthy();
  });

  it('disables a person: signed out at once, refused at sign-in in Russian; enabling lets them back', async () => {
    const p = await addPerson(['editor']);
    const s = await server.signIn(p.login, 'первый-пароль');
    const off = await server.call('PUT', `/api/v1/admin/people/${p.id}/status`, {
      as: await admin(),
      body: { disabled: true },
    });
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await server.call('GET', '/api/v1/session', { as: s })).statusCode).toBe(401);
    const refused = await server.call('POST', '/api/v1/session', {
      body: { login: p.login, password: 'первый-пароль' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'account_disabled',
      message: expect.stringContaining('отключена'),
    });
    await server.call('PUT', `/api/v1/admin/people/${p.id}/status`, {
      as: await admin(),
      body: { disabled: false },
    });
    await expect(server.signIn(p.login, 'первый-пароль')).resolves.toBeTruthy();
  });

  it('changes roles, which the person’s next request already obeys', async () => {
    const p = await addPerson(['operator']);
    const s = await server.signIn(p.login, 'первый-пароль');
    expect((await server.call('GET', '/api/v1/admin/people', { as: s })).statusCode).toBe(403);
    await server.call('PUT', `/api/v1/admin/people/${p.id}/roles`, {
      as: await admin(),
      body: { roles: ['administrator'] },
    });
    expect((await server.call('GET', '/api/v1/admin/people', { as: s })).statusCode).toBe(200);
  });

  it('never leaves an organisation without an active administrator', async () => {
    const fresh = await startTestServer(kind);
    try {
      const a = await fresh.signInAs(MURMANSK, 'administrator');
      const me = a.personId;
      const demote = await fresh.call('PUT', `/api/v1/admin/people/${me}/roles`, {
        as: a,
        body: { roles: ['operator'] },
      });
      const disable = await fresh.call('PUT', `/api/v1/admin/people/${me}/status`, {
        as: a,
        body: { disabled: true },
      });
      expect([demote.statusCode, disable.statusCode]).toEqual([409, 409]);
      expect(demote.json()).toMatchObject({ code: 'last_administrator' });
      expect((await fresh.call('GET', '/api/v1/admin/people', { as: a })).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('answers an invalid body 400 with a code, the fields and a Russian message, and stores nothing', async () => {
    const as = await admin();
    const res = await server.call('POST', '/api/v1/admin/people', {
      as,
      body: { login: 'x', password: 'short', surname: '', firstName: 'Б', roles: ['chief'] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; fields: string[] }>();
    expect(body.code).toBe('invalid_request');
    expect(body.fields).toEqual(expect.arrayContaining(['login', 'password', 'surname']));
    expect(body.message).toMatch(/Проверьте: .*логин.*пароль/);
    const list = await server.call('GET', '/api/v1/admin/people', { as });
    expect(list.json<{ people: { login: string }[] }>().people.map((p) => p.login)).not.toContain('x');
  });

  it('answers a malformed id 400, malformed JSON 400, a wrong content type 415, a big body 413, an unknown route 404', async () => {
    const as = await admin();
    const badId = await server.call('PUT', '/api/v1/admin/people/not-a-uuid/roles', {
      as,
      body: { roles: [] },
    });
    const badJson = await server.call('POST', '/api/v1/session', {
      body: '{"login": ',
      headers: { 'content-type': 'application/json' },
    });
    const wrongType = await server.call('POST', '/api/v1/session', {
      body: 'login=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const big = await server.call('POST', '/api/v1/session', {
      body: { login: 'murmansk.operator', password: 'я'.repeat(5000) },
    });
    const unknown = await server.call('GET', '/api/v1/no-such-thing', { as });
    expect([
      badId.statusCode,
      badJson.statusCode,
      wrongType.statusCode,
      big.statusCode,
      unknown.statusCode,
    ]).toEqual([400, 400, 415, 413, 404]);
    expect(badJson.json()).toMatchObject({ code: 'invalid_json' });
    expect(wrongType.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect(big.json()).toMatchObject({ code: 'body_too_large', message: expect.stringContaining('4 КБ') });
    expect(unknown.json()).toMatchObject({ code: 'not_found', message: 'Такого адреса нет.' });
  });

  it('serves the organisation’s profile to its people, with its transfer directory', async () => {
    const s = await server.signInAs(MURMANSK, 'operator');
    const res = await server.call('GET', '/api/v1/organisations/current', { as: s });
    expect(res.json()).toMatchObject({
      id: MURMANSK,
      shortName: 'Минспорт Мурманской области',
      departments: expect.arrayContaining([expect.objectContaining({ id: 'org-info' })]),
    });
  });

  it('gives operators the directory of their organisation’s people by name, without logins, disabled ones left out', async () => {
    const colleague = await addPerson(['operator']);
    const gone = await addPerson(['operator']);
    await server.call('PUT', `/api/v1/admin/people/${gone.id}/status`, {
      as: await admin(),
      body: { disabled: true },
    });
    const res = await server.call('GET', '/api/v1/organisations/current/people', {
      as: await server.signInAs(MURMANSK, 'operator'),
    });
    const { people } = res.json<{ people: { personId: string }[] }>();
    expect(people).toContainEqual({
      personId: colleague.id,
      name: 'Лебедева Ирина Олеговна',
      position: '',
      department: '',
      roles: ['operator'],
    });
    expect(people.map((p) => p.personId)).not.toContain(gone.id);
    expect(res.body).not.toContain(colleague.login);
  });

  it('describes every API route in the OpenAPI document', async () => {
    const doc = (await server.call('GET', '/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
    // Every route the server answers under /api/v1 (its own route list), in OpenAPI's {param} form; the
    // document itself is left out of it.
    const served = new Set(
      routesOf(server.app)
        .map((r) => r.url.replace(/:(\w+)/g, '{$1}'))
        .filter((url) => url.startsWith('/api/v1/') && url !== '/api/v1/openapi.json'),
    );
    expect(served.size).toBeGreaterThan(30);
    expect(Object.keys(doc.paths).sort()).toEqual([...served, '/healthz', '/readyz'].sort());
  });

  it('logs requests without passwords, cookies, tokens, logins or names', async () => {
    const s = await server.signIn('murmansk.editor');
    await server.call('POST', '/api/v1/session', {
      body: { login: 'murmansk.editor', password: 'утечка-пароля' },
    });
    await server.call('GET', '/api/v1/session?phone=89001234567', { as: s });
    const text = server.logs.join('');
    expect(server.logs.length).toBeGreaterThan(0);
    for (const secret of [
      'утечка-пароля',
      'sufler-demo',
      s.cookie,
      s.csrfToken,
      'murmansk.editor',
      'Орлова',
      '89001234567',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
