// Keyboard steps of a call that several e2e files share: press a key and wait for the line to move,
// type into the step's field, wrap up, open an operator view.
import type { Page } from 'playwright-core';

export const line = (page: Page) => page.getByTestId('line-to-say').textContent();

/** Presses a key and waits for the line to say to change (the step moved on, its event stored). */
export async function step(page: Page, key: string): Promise<void> {
  // A number key acts on what is stored: wait until its action is on screen (a field typed just before
  // may still be on its way to storage on a loaded machine; a person sees the button appear).
  const digit = /^Digit(\d)$/.exec(key)?.[1];
  if (digit)
    await page.locator(`.call-actions button[aria-keyshortcuts="${digit}"]:not([disabled])`).waitFor();
  // Read without waiting: a step whose line still needs a field shows no line yet.
  const before = await page.evaluate(
    () => document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null,
  );
  await page.keyboard.press(key);
  await page.waitForFunction(
    (text) => (document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null) !== text,
    before,
  );
}

/** The key focuses a field (N: the step's field); the value is typed and Enter records it. */
export async function typeField(page: Page, key: string, value: string): Promise<void> {
  await page.keyboard.press(key);
  // The field takes focus after a render; typed too soon, the digits would be the step's number keys.
  await page.waitForFunction(() => document.activeElement?.closest('fieldset.capture') != null);
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** F opens the wrap-up after the farewell; Ctrl+Enter saves it. */
export async function wrapUp(page: Page): Promise<void> {
  await page.keyboard.press('KeyF');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });
}

/** Opens one of the operator's views by its link: "Звонок", "Обещанные звонки", "Мои звонки". */
export async function operatorView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Разделы оператора' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** An inbound call from +7 912 345-67-89, greeted, with the caller's name and need captured. */
export async function callWithNameAndNeed(page: Page): Promise<void> {
  await operatorView(page, 'Звонок');
  await page.getByLabel('Телефон клиента (если известен)').fill('9123456789');
  await page.keyboard.press('F2');
  await page.getByTestId('line-to-say').waitFor();
  await step(page, 'Digit1');
  await typeField(page, 'KeyN', 'ольга ивановна');
  await step(page, 'Digit1');
  await typeField(page, 'KeyN', 'справка о доходах');
}

/**
 * An inbound call from +7 912 345-67-89 that ends with a promised callback: name and need captured,
 * the callback promised, the wrap-up saved.
 */
export async function callPromisingCallback(page: Page): Promise<void> {
  await callWithNameAndNeed(page);
  await page.keyboard.press('KeyC');
  await page.getByTestId('callback-preview').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('callback-preview').waitFor({ state: 'detached' });
  await wrapUp(page);
}
