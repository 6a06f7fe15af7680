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
  };
});

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
  if (path === '/api/v1/callbacks') return { callbacks: [], at: new Date(NOW).toISOString() };
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
});
