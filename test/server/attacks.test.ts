// Issue 20's attacks beyond the route table (routeAccess.test.ts): a session id planted before sign-in,
// the cookie's flags, and hostile input in every string field that reaches SQL, a page or a CSV file —
// each either kept as plain text, byte for byte, or refused with its code, and nothing stored changed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { countCallEvents, listCallEvents } from '../../src/server/storage/callEvents';
import { MURMANSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';
import { batch, callEvent, callEvents, FLOW } from './callEventsKit';

/** SQL metacharacters, markup and spreadsheet formula prefixes, as a caller or an insider might type them. */
const HOSTILE = [
  `O'Brien"; DROP TABLE people; --`,
  `'); DELETE FROM call_events WHERE ('1'='1`,
  `<script>alert(1)</script><img src=x onerror=alert(2)>`,
  `=HYPERLINK("http://evil.example","нажми")`,
  `+7 (999) 000-00-00`,
  `-2+3`,
  `@SUM(A1:A9)`,
  `\\x00 %s %n $1 \${x} {{organisation.phone}}`,
];

/** Strings PostgreSQL cannot hold: refused at the door (400), never a driver error (500). */
const UNSTORABLE = ['до\u0000после', 'half a pair \ud800 here'];

/** A wrap-up as a workstation sends it (src/protocol/calls.ts callWrapUpSchema). */
const WRAP_UP = {
  savedAt: Date.UTC(2026, 11, 6, 9, 30),
  outcome: null,
  summary: 'Кратко',
  topic: 'appeals',
  articlesUsed: [],
  satisfaction: 5,
  surveyOffered: false,
  afterCallMs: 30_000,
};

describe.each(DATABASE_KINDS)('attacks on %s', (kind) => {
  let server: TestServer;
  let admin: Session;
  let operator: Session;
  let n = 0;
  const tables = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
        where table_schema = current_schema()`.execute(server.db)
    ).rows[0]?.n;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.signInAs(MURMANSK, 'administrator');
    operator = await server.signInAs(MURMANSK, 'operator');
  });
  afterAll(() => server.close());

  it('does not honour a session id planted before sign-in: the browser gets a new one, the planted one opens nothing', async () => {
    const planted = 'a'.repeat(43);
    const res = await server.call('POST', '/api/v1/session', {
      body: { login: 'murmansk.supervisor', password: SAMPLE_PASSWORD },
      headers: { cookie: `sufler_session=${planted}` },
    });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'sufler_session');
    expect(issued?.value).toMatch(/^[\w-]{32,}$/);
    expect(issued?.value).not.toBe(planted);
    const withPlanted = await server.call('GET', '/api/v1/session', {
      headers: { cookie: `sufler_session=${planted}` },
    });
    expect(withPlanted.statusCode).toBe(401);
  });

  it('sets the cookie for the whole site, HttpOnly, SameSite=Lax, expiring; Secure only behind a trusted TLS proxy', async () => {
    const signIn = (s: TestServer) =>
      s.call('POST', '/api/v1/session', {
        body: { login: 'murmansk.editor', password: SAMPLE_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
    const plain = (await signIn(server)).cookies.find((c) => c.name === 'sufler_session');
    // Without TRUST_PROXY a client cannot claim https for itself (and so cannot make the cookie differ).
    expect(plain).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(plain?.secure).toBeFalsy();
    expect(plain?.expires?.getTime()).toBeGreaterThan(Date.now());
    const proxied = await startTestServer(kind, { trustProxy: true });
    try {
      const behind = (await signIn(proxied)).cookies.find((c) => c.name === 'sufler_session');
      expect(behind).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax', secure: true });
    } finally {
      await proxied.close();
    }
  });

  it('keeps hostile text in every field of a person as plain text, byte for byte, and runs none of it', async () => {
    const before = await tables();
    for (const text of HOSTILE) {
      const body = {
        login: `hostile.${++n}`,
        password: 'пароль-надёжный',
        surname: text,
        firstName: text,
        patronymic: text,
        position: text,
        department: text,
        roles: ['operator'],
      };
      const res = await server.call('POST', '/api/v1/admin/people', { as: admin, body });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const list = await server.call('GET', '/api/v1/admin/people', { as: admin });
    const people = list.json<{ people: Record<string, unknown>[] }>().people;
    for (const text of HOSTILE) {
      expect(people.filter((p) => p.surname === text && p.department === text)).toHaveLength(1);
    }
    expect(await tables()).toBe(before);
    // Every sample person is still there and can still sign in.
    await server.signInAs(MURMANSK, 'editor');
  });

  it('refuses a sign-in by SQL in the login or the password like any wrong password', async () => {
    for (const text of HOSTILE.slice(0, 2)) {
      const res = await server.call('POST', '/api/v1/session', { body: { login: text, password: text } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invalid_credentials' });
      const asLogin = await server.call('POST', '/api/v1/session', {
        body: { login: `murmansk.operator${text}`, password: SAMPLE_PASSWORD },
      });
      expect(asLogin.statusCode).toBe(401);
    }
  });

  it('stores hostile text inside call events as sent, under a hostile call id, once', async () => {
    const callId = `call'; DROP TABLE calls; --<b>${++n}`;
    const events = callEvents(callId, 0, 1).map((e, i) =>
      i === 1 ? { ...e, event: { type: 'operator.note', text: HOSTILE.join('\n') } } : e,
    );
    for (let i = 0; i < 2; i++) {
      const res = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: batch(MURMANSK, [callId, events]),
      });
      expect(res.json()).toMatchObject({ calls: [{ callId, status: 'stored', added: i === 0 ? 2 : 0 }] });
    }
    expect((await listCallEvents(server.db, callId)).map((e) => e.payload)).toEqual(events);
  });

  it.each(UNSTORABLE)(
    'refuses text PostgreSQL cannot hold (%j) in any field with 400, storing nothing',
    async (text) => {
      const events = await countCallEvents(server.db);
      const people = await server.call('GET', '/api/v1/admin/people', { as: admin });
      const person = await server.call('POST', '/api/v1/admin/people', {
        as: admin,
        body: {
          login: `bad.${++n}`,
          password: 'пароль-надёжный',
          surname: text,
          firstName: 'А',
          roles: ['operator'],
        },
      });
      const signIn = await server.call('POST', '/api/v1/session', { body: { login: text, password: 'x' } });
      const callId = `bad-${++n}`;
      const inId = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: batch(MURMANSK, [`${callId}${text}`, callEvents(`${callId}${text}`, 0, 0)]),
      });
      const inEvent = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: batch(MURMANSK, [
          callId,
          [callEvent(callId, 0), callEvent(callId, 1, { event: { type: 'operator.note', text } })],
        ]),
      });
      // The wrap-up's free text too (issue 19), for a call the server holds.
      const inWrapUp = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: {
          organisationId: MURMANSK,
          calls: [{ callId, events: [callEvent(callId, 0)], wrapUp: { ...WRAP_UP, summary: text } }],
        },
      });
      const note = await server.call('POST', `/api/v1/flows/bad-${n}/versions`, {
        as: await server.signInAs(MURMANSK, 'editor'),
        body: { definition: { ...FLOW, id: `bad-${n}` }, baseVersion: null, note: text },
      });
      for (const res of [person, signIn, inId, inEvent, inWrapUp, note]) {
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({
          code: 'invalid_request',
          message: expect.stringMatching(/[а-яё]/i),
        });
      }
      expect(await countCallEvents(server.db)).toBe(events);
      const after = await server.call('GET', '/api/v1/admin/people', { as: admin });
      expect(after.json()).toEqual(people.json());
      const flow = await server.call('GET', `/api/v1/flows/bad-${n}/versions`, { as: operator });
      expect(flow.statusCode).toBe(404);
    },
  );

  it('refuses numbers out of range in an upload with 400 (never a database error), keeping what it had', async () => {
    const callId = `range-${++n}`;
    await server.call('POST', '/api/v1/calls/events', {
      as: operator,
      body: batch(MURMANSK, [callId, callEvents(callId, 0, 1)]),
    });
    const events = await countCallEvents(server.db);
    const other = `range-${++n}`;
    const bad = [
      [callId, [callEvent(callId, 2, { seq: -1 })]],
      [callId, [callEvent(callId, 2, { seq: 2.5 })]],
      [callId, [callEvent(callId, 2, { seq: 2 ** 53 })]],
      [callId, [callEvent(callId, 2, { seq: 2 ** 31 })]],
      [other, [callEvent(other, 0, { flowVersion: 2 ** 31 })]],
      [other, [callEvent(other, 0, { at: 9e15 })]],
      [callId, [callEvent(callId, 2, { at: -1 })]],
    ] as const;
    for (const [id, evs] of bad) {
      const res = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: batch(MURMANSK, [id, [...evs]]),
      });
      expect(res.statusCode, `${JSON.stringify(evs[0])}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request' });
    }
    // A wrap-up's numbers and choices too (issue 19), and a call sending neither events nor a wrap-up.
    const badWrapUps = [
      { ...WRAP_UP, savedAt: -1 },
      { ...WRAP_UP, savedAt: 9e15 },
      { ...WRAP_UP, satisfaction: 6 },
      { ...WRAP_UP, satisfaction: 2.5 },
      { ...WRAP_UP, afterCallMs: -5 },
      { ...WRAP_UP, outcome: 'won' },
      { ...WRAP_UP, topic: '' },
      { ...WRAP_UP, summary: 'я'.repeat(10_001) },
      { ...WRAP_UP, articlesUsed: Array.from({ length: 101 }, (_, i) => `a${i}`) },
      undefined,
    ];
    for (const wrapUp of badWrapUps) {
      const res = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: { organisationId: MURMANSK, calls: [{ callId, events: [], ...(wrapUp ? { wrapUp } : {}) }] },
      });
      expect(res.statusCode, `${JSON.stringify(wrapUp)?.slice(0, 80)}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request' });
    }
    expect(
      await server.db.selectFrom('call_wrapups').select('call_id').where('call_id', '=', callId).execute(),
    ).toEqual([]);
    // A number in range that leaves a gap is the call's own refusal.
    const gap = await server.call('POST', '/api/v1/calls/events', {
      as: operator,
      body: batch(MURMANSK, [callId, [callEvent(callId, 2 ** 31 - 1)]]),
    });
    expect(gap.json()).toMatchObject({ calls: [{ status: 'refused', code: 'sequence_gap' }] });
    expect(await countCallEvents(server.db)).toBe(events);
    expect((await listCallEvents(server.db, callId)).map((e) => e.seq)).toEqual([0, 1]);
  });

  it('answers a batch over the size limit 413 with its code and stores none of it', async () => {
    const callId = `big-${++n}`;
    const events = callEvents(callId, 0, 150).map((e) => ({
      ...e,
      after: { state: 'x'.repeat(150), stepId: 'y'.repeat(150) },
    }));
    const before = await countCallEvents(server.db);
    const res = await server.call('POST', '/api/v1/calls/events', {
      as: operator,
      body: batch(MURMANSK, [callId, events]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'body_too_large', message: expect.stringMatching(/КБ/) });
    expect(await countCallEvents(server.db)).toBe(before);
  });

  it('answers malformed JSON, a wrong content type and a prototype-polluting body on every write with its code', async () => {
    const editor = await server.signInAs(MURMANSK, 'editor');
    const writes: [string, Session][] = [
      ['/api/v1/calls/events', operator],
      ['/api/v1/admin/people', admin],
      [`/api/v1/flows/${FLOW.id}/versions`, editor],
    ];
    const before = await countCallEvents(server.db);
    for (const [url, as] of writes) {
      const malformed = await server.call('POST', url, {
        as,
        body: '{"calls": [',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ code: 'invalid_json' });
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const wrong = await server.call('POST', url, { as, body: 'a=1', headers: { 'content-type': type } });
        expect(wrong.statusCode, `${url} ${type}`).toBe(415);
        expect(wrong.json()).toMatchObject({ code: 'unsupported_media_type' });
      }
      const polluting = await server.call('POST', url, {
        as,
        body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(polluting.statusCode).toBe(400);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(await countCallEvents(server.db)).toBe(before);
  });
});
