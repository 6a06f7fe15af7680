// The supervisor's workspace signed in to a centre (issue 19): the calls, figures and records come from
// the server (its answers stand in for it here, through fetch), the «Линия» tab shows the line with the
// holds about to run over first, and says how old the board is once the link drops.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { AppContext } from '../../src/services/AppContext';
import { AppDB } from '../../src/db';
import { setCentreLink } from '../../src/services/centre/hub';
import { KNOWN_KEY } from '../../src/services/account/serverProbe';
import { SupervisorWorkspace } from '../../src/supervisor/SupervisorWorkspace';
import { FLOWS, HOUR, MIN, recordedCalls, TUESDAY_1500 } from '../fixtures/analytics/calls';
import { appContextOf } from '../helpers/appContext';

vi.mock('../../src/supervisor/bundledFlowOf', () => ({
  bundledFlowOf: (id: string, version: number) =>
    FLOWS.find((f) => f.id === id && f.version === version) ?? null,
}));

const NOW = TUESDAY_1500 + HOUR;
const recorded = recordedCalls().filter((c) => c.row.startedAt < NOW);
const serverCalls = recorded.map((c) => {
  const flow = FLOWS.find((f) => f.id === c.row.flowId) ?? null;
  return {
    facts: analyzeCall(c.row, c.log, flow),
    callerName: c.row.callerName,
    callerPhone: c.row.callerPhone,
    wrapUp: { summary: c.row.summary, surveyOffered: c.row.surveyOffered },
  };
});
/**
 * The newest call (first in the list), as the server reduced it with the wrap-up its operator saved: a
 * topic, the caller's rating and a summary (issue 19).
 */
const wrapped = [...serverCalls].sort((a, b) => b.facts.startedAt - a.facts.startedAt)[0];
const WRAPPED_SUMMARY = 'Спросила о сроках ответа, ответ дан.';
if (wrapped) {
  wrapped.facts = { ...wrapped.facts, topic: 'appeal-deadlines', satisfaction: 4 };
  wrapped.wrapUp = { summary: WRAPPED_SUMMARY, surveyOffered: true };
}

const liveCall = (id: string, name: string, startedAt: number, deadline: number | null) => ({
  callId: id,
  personId: `p-${id}`,
  operatorName: name,
  startedAt,
  stage: deadline === null ? 'needs' : 'hold',
  stageSince: startedAt,
  hold:
    deadline === null
      ? null
      : { promisedMinutes: 2, startedAt: deadline - 2 * MIN, deadline, extension: false },
  transferring: false,
  lastAt: startedAt,
});

const [first, second] = serverCalls as [(typeof serverCalls)[number], (typeof serverCalls)[number]];
const ANNA = first.facts.operatorName;
/** A call of Anna's the list does not hold (an older one): the coaching page reads it from the server. */
const ELSEWHERE = { ...second, facts: { ...second.facts, callId: 'elsewhere-1', operatorName: ANNA } };
const GROUP_ID = '7d0c1a62-3b8e-4a55-9f0e-2f1d8a6c4b10';
const coaching = {
  operators: [
    {
      operatorName: ANNA,
      calls: 4,
      rules: [
        {
          rule: 'holdOverPromise',
          calls: 3,
          callIds: [first.facts.callId, 'elsewhere-1'],
          callsAt: [first.facts.startedAt, second.facts.startedAt],
        },
        { rule: 'farewellMissing', calls: 1, callIds: ['elsewhere-1'], callsAt: [second.facts.startedAt] },
      ],
    },
    { operatorName: 'Борисов Борис Борисович', calls: 2, rules: [] },
  ],
};

