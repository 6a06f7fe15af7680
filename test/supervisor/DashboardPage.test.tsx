// «Показатели» drawn from figures handed in as data (as the server's will be): the numbers behind a chart,
// the per-operator table's sorting and the way into an operator's calls.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { periodFigures, type CallFacts } from '../../src/analytics';
import { DashboardPage } from '../../src/supervisor/dashboard/DashboardPage';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 10, 16);

function call(n: number, operatorName: string, startedAt: number, more: Partial<CallFacts> = {}): CallFacts {
  return {
    callId: `c${n}`,
    operatorName,
    flowId: 'f',
    flowVersion: 1,
    direction: 'inbound',
    startedAt,
    endedAt: startedAt + 60_000,
    endReason: 'farewell',
    handleMs: 60_000,
    afterCallMs: null,
    stageMs: { greeting: 5_000, resolution: 40_000 },
    outcome: 'resolved',
    topic: null,
    need: null,
    articlesUsed: [],
    satisfaction: null,
    holds: [],
    transfersBefore: 0,
    transfers: [],
    refusedTransfers: [],
    callback: null,
    erased: false,
    greetingNamed: true,
    internalDayEnd: null,
    askedForMore: null,
    adherence: { greeting: true, identified: true, rephrased: true, farewell: true },
    ...more,
  };
}

const calls = [
  call(1, 'Белов Б. В.', FROM + 10 * HOUR),
  call(2, 'Белов Б. В.', FROM + DAY + 10 * HOUR, { outcome: 'callback' }),
  call(3, 'Белов Б. В.', FROM + 2 * DAY + 10 * HOUR),
  call(4, 'Алексеева А. А.', FROM + 11 * HOUR, { outcome: 'impossible' }),
];
const figures = periodFigures(calls, {
  from: FROM,
  to: FROM + 3 * DAY,
  now: FROM + 3 * DAY,
  dayStarts: [FROM, FROM + DAY, FROM + 2 * DAY],
  hourOf: (ms) => new Date(ms).getUTCHours(),
});

function renderPage() {
  const onOpenOperator = vi.fn();
  const onOpenBehind = vi.fn();
  render(
    <DashboardPage
      figures={figures}
      articleTitle={(id) => id}
      periodText="16–18 ноября"
      onOpenBehind={onOpenBehind}
      onOpenOperator={onOpenOperator}
    />,
  );
  return { onOpenOperator, onOpenBehind };
}

describe('«Показатели» from figures as data', () => {
  it('shows a chart’s numbers as a table in its place, and the chart again', () => {
    renderPage();
    const chart = screen.getByRole('figure', { name: /Итоги звонков/ });
    expect(within(chart).queryByRole('table')).toBeNull();
    fireEvent.click(within(chart).getByRole('button', { name: /^Показать числа: Итоги звонков/ }));
    const table = within(chart).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Решить нельзя' }).closest('tr')?.textContent).toBe(
      'Решить нельзя1 (25 %)',
    );
    expect(chart.querySelector('.chart__body')).toBeNull(); // not printed twice
    fireEvent.click(within(chart).getByRole('button', { name: /^Показать диаграмму/ }));
    expect(within(chart).queryByRole('table')).toBeNull();
  });

  it('marks the longest stage in words', () => {
    renderPage();
    const stages = screen.getByRole('figure', { name: /Среднее время по этапам/ });
    expect(stages.querySelector('.bar-rows__row--strong')?.textContent).toContain(
      'Решение вопроса — самый долгий этап',
    );
  });

  it('sorts operators by a figure, says how, and opens an operator’s calls', () => {
    const { onOpenOperator, onOpenBehind } = renderPage();
    const table = screen.getByRole('table', { name: 'По операторам' });
    const names = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent);
    expect(names()).toEqual(['Алексеева А. А.', 'Белов Б. В.']);
    fireEvent.click(within(table).getByRole('button', { name: /^Звонков\W*, сортировать$/ }));
    expect(names()).toEqual(['Белов Б. В.', 'Алексеева А. А.']);
    expect(
      within(table)
        .getByRole('columnheader', { name: /Звонков/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    // Each operator's calls by day, in words for a screen reader.
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('по дням: 1, 1, 1');
    fireEvent.click(within(table).getByRole('button', { name: 'Открыть звонки оператора Белов Б. В.' }));
    expect(onOpenOperator).toHaveBeenCalledWith('Белов Б. В.');
    fireEvent.click(screen.getByRole('button', { name: 'Открыть 2 звонка: решённые с первого обращения' }));
    expect(onOpenBehind).toHaveBeenCalledWith('firstContact');
  });
});
