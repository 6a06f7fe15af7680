// The offer to send the calls made before the workstation connected (issue 17): what the operator reads,
// and that their answer is passed on once, with a way to try again when storing it failed.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EarlierCallsOffer } from '../../src/app/EarlierCallsOffer';

const earlier = {
  callIds: ['a', 'b', 'c'],
  firstAt: Date.UTC(2026, 10, 2, 9),
  lastAt: Date.UTC(2026, 11, 4, 9),
};

describe('the earlier calls offer', () => {
  it('says how many calls and from when, and passes the choice on', async () => {
    const answer = vi.fn(() => Promise.resolve());
    render(<EarlierCallsOffer earlier={earlier} answer={answer} />);
    const group = screen.getByRole('group', { name: 'Звонки, сделанные до подключения' });
    expect(group.textContent).toContain(
      'На этом рабочем месте 3 звонка, сделанных до подключения к серверу (с 02.11.2026 по 04.12.2026).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Отправить' }));
    expect(answer).toHaveBeenCalledWith('sent');
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Отправить' }).disabled).toBe(false),
    );
  });

  it('says so when the answer could not be stored, and lets the operator answer again', async () => {
    const answer = vi.fn(() => Promise.reject(new Error('QuotaExceededError')));
    render(<EarlierCallsOffer earlier={{ ...earlier, callIds: ['a'] }} answer={answer} />);
    expect(screen.getByRole('group').textContent).toContain('1 звонок');
    fireEvent.click(screen.getByRole('button', { name: 'Оставить только здесь' }));
    expect(answer).toHaveBeenCalledWith('kept');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не удалось сохранить ответ. Попробуйте ещё раз.',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Оставить только здесь' }).disabled).toBe(
      false,
    );
  });
});
