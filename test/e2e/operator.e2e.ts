// The operator workspace driven by keyboard only in the production build: a whole inbound call, a hold
// that runs past its promise, the third transfer refused, an outbound case-status call, care flags that
// survive a reload, and focus handed back when a panel closes.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, watchErrors, type AppSession } from './harness';
import { line, step, typeField } from './callSteps';

let session: AppSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const actions = (page: Page) => page.getByRole('region', { name: 'Действия' }).textContent();

/** The greeting the organisation's clock (Yekaterinburg) calls for right now. */
function greetingNow(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Yekaterinburg', hour: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date())
      .find((p) => p.type === 'hour')?.value,
  );
  if (hour >= 4 && hour < 12) return 'Доброе утро';
  if (hour >= 12 && hour < 18) return 'Добрый день';
  if (hour >= 18 && hour < 23) return 'Добрый вечер';
  return 'Доброй ночи';
}

/** Types of the call events stored in the page's database. */
async function storedEventTypes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('sufler');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const req = open.result.transaction('callEvents').objectStore('callEvents').getAll();
          req.onsuccess = () =>
            resolve((req.result as { event: { type: string } }[]).map((r) => r.event.type));
          req.onerror = () => reject(new Error('cannot read'));
        };
      }),
  );
}

async function start(page: Page, key: 'F2' | 'F4') {
  await page.keyboard.press(key);
  await page.getByTestId('line-to-say').waitFor();
}

