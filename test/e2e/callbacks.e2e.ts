// A callback promised in one call, then made from the queue: prefilled, closed by its outcome, and
// both calls in the history (the queue and the history are operator views of their own). A call that
// breaks off puts its callback in the queue with one key.
import { afterEach, describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, watchErrors, type AppSession } from './harness';
import { callPromisingCallback, callWithNameAndNeed, line, operatorView, step, wrapUp } from './callSteps';

let session: AppSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('callbacks queue in Chromium', () => {
  it('files a promised callback, makes it from the queue with everything filled, and closes it', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    const queue = page.getByRole('region', { name: 'Обещанные звонки' });
    await operatorView(page, 'Обещанные звонки');
    await queue.getByText('Обещанных звонков нет.').waitFor();

    await callPromisingCallback(page);

    await operatorView(page, 'Обещанные звонки');
    const item = queue.getByTestId('callback-item');
    await item.waitFor();
    expect(await item.textContent()).toContain('справка о доходах');
    expect(await item.textContent()).toContain('+7 (912) 345-67-89');

    await item.getByRole('button', { name: 'Позвонить' }).click();
    await operatorView(page, 'Звонок'); // a no-op when the queue already took the operator to the call
    await page.getByTestId('line-to-say').waitFor();
    expect(await line(page)).toContain('мы обещали перезвонить');
    await step(page, 'Digit1'); // convenient to talk
    expect(await line(page)).toBe(
      'Ольга Ивановна, звоню, как договаривались, с ответом на ваш вопрос: справка о доходах.',
    );
    await step(page, 'Digit1'); // remembers the question
    await step(page, 'Digit1'); // resolved
    await step(page, 'Digit2'); // no more questions
    await wrapUp(page);

    await operatorView(page, 'Обещанные звонки');
    await queue.getByText('Обещанных звонков нет.').waitFor();
    await operatorView(page, 'Мои звонки');
    const history = page.getByRole('region', { name: 'Мои звонки' });
    await history.getByTestId('call-list').waitFor();
    const calls = await history.getByTestId('call-list').locator('li').allTextContents();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain('Исходящий');
    expect(calls[0]).toContain('Вопрос решён');
    expect(calls[1]).toContain('Обещан обратный звонок');
    expect(errors).toEqual([]);
  });

  it('queues a callback with C after the line dropped, with the phone, name and question', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await callWithNameAndNeed(page);

    await page.keyboard.press('Shift+KeyL'); // the line dropped
    const offer = page.getByTestId('late-callback-offer');
    expect(await offer.textContent()).toContain('+7 (912) 345-67-89');
    await page.keyboard.press('KeyC');
    const question = page.getByLabel('Вопрос, с которым перезвонить');
    expect(await question.inputValue()).toBe('справка о доходах');
    expect(await page.getByLabel('Имя клиента').inputValue()).toBe('Ольга Ивановна');
    await page.getByRole('region', { name: 'Обратный звонок' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('late-callback-queued').waitFor();
    expect(await page.getByLabel('Итог', { exact: true }).inputValue()).toBe('callback');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });

    await operatorView(page, 'Обещанные звонки');
    const item = page.getByRole('region', { name: 'Обещанные звонки' }).getByTestId('callback-item');
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('справка о доходах');
    expect(text).toContain('+7 (912) 345-67-89');
    expect(text).toContain('Ольга Ивановна');
    expect(errors).toEqual([]);
  });
});
