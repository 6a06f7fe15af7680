import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { line, press, setup, typeAndEnter } from './workspace';

/** The consultation flow's step "resolve", by keys: answer, look up, elsewhere, cannot, later. */
async function toResolve() {
  await press('F2');
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('Ольга Ивановна');
  await press('Digit1');
  await press('KeyN');
  await typeAndEnter('как записаться на личный приём');
  await press('Digit1');
  await press('Digit1');
}

// Focus comes back once the commit that closed a panel is done.
const settle = () => act(() => Promise.resolve());
const tool = (key: string) =>
  document.querySelector<HTMLButtonElement>(`.call-tools [aria-keyshortcuts="${key}"]`)!;
const action = (n: number) =>
  document.querySelector<HTMLButtonElement>(`.call-actions [aria-keyshortcuts="${n}"]`)!;
const focus = (el: HTMLElement) =>
  act(() => {
    el.focus();
  });

describe('focus after a panel closes', () => {
  it('returns to the tool button that opened the panel, after Escape', async () => {
    setup();
    await toResolve();
    focus(tool('H'));
    fireEvent.click(tool('H'));
    const panel = screen.getByRole('region', { name: /Удержание/ });
    expect(document.activeElement).toBe(panel);
    await press('Escape');
    await settle();
    expect(screen.queryByRole('region', { name: /Удержание/ })).toBeNull();
    expect(document.activeElement).toBe(tool('H'));
  });

  it('returns to where the operator was when a key opened it: transfer, callback, help, search', async () => {
    setup();
    await toResolve();
    const opener = action(1);
    for (const open of [['KeyT'], ['KeyC'], ['F1']]) {
      focus(opener);
      await press(open[0]!);
      expect(document.activeElement).not.toBe(opener);
      await press('Escape');
      await settle();
      expect(document.activeElement).toBe(opener);
    }
    focus(opener);
    await press('KeyK');
    expect(document.activeElement?.tagName).toBe('INPUT');
    await press('Escape');
    await settle();
    expect(document.activeElement).toBe(opener);
  });

  it('inside a panel, Escape leaves a field for the panel, and a second Escape closes it', async () => {
    setup();
    await toResolve();
    await press('KeyC');
    const phone = screen.getByLabelText<HTMLInputElement>('Телефон для обратного звонка');
    focus(phone);
    await press('Escape');
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Обратный звонок' }));
    await press('Escape');
    await settle();
    expect(screen.queryByLabelText('Телефон для обратного звонка')).toBeNull();
  });

  it('goes to the line to say when the opener is gone after a confirm', async () => {
    setup();
    await toResolve();
    focus(action(3)); // elsewhere: the other body is asked for first
    await press('Digit3');
    fireEvent.change(screen.getByLabelText(/Орган, к которому относится вопрос/), {
      target: { value: 'Министерство культуры Свердловской области' },
    });
    await press('Enter');
    await settle();
    expect(line()).toContain('Министерство культуры Свердловской области');
    const home = document.activeElement as HTMLElement;
    expect(home.hasAttribute('data-focus-home')).toBe(true);
    expect(home.textContent).toContain(line());
  });

  it('goes to the wrap-up when a callback is queued after a break-off', async () => {
    setup();
    await toResolve();
    await press('KeyX', { shift: true });
    await press('KeyC');
    await typeAndEnter('89123456789');
    await settle();
    expect(screen.getByTestId('late-callback-queued')).toBeTruthy();
    expect((document.activeElement as HTMLElement).className).toBe('wrap-up');
  });
});