const asked: string[] = [];
let reachable = true;
function answer(path: string): unknown {
  if (path.startsWith('/api/v1/supervision/calls?'))
    return { calls: serverCalls, next: null, serverTime: NOW };
  if (path === '/api/v1/supervision/board')
    return {
      serverTime: NOW,
      signedIn: [
        { personId: 'p-a', name: 'Анна' },
        { personId: 'p-b', name: 'Борис' },
      ],
      // The server's order; the page keeps it: Boris's hold runs over first.
      calls: [
        liveCall('b', 'Борис', NOW - 3 * MIN, NOW + 20_000),
        liveCall('c', 'Вера', NOW - 5 * MIN, NOW + 90_000),
        liveCall('a', 'Анна', NOW - 10 * MIN, null),
      ],
      today: { calls: 0 },
      todayFrom: NOW - 10 * HOUR,
      callbacks: null,
      stuckOutboxes: [
        { personId: 'p-b', name: 'Борис', calls: 3, stuckSince: NOW - 7 * MIN, oldestAt: NOW - HOUR },
      ],
    };
  if (wrapped && path === `/api/v1/supervision/calls/${encodeURIComponent(wrapped.facts.callId)}`)
    return { callId: wrapped.facts.callId, call: wrapped, events: [], comments: [] };
  if (path === '/api/v1/callbacks') return { callbacks: [], at: new Date(NOW).toISOString() };
  if (path === '/api/v1/groups') return { groups: [{ id: GROUP_ID, name: 'Льготы', members: [] }] };
  if (path.startsWith('/api/v1/supervision/coaching?')) return coaching;
  const record = /^\/api\/v1\/supervision\/calls\/([^/?]+)$/.exec(path);
  if (record) {
    const call = [...serverCalls, ELSEWHERE].find(
      (c) => c.facts.callId === decodeURIComponent(record[1] ?? ''),
    );
    return call ? { callId: call.facts.callId, call, events: [], comments: [] } : null;
  }
  return null;
}

// The service is a lazy chunk: its first import in a test file takes a while on a busy machine.
const LOADED = { timeout: 10_000 };
const listed = `Звонков: ${serverCalls.length} из ${serverCalls.length}`;

