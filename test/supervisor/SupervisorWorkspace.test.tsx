import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ManualClock, type Clock } from '../../src/calls/clock';
import { AppContext } from '../../src/services/AppContext';
import { ClockContext } from '../../src/services/ClockContext';
import { AppDB } from '../../src/db';
import { SupervisorWorkspace } from '../../src/supervisor/SupervisorWorkspace';
import { FLOWS, HOUR, recordedCalls, TUESDAY_1500 } from '../fixtures/analytics/calls';
import { appContextOf } from '../helpers/appContext';

// The fixture's calls ran the engine tests' flows: this workstation "has" those versions.
vi.mock('../../src/supervisor/bundledFlowOf', () => ({
  bundledFlowOf: (id: string, version: number) =>
    FLOWS.find((f) => f.id === id && f.version === version) ?? null,
}));

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
  const value = appContextOf(db);
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
    const list = screen.getByRole('grid', { name: 'Звонки' });
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

  it('lists calls as a sortable grid: headers, one row per call, how each ended, who called', async () => {
    // happy-dom lays nothing out: the list's box gets the size a browser would give it, so rows render.
    const size = (px: number) => ({
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'grid' ? px : 0;
      },
    });
    for (const [key, px] of [
      ['clientHeight', 420],
      ['clientWidth', 800],
    ] as const) {
      const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
      Object.defineProperty(HTMLElement.prototype, key, size(px));
      onTestFinished(() => {
        if (own) Object.defineProperty(HTMLElement.prototype, key, own);
      });
    }
    await renderSeeded();
    await screen.findByText('Звонков: 6 из 6');
    const grid = screen.getByRole('grid', { name: 'Звонки' });
    expect(grid.getAttribute('aria-rowcount')).toBe('7');
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Начало ↓',
      'Оператор',
      'Клиент',
      'Длительность',
      'Итог',
      'Нарушения',
    ]);
    expect(headers[0]?.getAttribute('aria-sort')).toBe('descending');
    const rows = () => within(grid).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(6);
    const text = (id: string) => document.getElementById(`call-${id}`)?.textContent ?? '';
    // Put through to a colleague: an outcome with its target, not «Без итога».
    expect(text('c3')).toContain('Переключён: Отдел государственной службы');
    expect(text('c3')).not.toContain('Без итога');
    // No name given (and nothing erased): said so, not blamed on the retention period.
    expect(text('c5')).toContain('не представился');
    expect(text('c5')).not.toContain('удалено');

    fireEvent.click(within(headers[1]!).getByRole('button'));
    expect(within(grid).getAllByRole('columnheader')[1]?.getAttribute('aria-sort')).toBe('ascending');
    expect(within(grid).getAllByRole('columnheader')[0]?.hasAttribute('aria-sort')).toBe(false);
    const operators = rows().map((r) => within(r).getAllByRole('gridcell')[1]?.textContent);
    expect(operators).toEqual([...operators].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    expect(grid.getAttribute('aria-activedescendant')).toBe(rows()[0]?.id);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(rows()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(grid.getAttribute('aria-activedescendant')).toBe(rows()[1]?.id);
  });

  it('tells a record in words: outcome, steps, names, transfers; replays what the operator saw', async () => {
    await renderSeeded();
    await screen.findByText('Звонков: 6 из 6');
    fireEvent.change(screen.getByLabelText('Телефон или имя клиента'), {
      target: { value: 'Анна Павловна' },
    });
    fireEvent.keyDown(screen.getByRole('grid', { name: 'Звонки' }), { key: 'Enter' });
    const record = await screen.findByRole('complementary');
    expect(record.textContent).toContain(
      'Итог: Переключён: Отдел государственной службы, правового и документационного обеспечения',
    );
    expect(record.textContent).toContain('Переключений за звонок всего: 2 (до оператора — 1, при нём — 1).');
    await within(record).findByText(/Коллега на линии/);
    const items = within(record)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    const text = items.join('\n');
    expect(text).toContain('Переключение не удалось: Приёмная министра');
    expect(text).toContain('шаг «Выяснение потребности»');
    // No step codes, no directory ids.
    expect(text).not.toMatch(/\[[a-z-]+\]|reception|civil-service/);

    for (let i = 0; i < 3; i++) fireEvent.click(within(record).getByRole('button', { name: 'Вперёд' }));
    const replay = within(record).getByRole('region', { name: 'Пошаговый просмотр' });
    // The line as the operator saw it, the caller's name filled in; the phase and step in words.
    expect(within(replay).getByTestId('replay-line').textContent).toBe('«Анна Павловна, слушаю ваш вопрос.»');
    expect(replay.textContent).toContain('На экране: Разговор, шаг «Выяснение потребности»');
    expect(replay.textContent).not.toMatch(/\{\{|active\.|talking/);
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
    expect(dash.querySelector('[data-figure="avgHandleMs"]')?.textContent).toBe('2:03');
    // Six calls reached an outcome (one put through to a colleague); two resolved at first contact.
    expect(dash.querySelector('[data-figure="firstContact"]')?.textContent).toBe('33 %');
    expect(dash.querySelector('[data-figure="holdsOverPromise"]')?.textContent).toBe('1');
    // The tile opens the calls behind its figure: the list filtered to them.
    fireEvent.click(within(dash).getByRole('button', { name: /^Открыть 1 звонок: с удержанием/ }));
    await screen.findByText('Звонков: 1 из 6');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Звонки показателя' }).value).toBe(
      'holdsOverPromise',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Сбросить отбор' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Нарушения стандарта' }));
    const [issues, standard] = within(screen.getByRole('tabpanel')).getAllByRole('table');
    expect(within(issues!).getAllByRole('row')).toHaveLength(7); // header + six issues, see test/analytics
    // The standard's table: every rule with its clause and how the record shows it, or that it cannot.
    const refused = within(standard!).getByRole('rowheader', {
      name: 'Не больше двух переключений на один вопрос',
    });
    expect(refused.closest('tr')?.textContent).toContain('001 §3.5.1, 002 §12.1, 004 §3.2.4');
    expect(refused.closest('tr')?.textContent).toContain('по записи звонка');
    expect(within(standard!).getAllByText('не проверяется').length).toBeGreaterThan(0);
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
