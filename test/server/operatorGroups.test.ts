// Groups of operators (issue 19): an administrator defines them in the organisation, a supervisor reads
// them and filters the list, the figures, the coaching and both exports by one; another organisation's
// group is not found anywhere. Also the JSON export, streamed a page at a time, and the coaching's counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorProfile } from '../../src/calls/organisation';
import { jsonPieces } from '../../src/server/supervision/supervisionCsv';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { addVolkov, endedCall as endedCallAt, OPERATORS, uploadLogs } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const [ANNA, PETR] = OPERATORS as [OperatorProfile, OperatorProfile];
const ANNA_NAME = 'Смирнова Анна Сергеевна';
const PETR_NAME = 'Волков Пётр Ильич';
const T0 = Date.UTC(2026, 11, 1, 7, 0);
const DAY = 86_400_000;
const FROM = T0 - DAY;
const TO = T0 + 2 * DAY;
const period = `from=${FROM}&to=${TO}`;

interface Group {
  id: string;
  name: string;
  members: { personId: string; name: string }[];
}
interface Page {
  calls: { facts: { callId: string; operatorName: string } }[];
}
interface Coaching {
  operators: {
    operatorName: string;
    calls: number;
    rules: { rule: string; calls: number; callIds: string[]; callsAt: number[] }[];
  }[];
}

const endedCall = (callId: string, operator: OperatorProfile, minutes: number) =>
  endedCallAt(callId, operator, T0 + minutes * 60_000);

