// The first run with the server (issue 16): the signed-in person's organisation and name are already in
// the form, so nobody types again what the administrator entered; they stay editable.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FirstRun } from '../../src/app/FirstRun';
import { SAMPLE_ORGANISATIONS } from '../../src/calls/samples';

const second = SAMPLE_ORGANISATIONS[1];
const person = {
  surname: 'Смирнова',
  firstName: 'Анна',
  patronymic: 'Сергеевна',
  position: 'оператор',
  department: 'отдел обращений',
};

describe('the first run', () => {
  it('is filled from the signed-in person and their organisation', async () => {
    if (!second) throw new Error('two sample organisations expected');
    const onDone = vi.fn(() => Promise.resolve());
    render(<FirstRun onDone={onDone} signedIn={{ person, organisationId: second.id }} />);
    expect(screen.getByLabelText<HTMLInputElement>(/Фамилия/).value).toBe('Смирнова');
    expect(screen.getByLabelText<HTMLInputElement>(/^Имя/).value).toBe('Анна');
    expect(screen.getByLabelText<HTMLInputElement>(/Отчество/).value).toBe('Сергеевна');
    expect(screen.getByLabelText<HTMLInputElement>(/Должность/).value).toBe('оператор');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(second.shortName) }).checked).toBe(
      true,
    );

    fireEvent.change(screen.getByLabelText(/Должность/), { target: { value: 'ведущий специалист' } });
    fireEvent.click(screen.getByRole('button', { name: 'Начать работу' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onDone.mock.calls[0]).toEqual([
      { ...person, position: 'ведущий специалист' },
      expect.objectContaining({ id: second.id }),
    ]);
  });

  it('is empty on a single workstation', () => {
    render(<FirstRun onDone={() => Promise.resolve()} />);
    expect(screen.getByLabelText<HTMLInputElement>(/Фамилия/).value).toBe('');
  });
});
