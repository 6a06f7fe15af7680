import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ManualScheduler } from '../../src/calls/scheduler';
import { line, press, setup, typeAndEnter } from './workspace';

/** From the greeting of the consultation flow (`start`: F2 by default) to its resolution step, by keys. */
async function toResolution(start: () => Promise<unknown> = () => press('F2')) {
  await start();
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('Ольга Ивановна');
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('как записаться на личный приём');
  await press('Digit1');
  await press('Digit1');
  expect(line()).toBe('Спасибо, Ольга Ивановна, вопрос понятен.');
}

const advance = (scheduler: ManualScheduler, seconds: number) =>
  act(() => {
    scheduler.advance(seconds * 1000);
  });

describe('the call screen keeps the standard', () => {
  it('promises a hold time, counts it down, warns calmly, and offers the ways on when it runs out', async () => {
    const { scheduler } = setup();
    await toResolution();
    await press('Digit2'); // needs looking up: ask to wait
    expect(screen.getByTestId('line-missing').textContent).toContain(
      'время ожидания — выберите время ожидания (H)',
    );

    await press('KeyH');
    await press('Digit2');
    expect(screen.getByTestId('hold-promise').textContent).toContain(
      'Ольга Ивановна, мне нужно уточнить информацию. Пожалуйста, оставайтесь на линии, я вернусь к вам через 2 минуты.',
    );
    await press('Enter');
    expect(screen.getByTestId('hold-countdown').textContent).toContain('Осталось из обещанного: 2:00');
    expect(line()).toBe('Спасибо за ожидание!');

    advance(scheduler, 95);
    expect(screen.getByTestId('hold-countdown').textContent).toContain('0:25');
    expect(screen.getByText('Обещанное время скоро выйдет: вернитесь к клиенту.')).toBeTruthy();

    advance(scheduler, 30);
    const expired = screen.getByRole('alert');
    expect(expired.textContent).toContain('Обещанное время вышло');
    expect(expired.textContent).toContain('Спасибо за ожидание! У меня есть ответ на ваш вопрос.');
    expect(expired.textContent).toContain('Вы сможете подождать ещё?');
    expect(screen.getByRole('button', { name: /Предложить перезвонить/ })).toBeTruthy();

    await press('Digit2'); // ask for more time: a new promise
    await press('Digit1');
    await press('Enter');
    expect(screen.getByTestId('hold-countdown').textContent).toContain('Осталось из обещанного: 1:00');
    advance(scheduler, 61);
    // Asked once already: more time is no longer offered.
    expect(screen.queryByRole('button', { name: /Попросить ещё времени/ })).toBeNull();
    await press('Digit1'); // back with the answer: the step's own options again
    expect(screen.queryByTestId('hold-countdown')).toBeNull();
    await press('Digit1'); // answer found
    expect(line()).toBe('Ольга Ивановна, отвечаю на ваш вопрос.');
  });

  it('refuses a third transfer with the reason and the alternatives, and records the attempt', async () => {
    const { controller } = setup();
    fireEvent.click(screen.getByRole('radio', { name: '2 раза' }));
    await toResolution();
    await press('KeyT');
    expect(screen.getByTestId('transfer-counter').textContent).toBe('Переключений: 2 из 2');
    const refused = screen.getByTestId('transfer-refused');
    expect(refused.textContent).toContain('стандарт допускает не больше двух переключений');
    expect(refused.textContent).toContain('Ответить сейчас');
    expect(refused.textContent).toContain('Пообещать перезвонить');
    // Said once: the notice bar leaves the refusal to the open panel.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    const log = controller.getActive()?.session.log() ?? [];
    expect(log.at(-1)?.event.type).toBe('operator.tryTransfer');
  });

  it('transfers within the limit with a summary to read to the colleague', async () => {
    const { controller } = setup();
    fireEvent.click(screen.getByRole('radio', { name: '1 раз' }));
    await toResolution();
    await press('KeyT');
    expect(screen.getByTestId('transfer-counter').textContent).toBe('Переключений: 1 из 2');
    await press('Digit1');
    expect(line()).toMatch(/^Сейчас я соединю вас: Приёмная министра\./);
    expect(screen.getByTestId('handover-summary').textContent).toBe(
      'Ольга Ивановна. как записаться на личный приём',
    );
    await press('Digit1'); // connected: the call leaves this operator
    expect(screen.getByRole('heading', { name: 'Итоги звонка' })).toBeTruthy();
    expect(controller.sent.map((c) => c.type)).toContain('transfer.connected');
  });

  it('promises a callback by a deadline in working hours and tells the caller when', async () => {
    setup();
    await toResolution();
    await press('Digit5'); // no answer now: call back
    expect(screen.getByTestId('line-missing').textContent).toContain('срок обратного звонка');
    await press('KeyC');
    const phone = screen.getByLabelText<HTMLInputElement>('Телефон для обратного звонка');
    fireEvent.change(phone, { target: { value: '89123456789' } });
    expect(phone.value).toBe('+7 (912) 345-67-89');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Вопрос, с которым перезвонить').value).toBe(
      'как записаться на личный приём',
    );
    (document.activeElement as HTMLElement).blur(); // back to the panel's keys
    await press('Digit2'); // by the end of the working day
    expect(screen.getByTestId('callback-preview').textContent).toContain(
      'Я уточню ответ и перезвоню вам до 18:00 сегодня по номеру +7 (912) 345-67-89.',
    );
    await press('Enter'); // one confirmation: the promise settles the callback step and moves on
    expect(line()).toBe('Ольга Ивановна, остались ли у вас ещё вопросы?');
    await press('Digit2'); // no more questions
    expect(line()).toBe(
      'Ольга Ивановна, я перезвоню вам до 18:00 сегодня по номеру +7 (912) 345-67-89. Спасибо за звонок, до свидания!',
    );
  });

  it('takes one confirmation for a callback at its step when the phone came with the call', async () => {
    const { controller } = setup();
    await toResolution(() =>
      act(() =>
        controller.start({
          flowId: 'inbound-consultation',
          direction: 'inbound',
          transfersBefore: 0,
          callerPhone: '+79123456789',
        }),
      ),
    );
    await press('Digit5'); // no answer now: call back
    await press('Digit1'); // agreed: the callback's form, the known phone in it
    expect(screen.getByLabelText<HTMLInputElement>('Телефон для обратного звонка').value).toBe(
      '+7 (912) 345-67-89',
    );
    await press('Enter');
    expect(line()).toBe('Ольга Ивановна, остались ли у вас ещё вопросы?');
  });

  /** Name and need captured at full speed with a slow disk: the need is in the call, not yet on screen. */
  async function needOnItsWay() {
    const { controller } = setup({ committedScreen: true });
    await act(() =>
      controller.start({
        flowId: 'inbound-consultation',
        direction: 'inbound',
        transfersBefore: 0,
        callerPhone: '+79123456789',
      }),
    );
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('Ольга Ивановна');
    await press('Digit1');
    await press('KeyN');
    controller.slowSends = true;
    await typeAndEnter('как записаться на личный приём');
    return controller;
  }

  it('promises with the need typed just before C and Enter, though its write has not settled yet', async () => {
    const controller = await needOnItsWay();
    await press('KeyC');
    await press('Enter');
    controller.releaseSends();
    await act(() => Promise.resolve());
    expect(controller.getActive()!.session.getSnapshot().context.callback?.question).toBe(
      'как записаться на личный приём',
    );
    expect(screen.queryByTestId('callback-preview')).toBeNull();
  });

  it('hands over the need typed just before T and a number key, though its write has not settled', async () => {
    const controller = await needOnItsWay();
    await press('KeyT');
    await press('Digit1');
    controller.releaseSends();
    await act(() => Promise.resolve());
    expect(controller.getActive()!.session.getSnapshot().context.transfers[0]?.summary).toBe(
      'Ольга Ивановна. как записаться на личный приём',
    );
  });

  it('asks for the details an outcome needs before settling it', async () => {
    setup();
    await toResolution();
    await press('Digit3'); // not our competence
    await press('Enter');
    expect(screen.getByTestId('call-notice').textContent).toContain('Укажите орган');
    fireEvent.change(screen.getByLabelText(/Орган, к которому относится вопрос/), {
      target: { value: 'Министерство культуры Свердловской области' },
    });
    await press('Enter');
    expect(line()).toBe(
      'Ольга Ивановна, этим вопросом занимается Министерство культуры Свердловской области. Подскажу, как с ними связаться.',
    );
  });

  it('ends with an outcome and its date from the outcome panel, then says the matching farewell', async () => {
    setup();
    await toResolution();
    await press('KeyO');
    await press('Digit2'); // will be resolved by a date
    fireEvent.change(screen.getByLabelText('Дата, к которой вопрос будет решён'), {
      target: { value: '2026-12-01' },
    });
    await press('Enter');
    expect(line()).toBe(
      'Ольга Ивановна, ваш вопрос будет решён к 1 декабря. Спасибо за звонок, всего доброго!',
    );
  });
});
