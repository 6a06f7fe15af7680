import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, type Clock } from '../../src/calls/clock';
import { AppContext, type AppContextValue } from '../../src/services/AppContext';
import { ClockContext } from '../../src/services/ClockContext';
import { AppDB } from '../../src/db/db';
import { DEFAULT_APPEARANCE } from '../../src/db/settingsRepository';
import { SupervisorWorkspace } from '../../src/supervisor/SupervisorWorkspace';
import { OPERATOR, ORG } from '../calls/helpers';
import { HOUR, recordedCalls, TUESDAY_1500 } from '../fixtures/analytics/calls';

let n = 0;
const dbs: AppDB[] = [];
beforeEach(() => {
  // Only Date is faked: fake-indexeddb needs real timers (STACK-NOTES).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_1500 + HOUR);
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

async function renderSeeded(clock?: Clock) {
  const db = new AppDB(`supervisor-ui-${++n}`);
  dbs.push(db);
  const calls = recordedCalls();
  await db.calls.bulkPut(calls.map((c) => c.row));
  await db.callEvents.bulkPut(calls.flatMap((c) => c.log));
  await db.callbacks.bulkPut(calls.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
  const value: AppContextValue = {
    db,
    settings: { operator: OPERATOR, organisation: ORG, appearance: DEFAULT_APPEARANCE, persistent: null },
    problem: null,
    saveSettings: () => Promise.resolve(true),
  };
  const workspace = <SupervisorWorkspace />;
  render(
    <AppContext.Provider value={value}>
      {clock ? <ClockContext.Provider value={clock}>{workspace}</ClockContext.Provider> : workspace}
    </AppContext.Provider>,
  );
  return db;
}

describe('supervisor workspace', () => {
  it('lists the calls of the last week, searchable by phone, and opens a record by keyboard', async () => {
    await renderSeeded();
    // c7 is tomorrow, outside the default period ending today.
    expect(await screen.findByText('Звонков: 6 из 6')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Телефон или имя клиента'), { target: { value: '912 345' } });
    expect(screen.getByText('Звонков: 1 из 6')).toBeTruthy();
    const list = screen.getByRole('listbox');
    // happy-dom has no layout, so the windowed rows themselves are checked in Chromium (e2e).
    expect(list.getAttribute('aria-activedescendant')).toBe('call-c2');
    fireEvent.keyDown(list, { key: 'Enter' });
    const record = await screen.findByRole('complementary');
    expect(within(record).getByText(/Обещано 2 мин, ожидание 150 с, дольше обещанного на 30 с/)).toBeTruthy();
    expect(within(record).getByText(/Обратный звонок сделан с опозданием/)).toBeTruthy();
    expect(await within(record).findByText(/Клиент положил трубку|Завершение разговора/)).toBeTruthy();
  });

  it('reads the time from the clock it is handed, not the wall clock', async () => {
    // The wall clock says a month later: by it, the last week holds no call.
    vi.setSystemTime(TUESDAY_1500 + 30 * 24 * HOUR);
    await renderSeeded(new ManualClock(TUESDAY_1500 + HOUR));
    expect(await screen.findByText('Звонков: 6 из 6')).toBeTruthy();
  });

  it('shows the dashboard figures and the compliance list for the filtered calls', async () => {
    await renderSeeded();
    await screen.findByText('Звонков: 6 из 6');
    fireEvent.click(screen.getByRole('tab', { name: 'Показатели' }));
    const dash = screen.getByRole('tabpanel');
    // The figures are computed apart from the page (a worker in the browser) and arrive a moment later.
    await vi.waitFor(() => expect(dash.querySelector('[data-figure="calls"]')?.textContent).toBe('6'), {
      timeout: 5000,
    });
    expect(dash.querySelector('[data-figure="avgHandle"]')?.textContent).toBe('2:03');
    expect(dash.querySelector('[data-figure="firstContact"]')?.textContent).toBe('40 %');
    expect(dash.querySelector('[data-figure="holdsOver"]')?.textContent).toMatch(/^1 из 2 \(50 %\)/);
    fireEvent.click(screen.getByRole('tab', { name: 'Нарушения стандарта' }));
    const rows = within(screen.getByRole('tabpanel')).getAllByRole('row');
    expect(rows).toHaveLength(7); // header + six issues, see test/analytics/dashboard.test.ts
  }, 20_000);

  it('rejects a foreign file on import with a Russian message and stores nothing', async () => {
    const db = await renderSeeded();
    await screen.findByText('Звонков: 6 из 6');
    fireEvent.click(screen.getByRole('tab', { name: 'Обмен и хранение' }));
    const file = new File(['{"hello":"world"}'], 'x.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Загрузить файл выгрузки'), { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Это не файл выгрузки звонков Суфлёра. Ничего не загружено.',
    );
    expect(await db.calls.count()).toBe(7);
  });
});