describe.each(DATABASE_KINDS)('operator groups on %s', (kind) => {
  let server: TestServer;
  let admin: Session;
  let supervisor: Session;
  let operatorA: Session;
  let operatorB: Session;
  let foreignAdmin: Session;
  let foreignSupervisor: Session;
  let firstLine: Group;
  let foreignGroup: Group;
  const id = (n: string) => `${kind}-${n}`;
  const get = (url: string, as: Session) => server.call('GET', url, { as });
  const ids = (page: Page) => page.calls.map((c) => c.facts.callId).sort();

  beforeAll(async () => {
    server = await startTestServer(kind);
    operatorB = await addVolkov(server, `volkov.${kind}`);
    admin = await server.signInAs(SVERDLOVSK, 'administrator');
    supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
    operatorA = await server.signInAs(SVERDLOVSK, 'operator');
    foreignAdmin = await server.signInAs(MURMANSK, 'administrator');
    foreignSupervisor = await server.signInAs(MURMANSK, 'supervisor');
    await uploadLogs(server, operatorA, SVERDLOVSK, [
      endedCall(id('a1'), ANNA, 0),
      endedCall(id('a2'), ANNA, 30),
    ]);
    await uploadLogs(server, operatorB, SVERDLOVSK, [
      endedCall(id('b1'), PETR, 10),
      endedCall(id('b2'), PETR, 50),
    ]);
    const murmansk = await server.signInAs(MURMANSK, 'operator');
    await uploadLogs(server, murmansk, MURMANSK, [endedCall(id('m1'), ANNA, 5)]);
    const made = await server.call('POST', '/api/v1/groups', {
      as: foreignAdmin,
      body: { name: 'Льготы', members: [murmansk.personId] },
    });
    expect(made.statusCode, made.body).toBe(201);
    foreignGroup = made.json<Group>();
  });
  afterAll(() => server.close());

  it('lets an administrator define a group of their own people; a supervisor reads it, nobody else writes', async () => {
    const made = await server.call('POST', '/api/v1/groups', {
      as: admin,
      body: { name: 'Первая линия', members: [operatorA.personId] },
    });
    expect(made.statusCode, made.body).toBe(201);
    firstLine = made.json<Group>();
    expect(firstLine).toMatchObject({
      name: 'Первая линия',
      members: [{ personId: operatorA.personId, name: ANNA_NAME }],
    });
    const read = await get('/api/v1/groups', supervisor);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<{ groups: Group[] }>().groups).toEqual([firstLine]);
    // Murmansk sees its own group only.
    expect((await get('/api/v1/groups', foreignSupervisor)).json<{ groups: Group[] }>().groups).toEqual([
      foreignGroup,
    ]);
    // Supervisors read, only administrators write; operators do not even read.
    const bySupervisor = await server.call('POST', '/api/v1/groups', {
      as: supervisor,
      body: { name: 'Своя группа', members: [] },
    });
    expect(bySupervisor.statusCode).toBe(403);
    expect((await get('/api/v1/groups', operatorA)).statusCode).toBe(403);
  });

  it('refuses a taken name, a member of another organisation and another organisation’s group', async () => {
    const taken = await server.call('POST', '/api/v1/groups', {
      as: admin,
      body: { name: '  первая ЛИНИЯ ', members: [] },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'group_name_taken',
      message: expect.stringMatching(/группа/i),
    });
    const foreignMember = await server.call('POST', '/api/v1/groups', {
      as: admin,
      body: { name: 'Чужие', members: [foreignAdmin.personId] },
    });
    expect(foreignMember.statusCode).toBe(404);
    expect(foreignMember.json()).toMatchObject({ code: 'person_not_found' });
    const renameTheirs = await server.call('PUT', `/api/v1/groups/${foreignGroup.id}`, {
      as: admin,
      body: { name: 'Захвачено', members: [] },
    });
    expect(renameTheirs.statusCode).toBe(404);
    expect(renameTheirs.json()).toMatchObject({ code: 'group_not_found' });
    expect((await server.call('DELETE', `/api/v1/groups/${foreignGroup.id}`, { as: admin })).statusCode).toBe(
      404,
    );
    expect((await get('/api/v1/groups', supervisor)).json<{ groups: Group[] }>().groups).toEqual([firstLine]);
    expect((await get('/api/v1/groups', foreignSupervisor)).json<{ groups: Group[] }>().groups).toEqual([
      foreignGroup,
    ]);
  });

  it("filters the list, the figures, the coaching and both exports by a group's members", async () => {
    const g = `${period}&group=${firstLine.id}`;
    expect(ids((await get(`/api/v1/supervision/calls?${g}`, supervisor)).json<Page>())).toEqual([
      id('a1'),
      id('a2'),
    ]);
    // The group's figures are its members' calls, read as an operator's filter reads them.
    const dashboard = (url: string) =>
      get(url, supervisor).then((r) => r.json<{ dashboard: { overall: { calls: number } } }>());
    const byGroup = await dashboard(`/api/v1/supervision/dashboard?${g}`);
    const byName = await dashboard(
      `/api/v1/supervision/dashboard?${period}&operator=${encodeURIComponent(ANNA_NAME)}`,
    );
    expect(byGroup.dashboard.overall.calls).toBe(2);
    expect(byGroup).toEqual(byName);
    const coaching = (await get(`/api/v1/supervision/coaching?${g}`, supervisor)).json<Coaching>();
    expect(coaching.operators.map((o) => o.operatorName)).toEqual([ANNA_NAME]);
    const csv = (await get(`/api/v1/supervision/calls.csv?${g}`, supervisor)).body;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    expect(csv).not.toContain(PETR_NAME);
    const json = (await get(`/api/v1/supervision/calls.json?${g}`, supervisor)).json<{ callId: string }[]>();
    expect(json.map((c) => c.callId).sort()).toEqual([id('a1'), id('a2')]);
  });

  it('answers 404 to a filter naming another organisation’s group, on every route that filters', async () => {
    for (const route of ['calls', 'calls.csv', 'calls.json', 'dashboard', 'coaching']) {
      const res = await get(`/api/v1/supervision/${route}?${period}&group=${foreignGroup.id}`, supervisor);
      expect(res.statusCode, route).toBe(404);
      expect(res.json(), route).toEqual({ code: 'group_not_found', message: 'Такой группы операторов нет.' });
    }
    // And a group of one's own organisation filters an operator's own calls too (nothing of the others').
    const own = await get(`/api/v1/supervision/calls?${period}&group=${firstLine.id}`, operatorB);
    expect(own.json<Page>().calls).toEqual([]);
  });

  it('is who is in it now: moving an operator into the group moves their calls into its filter', async () => {
    const moved = await server.call('PUT', `/api/v1/groups/${firstLine.id}`, {
      as: admin,
      body: { name: 'Первая линия', members: [operatorB.personId] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Group>().members.map((m) => m.name)).toEqual([PETR_NAME]);
    const page = (
      await get(`/api/v1/supervision/calls?${period}&group=${firstLine.id}`, supervisor)
    ).json<Page>();
    expect(ids(page)).toEqual([id('b1'), id('b2')]);
    expect((await server.call('DELETE', `/api/v1/groups/${firstLine.id}`, { as: admin })).statusCode).toBe(
      204,
    );
    expect(
      (await get(`/api/v1/supervision/calls?${period}&group=${firstLine.id}`, supervisor)).statusCode,
    ).toBe(404);
    // The calls stay.
    expect(ids((await get(`/api/v1/supervision/calls?${period}`, supervisor)).json<Page>())).toHaveLength(4);
  });

  it('exports JSON for a program: one array, codes and ISO times, only the calls the reader may see', async () => {
    const res = await get(`/api/v1/supervision/calls.json?${period}`, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('calls.json');
    const calls = res.json<Record<string, unknown>[]>();
    expect(calls.map((c) => c.callId)).toEqual([id('b2'), id('a2'), id('b1'), id('a1')]);
    expect(calls[0]).toMatchObject({
      operator: PETR_NAME,
      startedAt: new Date(T0 + 50 * 60_000).toISOString(),
      direction: 'inbound',
      callerName: 'Ольга Ивановна',
      result: expect.any(String),
      rulesBroken: expect.any(Array),
    });
    const mine = (await get(`/api/v1/supervision/calls.json?${period}`, operatorA)).json<
      { callId: string }[]
    >();
    expect(mine.map((c) => c.callId)).toEqual([id('a2'), id('a1')]);
    const none = await get(`/api/v1/supervision/calls.json?from=0&to=1`, supervisor);
    expect(none.json()).toEqual([]);
  });

  it('writes the JSON a page at a time: each piece holds one page, and the pieces make the document', async () => {
    const pieces: string[] = [];
    const q = { organisationId: SVERDLOVSK, from: FROM, to: TO, now: T0 + DAY, filter: {} };
    for await (const piece of jsonPieces(server.db, q, 1)) pieces.push(piece);
    // The opening, one piece per call (a page of one), the closing.
    expect(pieces).toHaveLength(6);
    for (const piece of pieces.slice(1, -1)) expect(piece.match(/"callId"/g)).toHaveLength(1);
    const whole = JSON.parse(pieces.join('')) as { callId: string }[];
    expect(whole.map((c) => c.callId)).toEqual([id('b2'), id('a2'), id('b1'), id('a1')]);
  });

  it("coaches per operator: each one's calls and the rules they missed, with their own calls", async () => {
    const res = await get(`/api/v1/supervision/coaching?${period}`, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const { operators } = res.json<Coaching>();
    expect(operators.map((o) => [o.operatorName, o.calls])).toEqual([
      [PETR_NAME, 2],
      [ANNA_NAME, 2],
    ]);
    const own: Record<string, string[]> = {
      [PETR_NAME]: [id('b1'), id('b2')],
      [ANNA_NAME]: [id('a1'), id('a2')],
    };
    for (const o of operators)
      for (const r of o.rules) {
        expect(r.calls).toBeLessThanOrEqual(o.calls);
        for (const callId of r.callIds) expect(own[o.operatorName]).toContain(callId);
        expect(r.callsAt).toHaveLength(r.callIds.length);
      }
  });
});
