// The supervisor's routes over the server's calls (issue 19), per role: a supervisor reads every call of
// the organisation, an operator only their own, nobody another organisation's (404 as for no call); the
// list pages, the record, the period's figures, the CSV export and the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import type { OperatorProfile } from '../../src/calls/organisation';
import { addVolkov, endedCall as endedCallAt, OPERATORS, uploadLogs } from './supervisionKit';

const [ANNA, PETR] = OPERATORS as [OperatorProfile, OperatorProfile];
/** A profile that reads as a formula to Excel: the export must defuse it. */
const FORMULA = { ...ANNA, surname: '=SUM(1+2)', firstName: 'Ада', patronymic: '' };
import { DATABASE_KINDS } from './testDatabase';

const T0 = Date.UTC(2026, 11, 1, 7, 0);
const DAY = 86_400_000;
const period = `from=${T0 - DAY}&to=${T0 + 2 * DAY}`;

interface Page {
  calls: { facts: { callId: string; operatorName: string }; callerName: string | null }[];
  next: string | null;
}

/** A call that ends `minutes` after T0 (the caller hangs up after a few steps). */
const endedCall = (callId: string, operator: OperatorProfile, minutes: number, callerName?: string) =>
  endedCallAt(callId, operator, T0 + minutes * 60_000, callerName);

