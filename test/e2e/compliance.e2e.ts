// Issue 22's promise to the supervisor: a call made by following a sample flow's main path through the
// operator screen raises no flag. One call per sample flow, by keyboard, then the supervisor's compliance
// view and the calls grid say «no breaches» for every one of them.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, watchErrors, type AppSession } from './harness';
import { operatorView, step, typeField, wrapUp } from './callSteps';

let session: AppSession | null = null;
afterEach(async () => {
  await session?.dispose();
  session = null;
});

/** Fills a field of the current step by its label, then leaves it with Enter (as N does for the first). */
async function fillField(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: false }).first().focus();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

async function startCall(
  page: Page,
  key: 'F2' | 'F4',
  flow: { label: string; title: string },
  phone?: string,
) {
  await operatorView(page, 'Звонок');
  await page.getByLabel(flow.label).selectOption({ label: flow.title });
  if (phone) await page.getByLabel('Телефон клиента (если известен)').fill(phone);
  await page.keyboard.press(key);
  await page.getByTestId('line-to-say').waitFor();
}

const inbound = (title: string) => ({ label: 'Сценарий входящего звонка', title });
const outbound = (title: string) => ({ label: 'Сценарий исходящего звонка', title });

/** The main path of each sample flow, greeting to farewell, by the keys an operator presses. */
const MAIN_PATHS: Record<string, (page: Page) => Promise<void>> = {
  'inbound-consultation': async (page) => {
    await startCall(page, 'F2', inbound('Входящий звонок: консультация внешнего клиента'));
    await step(page, 'Digit1'); // greeted
    await typeField(page, 'KeyN', 'ольга ивановна');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'как записаться на личный приём');
    await step(page, 'Digit1'); // the need is clear
    await step(page, 'Digit1'); // rephrased: yes
    await step(page, 'Digit1'); // answer now
    await step(page, 'Digit1'); // resolved
    await step(page, 'Digit2'); // no more questions
  },
  'inbound-consultation, answered later': async (page) => {
    await startCall(page, 'F2', inbound('Входящий звонок: консультация внешнего клиента'), '9123456789');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'ольга ивановна');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'справка о доходах');
    await step(page, 'Digit1');
    await step(page, 'Digit1'); // rephrased: yes
    await step(page, 'Digit5'); // the answer needs time: a callback
    await page.keyboard.press('Digit1'); // agreed: the callback's form
    await page.getByTestId('callback-preview').waitFor();
    await step(page, 'Enter'); // one confirmation: the promise settles the step
    await step(page, 'Digit2'); // no more questions
  },
  'inbound-appeal-status': async (page) => {
    await startCall(page, 'F2', inbound('Входящий звонок: что с моим обращением'));
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'пётр сергеевич');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'когда ответят на обращение о ремонте дороги');
    await step(page, 'Digit1'); // has the number
    await typeField(page, 'KeyN', '12-345');
    await step(page, 'Digit1');
    await step(page, 'Digit1'); // rephrased: yes
    await step(page, 'Digit1'); // already answered
    await step(page, 'Digit1'); // told
    await step(page, 'Digit2'); // no more questions
  },
  'inbound-internal': async (page) => {
    await operatorView(page, 'Звонок');
    await page.getByRole('radio', { name: 'Внутренний клиент' }).check();
    await startCall(page, 'F2', inbound('Входящий звонок: внутренний клиент'));
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'анна павловна');
    await fillField(page, 'Подразделение', 'отдел кадров');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'где взять форму заявления на отпуск');
    await step(page, 'Digit1'); // the need is clear
    await step(page, 'Digit1'); // rephrased: yes
    await step(page, 'Digit1'); // answer now
    await step(page, 'Digit1'); // resolved
    await step(page, 'Digit2'); // no more questions
  },
  'outbound-case-status': async (page) => {
    await startCall(page, 'F4', outbound('Исходящий звонок: где сейчас ваш вопрос и что делать дальше'));
    await typeField(page, 'KeyN', 'пётр сергеевич');
    await step(page, 'Digit1'); // convenient to talk
    await typeField(page, 'KeyN', '12-345');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'документы проверены');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'подписать заявление');
    await step(page, 'Digit3'); // already resolved
    await step(page, 'Digit3'); // no questions
  },
  'outbound-callback': async (page) => {
    // The callback flow's main path starts from the queue: the callback promised above.
    await operatorView(page, 'Обещанные звонки');
    await page.getByTestId('callback-item').getByRole('button', { name: 'Позвонить' }).click();
    await operatorView(page, 'Звонок');
    await page.getByTestId('line-to-say').waitFor();
    await step(page, 'Digit1'); // convenient to talk
    await step(page, 'Digit1'); // remembers the question
    await step(page, 'Digit1'); // resolved
    await step(page, 'Digit2'); // no more questions
  },
};

describe('the standard kept on every sample flow’s main path', () => {
  it('raises no flag on a call that follows each sample flow’s main path', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);

    for (const [flow, mainPath] of Object.entries(MAIN_PATHS)) {
      await mainPath(page);
      expect(await page.locator('.call-screen').getAttribute('data-phase'), flow).toBe('farewell');
      await wrapUp(page);
    }

    await page
      .getByRole('navigation', { name: 'Рабочие места' })
      .getByRole('link', { name: 'Руководитель' })
      .click();
    await page.getByText('Звонков: 6 из 6').waitFor();
    await page.getByRole('tab', { name: 'Нарушения стандарта' }).click();
    // Every breach is a row of the compliance table: list them, so a failure names the rule and the call.
    const breaches = page.locator('table.compliance tbody tr');
    await page.getByText('Правила стандарта и как они проверяются').waitFor();
    expect(await breaches.allTextContents()).toEqual([]);
    await page.getByText('Нарушений стандарта за этот период нет.').waitFor();
    expect(errors).toEqual([]);
  });
});
