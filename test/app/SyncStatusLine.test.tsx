// The account bar's one quiet line about calls going up (issue 17): what the operator reads in each state.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncStatusLine } from '../../src/app/SyncStatusLine';
import type { SyncStatus } from '../../src/services/sync';

const NOW = Date.UTC(2026, 11, 7, 9, 30);
const hhmm = (t: number) =>
  new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' }).format(t);
const line = () => screen.getByTestId('sync-status').textContent;

function status(
  connection: SyncStatus['connection'],
  calls: number,
  oldestAt: number | null,
  stuckSince: number | null = null,
): SyncStatus {
  return {
    connection,
    outbox: { calls, events: calls * 3, oldestAt },
    earlier: null,
    stuckSince,
    refused: [],
    keptAside: null,
  };
}

afterEach(() => vi.useRealTimers());

describe('the sync status line', () => {
  it('says everything went up, or how many calls wait and since when', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    const { rerender } = render(<SyncStatusLine status={status('ok', 0, null)} signInAgain={() => {}} />);
    expect(line()).toBe('всё отправлено');
    const since = NOW - 20 * 60_000;
    rerender(<SyncStatusLine status={status('ok', 1, since)} signInAgain={() => {}} />);
    expect(line()).toBe(`не отправлено: 1 звонок (с ${hhmm(since)})`);
    rerender(<SyncStatusLine status={status('ok', 3, since)} signInAgain={() => {}} />);
    expect(line()).toBe(`не отправлено: 3 звонка (с ${hhmm(since)})`);
    rerender(<SyncStatusLine status={status('ok', 11, since)} signInAgain={() => {}} />);
    expect(line()).toBe(`не отправлено: 11 звонков (с ${hhmm(since)})`);
  });

  it('does not call an event on its way unsent until it has waited 5 seconds', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    render(<SyncStatusLine status={status('ok', 1, NOW - 1000)} signInAgain={() => {}} />);
    expect(line()).toBe('всё отправлено');
    act(() => void vi.advanceTimersByTime(4500));
    expect(line()).toBe(`не отправлено: 1 звонок (с ${hhmm(NOW - 1000)})`);
  });

  it('says the server is unreachable at once, with what waits', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    render(<SyncStatusLine status={status('unreachable', 2, NOW - 1000)} signInAgain={() => {}} />);
    expect(line()).toBe(`нет связи с серверомне отправлено: 2 звонка (с ${hhmm(NOW - 1000)})`);
  });

  it('says in words how many events the server kept aside because the calls were taken over elsewhere', () => {
    const { rerender } = render(
      <SyncStatusLine
        status={{ ...status('ok', 0, null), keptAside: { events: 3, calls: 1 } }}
        signInAgain={() => {}}
      />,
    );
    expect(line()).toBe(
      'всё отправлено3 события звонка сохранены на сервере отдельно: ваши звонки в это время вели на ' +
        'другом устройстве. Ничего не потеряно, руководитель увидит это в записи звонка',
    );
    rerender(
      <SyncStatusLine
        status={{ ...status('ok', 0, null), keptAside: { events: 5, calls: 2 } }}
        signInAgain={() => {}}
      />,
    );
    expect(line()).toContain('5 событий из 2 звонков сохранены на сервере отдельно');
  });

  it('offers to sign in again when the session ended and calls wait, and only then', () => {
    const signInAgain = vi.fn();
    const { rerender } = render(
      <SyncStatusLine status={status('signInAgain', 0, null)} signInAgain={signInAgain} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<SyncStatusLine status={status('signInAgain', 1, NOW)} signInAgain={signInAgain} />);
    fireEvent.click(screen.getByRole('button', { name: 'войдите снова, чтобы отправить' }));
    expect(signInAgain).toHaveBeenCalledOnce();
  });

  it('says the calls are stuck and asks to tell the administrator when the sync client calls the outbox stuck', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    const since = NOW - 60_000;
    const { rerender } = render(<SyncStatusLine status={status('ok', 2, since)} signInAgain={() => {}} />);
    expect(line()).toBe(`не отправлено: 2 звонка (с ${hhmm(since)})`);
    rerender(<SyncStatusLine status={status('ok', 2, since, NOW)} signInAgain={() => {}} />);
    expect(line()).toBe(
      `не уходят на сервер больше 5 минут: 2 звонка (с ${hhmm(since)}) — сообщите администратору`,
    );
    // Everything went up at last: all sent.
    rerender(<SyncStatusLine status={status('ok', 0, null)} signInAgain={() => {}} />);
    expect(line()).toBe('всё отправлено');
  });
});