let n = 0;
const dbs: AppDB[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  localStorage.setItem(
    KNOWN_KEY,
    JSON.stringify({ person: { id: 'chief', roles: ['supervisor'] }, organisation: { id: 'org' } }),
  );
  reachable = true;
  vi.stubGlobal('fetch', (input: string) => {
    asked.push(input);
    if (!reachable) return Promise.reject(new TypeError('Failed to fetch'));
    const body = answer(input);
    return Promise.resolve(
      body === null
        ? new Response(JSON.stringify({ code: 'not_found', message: 'Нет.' }), {
            status: 404,
            headers: { 'content-type': 'application/json' },
          })
        : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    );
  });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
  asked.length = 0;
  act(() => setCentreLink('disconnected'));
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function renderWorkspace() {
  const db = new AppDB(`centre-supervisor-${++n}`);
  dbs.push(db);
  const value = appContextOf(db);
  render(
    <AppContext.Provider value={value}>
      <SupervisorWorkspace />
    </AppContext.Provider>,
  );
}

describe("the supervisor's workspace over a centre", () => {
  it("lists the server's calls, not this workstation's, filtered by the server", async () => {
    renderWorkspace();
    expect(await screen.findByText(listed, {}, LOADED)).toBeTruthy();
    expect(screen.getByText('Звонки всего центра: с сервера организации.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Итог'), { target: { value: 'resolved' } });
    await vi.waitFor(() => expect(asked.some((a) => a.includes('outcome=resolved'))).toBe(true));
  });

  it('opens a call with the wrap-up its operator saved: summary, topic and rating', async () => {
    if (!wrapped) throw new Error('the fixture has no calls');
    renderWorkspace();
    expect(await screen.findByText(listed, {}, LOADED)).toBeTruthy();
    // The newest call is the list's first: Enter opens it (happy-dom has no layout for the rows).
    const list = screen.getByRole('grid', { name: 'Звонки' });
    expect(list.getAttribute('aria-activedescendant')).toBe(`call-${wrapped.facts.callId}`);
    fireEvent.keyDown(list, { key: 'Enter' });
    const record = await screen.findByRole('complementary');
    expect(within(record).getByText(`Резюме: ${WRAPPED_SUMMARY}`)).toBeTruthy();
    expect(within(record).getByText('Тема: Сроки ответа')).toBeTruthy();
    expect(within(record).getByText('Оценка клиента: 4 из 5')).toBeTruthy();
  });

  it('keeps the calls last read when the server cannot be reached, and says since when', async () => {
    renderWorkspace();
    expect(await screen.findByText(listed, {}, LOADED)).toBeTruthy();
    reachable = false;
    fireEvent.change(screen.getByLabelText('Итог'), { target: { value: 'resolved' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Нет связи с сервером\. Показаны данные на \d\d:\d\d\.$/);
    // The calls read before stay, filtered here as the server would have.
    const resolved = serverCalls.filter((c) => c.facts.outcome === 'resolved').length;
    expect(screen.getByText(`Звонков: ${resolved} из ${serverCalls.length}`)).toBeTruthy();
  });

  it('shows the line with the hold about to run over first, and how old the board is once the link drops', async () => {
    act(() => setCentreLink('connected'));
    renderWorkspace();
    fireEvent.click(await screen.findByRole('tab', { name: 'Линия' }));
    const holds = await screen.findByRole(
      'table',
      { name: 'Удержания: кто скоро превысит обещанное' },
      LOADED,
    );
    const rows = within(holds).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Борис2 мин0:20Меньше минуты', 'Вера2 мин1:30В срок']);
    expect(screen.getByText('Обновляется само, как только на линии что-то меняется.')).toBeTruthy();
    // A desk whose calls have not gone up for minutes while the server answers is named.
    const stuck = screen.getByRole('list', { name: 'Звонки не уходят на сервер: рабочих мест — 1' });
    expect(within(stuck).getByRole('listitem').textContent).toMatch(
      /^Борис: 3 звонка ждут отправки, без движения с \d\d:\d\d$/,
    );
    act(() => setCentreLink('disconnected'));
    expect(await screen.findByText(/^Связь потеряна, данные на \d\d:\d\d\.$/)).toBeTruthy();
  });

  it('coaches an operator: the rules they miss most, their share, and each call opening its record', async () => {
    renderWorkspace();
    fireEvent.click(await screen.findByRole('tab', { name: 'Наставничество' }, LOADED));
    const rules = await screen.findByRole('table', { name: ANNA }, LOADED);
    await vi.waitFor(() =>
      expect(asked.some((a) => a.startsWith('/api/v1/supervision/coaching?'))).toBe(true),
    );
    const rows = within(rules).getAllByRole('row').slice(1);
    // The catalogue's names, most often missed first, with the count and the share of her 4 calls.
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Удержание дольше обещанного',
      'Нет прощания в завершённом звонке',
    ]);
    expect(rows[0]?.textContent).toContain('75 %'); // 3 of her 4 calls
    expect(screen.getByText('Звонков за период: 4. Правила — от самого частого нарушения.')).toBeTruthy();
    // A call the list holds opens its record at once.
    const links = within(rows[0]!).getAllByRole('button', {
      name: /^Звонок .*: открыть запись \(Удержание дольше обещанного\)$/,
    });
    expect(links).toHaveLength(2);
    fireEvent.click(links[0]!);
    const record = await screen.findByRole('complementary');
    expect(within(record).getByRole('heading', { level: 2 }).textContent).toContain(ANNA);
    expect(await within(record).findByLabelText('Комментарий оператору')).toBeTruthy();
    fireEvent.click(within(record).getByRole('button', { name: 'Закрыть запись' }));
    // One the list does not hold is read from the server, and opens where the comment is written.
    fireEvent.click(links[1]!);
    await vi.waitFor(() => expect(asked).toContain('/api/v1/supervision/calls/elsewhere-1'));
    expect(
      await within(await screen.findByRole('complementary')).findByLabelText('Комментарий оператору'),
    ).toBeTruthy();
    // Another operator, who missed nothing.
    fireEvent.change(screen.getByLabelText('Оператор для разбора'), {
      target: { value: 'Борисов Борис Борисович' },
    });
    expect(screen.getByText('Нарушений нет: 2 звонка по стандарту.')).toBeTruthy();
  });

  it("filters the list, the figures, the coaching and both exports by the organisation's group", async () => {
    renderWorkspace();
    expect(await screen.findByText(listed, {}, LOADED)).toBeTruthy();
    const group = await screen.findByLabelText('Группа операторов', {}, LOADED);
    expect(within(group).getByRole('option', { name: 'Льготы' })).toBeTruthy();
    fireEvent.change(group, { target: { value: GROUP_ID } });
    await vi.waitFor(() =>
      expect(
        asked.some((a) => a.startsWith('/api/v1/supervision/calls?') && a.includes(`group=${GROUP_ID}`)),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Показатели' }));
    await vi.waitFor(() =>
      expect(
        asked.some((a) => a.startsWith('/api/v1/supervision/dashboard?') && a.includes(`group=${GROUP_ID}`)),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Наставничество' }));
    await vi.waitFor(() =>
      expect(
        asked.some((a) => a.startsWith('/api/v1/supervision/coaching?') && a.includes(`group=${GROUP_ID}`)),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Обмен и хранение' }));
    const csv = screen.getByRole('link', { name: /^Скачать CSV/ });
    const json = screen.getByRole('link', { name: /^Скачать JSON/ });
    expect(csv.getAttribute('href')).toMatch(
      new RegExp(`^/api/v1/supervision/calls\\.csv\\?.*group=${GROUP_ID}`),
    );
    expect(json.getAttribute('href')).toMatch(
      new RegExp(`^/api/v1/supervision/calls\\.json\\?.*group=${GROUP_ID}`),
    );
    expect(json.getAttribute('download')).toBe('calls.json');
  });
});
