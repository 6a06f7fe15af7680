import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { line, press, setup, typeAndEnter } from './workspace';

const HOUR = 3_600_000;

/** To the needs step of the consultation flow, with the caller named and the question captured. */
async function toNeedCaptured() {
  await press('F2');
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('Ольга Ивановна');
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('как записаться на личный приём');
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement | HTMLTextAreaElement>(label);

describe('a callback after the call broke off', () => {
  it('asks for a phone when none is known, then queues the task with C and Enter, prefilled', async () => {
    const { controller, clock } = setup();
    await toNeedCaptured();
    await press('KeyL', { shift: true }); // the line dropped
    expect(screen.getByTestId('late-callback-offer').textContent).toContain('Номер клиента неизвестен');
    await press('KeyC');
    expect(screen.getByTestId('callback-phone-needed').textContent).toContain('введите телефон');
    // The phone field has focus: the operator types straight away.
    expect(document.activeElement).toBe(field('Телефон для обратного звонка'));
    expect(field('Имя клиента').value).toBe('Ольга Ивановна');
    expect(field('Вопрос, с которым перезвонить').value).toBe('как записаться на личный приём');
    expect(screen.getByRole('button', { name: /Через час.*✓/ })).toBeTruthy();
    await typeAndEnter('89123456789');

    const task = controller.getActive()!.session.getSnapshot().context.callback;
    expect(task).toMatchObject({
      phone: '+79123456789',
      callerName: 'Ольга Ивановна',
      question: 'как записаться на личный приём',
      deadline: clock.now() + HOUR,
    });
    expect(controller.sent.filter((c) => c.type === 'operator.callback')).toHaveLength(1);
    expect(screen.getByTestId('late-callback-queued').textContent).toBe(
      'Обратный звонок в очереди: до 11:30 сегодня, +7 (912) 345-67-89.',
    );
    expect(field('Итог').value).toBe('callback');
    // The wrap-up's keys are back: it saves with the callback as the outcome.
    await press('Enter', { ctrl: true });
    expect(controller.finished[0]?.outcome).toBe('callback');
  });

  it('hears Ctrl+Enter as soon as the callback is queued, before its write has settled', async () => {
    const { controller } = setup();
    await toNeedCaptured();
    await press('KeyL', { shift: true });
    await press('KeyC');
    controller.slowSends = true; // the record has the callback; the disk has not answered yet
    await typeAndEnter('89123456789');
    expect(screen.getByTestId('late-callback-queued')).toBeTruthy();
    await press('Enter', { ctrl: true });
    expect(controller.finished[0]?.outcome).toBe('callback');
    controller.releaseSends();
  });

  it('uses the known phone, shows why a promise is refused, and lets the operator fix it', async () => {
    const { controller } = setup();
    await act(() =>
      controller.start({
        flowId: 'inbound-consultation',
        direction: 'inbound',
        transfersBefore: 0,
        callerPhone: '+73433120050',
      }),
    );
    await press('KeyX', { shift: true }); // hung up during the greeting: no question yet
    expect(screen.getByTestId('late-callback-offer').textContent).toContain('+7 (343) 312-00-50');
    await press('KeyC');
    expect(field('Телефон для обратного звонка').value).toBe('+7 (343) 312-00-50');
    await press('Enter');
    expect(screen.getByRole('alert').textContent).toMatch(/вопрос/i);
    expect(controller.getActive()!.session.getSnapshot().context.callback).toBeNull();
    fireEvent.change(field('Вопрос, с которым перезвонить'), { target: { value: 'субсидия' } });
    await press('Enter', { ctrl: true });
    expect(controller.getActive()!.session.getSnapshot().context.callback?.question).toBe('субсидия');
    expect(controller.finished).toHaveLength(0); // Ctrl+Enter queued the callback, not the wrap-up
  });

  it('is not offered after a call that ended with its farewell', async () => {
    setup();
    await toNeedCaptured();
    for (const key of ['Digit1', 'Digit1', 'Digit1', 'Digit1', 'Digit2']) await press(key);
    expect(document.querySelector('.call-screen')?.getAttribute('data-phase')).toBe('farewell');
    await press('KeyX', { shift: true });
    expect(screen.getByTestId('end-reason').textContent).toBe('Звонок завершён прощанием');
    expect(screen.queryByTestId('late-callback-offer')).toBeNull();
    await press('KeyC');
    expect(screen.queryByLabelText('Телефон для обратного звонка')).toBeNull();
  });
});

describe('care flags and the client kind', () => {
  it('are recorded as call events and come back after a reload', async () => {
    const { controller } = setup();
    await toNeedCaptured();
    fireEvent.click(screen.getByTestId('care-elderly'));
    fireEvent.click(screen.getByLabelText('Организация или ИП'));
    await act(() => Promise.resolve());
    expect(screen.getByTestId('care-hint-elderly').textContent).toContain('Говорите медленно');
    expect(controller.sent.slice(-2)).toEqual([
      { type: 'operator.careFlags', flags: ['elderly'] },
      { type: 'operator.personKind', person: 'business' },
    ]);
    act(() => controller.reload());
    expect(screen.getByTestId<HTMLInputElement>('care-elderly').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('care-hearing').checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Организация или ИП').checked).toBe(true);
    expect(line()).toContain('Ольга Ивановна'); // the call itself went on where it was
  });
});
