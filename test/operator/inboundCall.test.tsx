import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { line, press, setup, typeAndEnter } from './workspace';

const currentStage = () =>
  within(screen.getByRole('navigation', { name: 'Этапы звонка' }))
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'step')?.textContent;

describe('a whole inbound call by keyboard alone', () => {
  it('goes from the greeting to the farewell and the wrap-up', async () => {
    const { controller } = setup();
    await press('F2');
    expect(controller.started[0]).toMatchObject({ flowId: 'inbound-consultation', direction: 'inbound' });
    expect(line()).toMatch(
      /^Доброе утро! Министерство цифрового развития и связи Свердловской области, отдел по работе с обращениями, консультант Смирнова Елена Викторовна\./,
    );
    expect(currentStage()).toContain('приветствие');

    await press('Digit1'); // the caller answered
    expect(line()).toBe('Подскажите, пожалуйста, как я могу к вам обращаться?');
    await press('Digit1'); // too early: the name is required
    expect(screen.getByTestId('call-notice').textContent).toContain('Заполните: Имя и отчество клиента');

    await press('KeyN');
    await typeAndEnter('ольга ивановна');
    expect(screen.getByTestId('card-name').textContent).toBe('Ольга Ивановна');
    await press('Digit1');
    expect(line()).toBe('Ольга Ивановна, расскажите, пожалуйста, подробнее о вашем вопросе.');
    expect(
      screen.getByText('Вы уже обращались к нам по этому вопросу? Есть ли номер обращения?'),
    ).toBeTruthy();

    await press('KeyN');
    await typeAndEnter('Как записаться на личный приём к министру');
    expect(screen.getByTestId('rephrase').textContent).toContain(
      'Правильно ли я понимаю, что как записаться на личный приём к министру?',
    );
    fireEvent.change(screen.getByLabelText('Потребность клиента'), { target: { value: 'consultation' } });
    await press('Digit1');
    expect(line()).toBe('Правильно ли я понимаю, что как записаться на личный приём к министру?');
    expect(currentStage()).toContain('подтверждение понимания');

    await press('Digit1'); // yes
    expect(line()).toBe('Спасибо, Ольга Ивановна, вопрос понятен.');
    await press('Digit1'); // answer at once
    expect(line()).toBe('Ольга Ивановна, отвечаю на ваш вопрос.');
    await press('Digit1'); // resolved
    expect(line()).toBe('Ольга Ивановна, остались ли у вас ещё вопросы?');
    await press('Digit2'); // no more questions
    expect(line()).toBe('Ольга Ивановна, ваш вопрос решён. Спасибо за звонок, всего доброго!');
    expect(currentStage()).toContain('прощание');

    await press('KeyF');
    expect(screen.getByRole('heading', { name: 'Итоги звонка' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Итог').value).toBe('resolved');
    await press('Digit5');
    await press('Enter', { ctrl: true });
    expect(controller.finished).toEqual([
      {
        outcome: 'resolved',
        summary: 'Консультация: Как записаться на личный приём к министру',
        topic: null,
        articlesUsed: [],
        satisfaction: 5,
        surveyOffered: false,
      },
    ]);
    // Back to the start: the next call is one key away again.
    expect(screen.getByRole('button', { name: /Входящий звонок/ })).toBeTruthy();
  });

  it('lists every shortcut in the help overlay, opened with F1 and closed with Escape', async () => {
    setup();
    await press('F2');
    await press('F1');
    const help = screen.getByRole('dialog', { name: 'Сочетания клавиш' });
    for (const text of [
      'Поставить на удержание',
      'Переключить на коллегу',
      'Клиент положил трубку',
      'Ctrl+Alt+1',
    ])
      expect(help.textContent).toContain(text);
    await press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