describe.each(DATABASE_KINDS)('supervision routes on %s', (kind) => {
  let server: TestServer;
  let supervisor: Session;
  let operatorA: Session;
  let operatorB: Session;
  let foreignSupervisor: Session;
  const id = (n: string) => `${kind}-${n}`;
  const get = (url: string, as: Session) => server.call('GET', `/api/v1/supervision${url}`, { as });
  const ids = (page: Page) => page.calls.map((c) => c.facts.callId).sort();

  beforeAll(async () => {
    server = await startTestServer(kind);
    operatorB = await addVolkov(server, `second.operator.${kind}`);
    supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
    operatorA = await server.signInAs(SVERDLOVSK, 'operator');
    foreignSupervisor = await server.signInAs(MURMANSK, 'supervisor');
    await uploadLogs(server, operatorA, SVERDLOVSK, [
      endedCall(id('a1'), ANNA, 0),
      endedCall(id('a2'), ANNA, 30, 'Мария Петровна'),
    ]);
    await uploadLogs(server, operatorB, SVERDLOVSK, [
      endedCall(id('b1'), PETR, 10),
      endedCall(id('b2'), PETR, 50),
    ]);
    const murmansk = await server.signInAs(MURMANSK, 'operator');
    await uploadLogs(server, murmansk, MURMANSK, [endedCall(id('m1'), FORMULA, 5)]);
  });
  afterAll(() => server.close());

  it("lists the organisation's calls to a supervisor and only their own to an operator", async () => {
    const all = await get(`/calls?${period}`, supervisor);
    expect(all.statusCode, all.body).toBe(200);
    expect(ids(all.json())).toEqual([id('a1'), id('a2'), id('b1'), id('b2')]);
    expect(ids((await get(`/calls?${period}`, operatorA)).json())).toEqual([id('a1'), id('a2')]);
    expect(ids((await get(`/calls?${period}`, operatorB)).json())).toEqual([id('b1'), id('b2')]);
    expect(ids((await get(`/calls?${period}`, foreignSupervisor)).json())).toEqual([id('m1')]);
    const editor = await server.signInAs(SVERDLOVSK, 'editor');
    expect((await get(`/calls?${period}`, editor)).statusCode).toBe(403);
    expect((await server.call('GET', `/api/v1/supervision/calls?${period}`)).statusCode).toBe(401);
  });

  it('filters by operator and by search, and pages newest first without losing a call', async () => {
    const name = encodeURIComponent('Волков Пётр Ильич');
    expect(ids((await get(`/calls?${period}&operator=${name}`, supervisor)).json())).toEqual([
      id('b1'),
      id('b2'),
    ]);
    expect(
      ids((await get(`/calls?${period}&search=${encodeURIComponent('петровна')}`, supervisor)).json()),
    ).toEqual([id('a2')]);
    const seen: string[] = [];
    let after: string | null = '';
    while (after !== null) {
      const res = await get(`/calls?${period}&limit=1${after ? `&after=${after}` : ''}`, supervisor);
      const page: Page = res.json();
      seen.push(...page.calls.map((c) => c.facts.callId));
      after = page.next === null ? null : encodeURIComponent(page.next);
    }
    expect(seen).toEqual([id('b2'), id('a2'), id('b1'), id('a1')]);
  });

  it("opens a call's record to whoever may see it, and answers 404 to everybody else", async () => {
    const own = await get(`/calls/${id('a1')}`, operatorA);
    expect(own.statusCode, own.body).toBe(200);
    const record = own.json<{ events: { seq: number }[]; call: { facts: { callId: string } } }>();
    expect(record.events.map((e) => e.seq)).toEqual(endedCall(id('a1'), ANNA, 0).map((e) => e.seq));
    expect(record.call.facts.callId).toBe(id('a1'));
    expect((await get(`/calls/${id('a1')}`, supervisor)).statusCode).toBe(200);
    expect((await get(`/calls/${id('b1')}`, operatorA)).statusCode).toBe(404);
    const foreign = await get(`/calls/${id('a1')}`, foreignSupervisor);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ code: 'call_not_found', message: 'Такого звонка нет.' });
    expect((await get(`/calls/no-such-call`, supervisor)).statusCode).toBe(404);
  });

  it("gives the period's figures over the organisation to a supervisor, over their own calls to an operator", async () => {
    const all = await get(`/dashboard?${period}&timeZone=Asia/Yekaterinburg`, supervisor);
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json<{
      dashboard: { overall: { calls: number }; operators: { operatorName: string }[] };
      byHour: { at: number; figures: { calls: number } }[];
      byDay: { figures: { calls: number } }[];
    }>();
    expect(body.dashboard.overall.calls).toBe(4);
    expect(body.dashboard.operators.map((o) => o.operatorName)).toEqual([
      'Волков Пётр Ильич',
      'Смирнова Анна Сергеевна',
    ]);
    // 07:00 UTC is noon in Yekaterinburg.
    expect(body.byHour.find((h) => h.figures.calls > 0)?.at).toBe(12);
    expect(body.byDay.reduce((n, d) => n + d.figures.calls, 0)).toBe(4);
    const own = (await get(`/dashboard?${period}`, operatorB)).json<typeof body>();
    expect(own.dashboard.overall.calls).toBe(2);
  });

  it('streams the CSV for Excel with formulas defused, only the calls the reader may see', async () => {
    const res = await get(`/calls.csv?${period}`, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF"Идентификатор"')).toBe(true);
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(res.body).toContain('"Мария Петровна"');
    expect(res.body).toContain('"Волков Пётр Ильич"');
    const foreign = await get(`/calls.csv?${period}`, foreignSupervisor);
    expect(foreign.body).toContain(`"'=SUM(1+2) Ада"`);
    expect(foreign.body.trimEnd().split('\r\n')).toHaveLength(2);
    const mine = await get(`/calls.csv?${period}`, operatorA);
    expect(mine.body.trimEnd().split('\r\n')).toHaveLength(3);
    expect(mine.body).not.toContain('Волков');
  });

  it("keeps a supervisor's comment on a call for its operator to read; nobody else may write one", async () => {
    const url = `/api/v1/supervision/calls/${id('a1')}/comments`;
    const posted = await server.call('POST', url, {
      as: supervisor,
      body: { body: 'Не забыли уточнить вопрос.' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const record = (await get(`/calls/${id('a1')}`, operatorA)).json<{
      comments: { body: string; author: string }[];
    }>();
    expect(record.comments).toEqual([expect.objectContaining({ body: 'Не забыли уточнить вопрос.' })]);
    expect(record.comments[0]?.author).not.toBe('');
    expect((await server.call('POST', url, { as: operatorA, body: { body: 'сам себе' } })).statusCode).toBe(
      403,
    );
    expect(
      (await server.call('POST', url, { as: foreignSupervisor, body: { body: 'чужой' } })).statusCode,
    ).toBe(404);
    expect((await server.call('POST', url, { as: supervisor, body: { body: '   ' } })).statusCode).toBe(400);
  });
});