describe('operator workspace by keyboard in Chromium', () => {
  it('runs a whole inbound call and files it under "Мои звонки"', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);

    // Read the clock on both sides of the call's start: a run crossing 04:00, 12:00, 18:00 or 23:00 there
    // may meet either greeting, never a third.
    const before = greetingNow();
    await start(page, 'F2');
    const greeting = (await line(page)) ?? '';
    const said = [before, greetingNow()].filter((g) => greeting.includes(`${g}!`));
    expect(said.length, greeting).toBeGreaterThan(0);
    expect(greeting).toContain('Министерство цифрового развития и связи Свердловской области');
    expect(greeting).toContain('Иванова Мария Петровна');

    await step(page, 'Digit1');
    expect(await line(page)).toContain('как я могу к вам обращаться');
    await typeField(page, 'KeyN', 'ольга ивановна');
    await step(page, 'Digit1');
    expect(await line(page)).toBe('Ольга Ивановна, расскажите, пожалуйста, подробнее о вашем вопросе.');
    await typeField(page, 'KeyN', 'как записаться на личный приём');
    await step(page, 'Digit1');
    expect(await line(page)).toBe('Правильно ли я понимаю, что как записаться на личный приём?');
    await step(page, 'Digit1'); // yes, understood
    expect(await actions(page)).toContain('Ответ есть — ответить сразу');
    await step(page, 'Digit1'); // answer now
    expect(await actions(page)).toContain('Вопрос решён');
    await step(page, 'Digit1'); // resolved: the outcome
    await step(page, 'Digit2'); // no more questions
    expect(await line(page)).toBe('Ольга Ивановна, ваш вопрос решён. Спасибо за звонок, всего доброго!');

    await page.keyboard.press('KeyF');
    const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
    await wrapUp.waitFor();
    const rating = page.getByRole('group', { name: 'Оценка клиента (1–5)' });
    await page.keyboard.press('Digit4');
    expect(await rating.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
    expect(await rating.getByRole('radio', { name: 'Клиент не оценил' }).isChecked()).toBe(false);
    await page.keyboard.press('Control+Enter');
    await wrapUp.waitFor({ state: 'detached' });

    await page
      .getByRole('navigation', { name: 'Разделы оператора' })
      .getByRole('link', { name: 'Мои звонки', exact: true })
      .click();
    const history = page.getByRole('region', { name: 'Мои звонки' });
    await history.getByTestId('call-list').waitFor();
    const calls = await history.getByTestId('call-list').locator('li').allTextContents();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('Входящий');
    expect(calls[0]).toContain('Вопрос решён');
    expect(errors).toEqual([]);
  });

  it('warns calmly before a promised hold runs out, then offers the return lines', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    // The fake clock must be in place before the app's timers start: install it, then load again.
    await page.clock.install();
    await page.reload();
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();

    await start(page, 'F2');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'ольга ивановна');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'срок ответа на обращение');
    await step(page, 'Digit1');
    await step(page, 'Digit1');
    await page.keyboard.press('Digit2'); // needs looking up: ask to wait
    await page.getByRole('status').filter({ hasText: 'время ожидания' }).first().waitFor();

    await page.keyboard.press('KeyH');
    const panel = page.getByRole('region', { name: 'Удержание' });
    await panel.getByTestId('hold-promise').waitFor();
    expect(await panel.getByTestId('hold-promise').textContent()).toContain('вернусь к вам через 1 минуту');
    await page.keyboard.press('Enter');
    await page.getByText('Осталось из обещанного: 1:00').waitFor();
    expect(await line(page)).toBe('Спасибо за ожидание!');

    await page.clock.fastForward('00:50');
    await page.getByRole('status').filter({ hasText: 'Обещанное время скоро выйдет' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Обещанное время вышло' }).count()).toBe(0);

    await page.clock.fastForward('00:15');
    const expired = page.getByRole('alert').filter({ hasText: 'Обещанное время вышло' });
    await expired.waitFor();
    expect(await expired.textContent()).toContain('Спасибо за ожидание!');
    const choices = await actions(page);
    expect(choices).toContain('Ответ есть — вернуться');
    expect(choices).toContain('Попросить ещё времени');
    expect(choices).toContain('Предложить перезвонить');
    expect(errors).toEqual([]);
  });

  it('refuses a third transfer with the reason and the alternatives', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await page.getByLabel('2 раза').check(); // set up before the call starts

    await start(page, 'F2');
    await step(page, 'Digit1');
    await page.keyboard.press('KeyT');
    const panel = page.getByRole('region', { name: 'Переключение' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('2 из 2');
    const refusal = panel.getByRole('alert');
    expect(await refusal.textContent()).toContain('Переключить нельзя');
    expect(await refusal.textContent()).toContain('не больше двух переключений');
    expect(await refusal.textContent()).toContain('Ответить сейчас');
    expect(await refusal.textContent()).toContain('Пообещать перезвонить');
    // Nothing was transferred: the step is where it was.
    expect(await line(page)).toContain('как я могу к вам обращаться');
    expect(errors).toEqual([]);
  });

  it('runs an outbound case-status call through its stages to the farewell', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await page
      .getByLabel('Сценарий исходящего звонка')
      .selectOption({ label: 'Исходящий звонок: где сейчас ваш вопрос и что делать дальше' });

    await start(page, 'F4');
    expect(await line(page)).toContain('Вам удобно сейчас говорить?');
    const stages = page.getByRole('navigation', { name: 'Этапы звонка' });
    expect(await stages.textContent()).toMatch(/приветствие.*прощание/s);
    await typeField(page, 'KeyN', 'пётр сергеевич');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', '12-345');
    expect(await line(page)).toContain(
      'Пётр Сергеевич, звоню рассказать, как продвигается ваше обращение № 12-345',
    );
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'документы проверены');
    expect(await line(page)).toBe('Сейчас ваш вопрос на таком этапе: документы проверены.');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'подписать заявление');
    expect(await line(page)).toBe('Чтобы двигаться дальше, вам нужно: подписать заявление.');
    await step(page, 'Digit3'); // already resolved: the outcome
    await step(page, 'Digit3'); // no questions
    // The outcome is stated before the flow's generic farewell.
    expect(await line(page)).toBe(
      'Ваш вопрос решён. Пётр Сергеевич, спасибо, что уделили время. Всего доброго!',
    );
    expect(await stages.textContent()).toMatch(/прощание\s*\(сейчас\)/);

    await page.keyboard.press('KeyF');
    const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
    await wrapUp.waitFor();
    await page.keyboard.press('Control+Enter');
    await wrapUp.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('keeps the care flags and the client kind of a call through a reload', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await start(page, 'F2');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'ольга ивановна');
    const elderly = page.getByRole('checkbox', { name: 'Пожилой человек' });
    await elderly.check();
    await page.getByRole('radio', { name: 'Организация или ИП' }).check();
    await page.getByTestId('care-hint-elderly').waitFor();
    await expect
      .poll(() => storedEventTypes(page))
      .toEqual(expect.arrayContaining(['operator.careFlags', 'operator.personKind']));

    await page.reload();
    await page.getByTestId('line-to-say').waitFor();
    expect(await page.getByTestId('card-name').textContent()).toBe('Ольга Ивановна');
    expect(await elderly.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Плохо слышит' }).isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Организация или ИП' }).isChecked()).toBe(true);
    await page.getByTestId('care-hint-elderly').waitFor();
    expect(errors).toEqual([]);
  });

  it('hands focus back to the element that opened a panel, by keyboard', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    await start(page, 'F2');
    await step(page, 'Digit1');
    await typeField(page, 'KeyN', 'ольга ивановна');
    await step(page, 'Digit1');
    const hold = page.getByRole('button', { name: 'Поставить на удержание' });
    await hold.focus();
    await page.keyboard.press('Enter'); // presses the focused button: the hold panel opens
    await page.getByRole('region', { name: /Удержание/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: /Удержание/ }).waitFor({ state: 'detached' });
    await expect.poll(() => hold.evaluate((el) => el === document.activeElement)).toBe(true);
    // The focus is visible: the outline the theme gives every focused control.
    const outline = await hold.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });
});
