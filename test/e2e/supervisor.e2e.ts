// Calls made in the operator workspace show up for the supervisor: the list, the record, the dashboard;
// then the workstation file round trip (the duplicate import changes nothing) and the retention purge.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, watchErrors, type AppSession } from './harness';
import { callPromisingCallback, operatorView, step, wrapUp } from './callSteps';

let session: AppSession | null = null;
afterEach(async () => {
  await session?.dispose();
  session = null;
});

/** An inbound call that promises a callback, then the callback made from the queue and resolved. */
async function twoCalls(page: Page) {
  await callPromisingCallback(page);
  await operatorView(page, 'Обещанные звонки');
  await page.getByTestId('callback-item').getByRole('button', { name: 'Позвонить' }).click();
  await operatorView(page, 'Звонок');
  await page.getByTestId('line-to-say').waitFor();
  await step(page, 'Digit1');
  await step(page, 'Digit1');
  await step(page, 'Digit1');
  await step(page, 'Digit2');
  await wrapUp(page);
}

async function supervisorTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('supervisor workspace in Chromium', () => {
  it('shows the operator’s calls, their record and figures; round-trips the file; purges old personal data', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await twoCalls(page);

    await page
      .getByRole('navigation', { name: 'Рабочие места' })
      .getByRole('link', { name: 'Руководитель' })
      .click();
    await page.getByText('Звонков: 2 из 2').waitFor();
    const grid = page.getByRole('grid', { name: 'Звонки' });
    // The header row, then one row per call.
    const options = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Начало ↓',
      'Оператор',
      'Клиент',
      'Длительность',
      'Итог',
      'Нарушения',
    ]);
    expect(await options.count()).toBe(2);
    expect(await options.nth(1).textContent()).toContain('Обещан обратный звонок');
    expect(await options.nth(1).textContent()).toContain('+79123456789');

    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const record = page.getByRole('complementary');
    await record.getByText(/Срок: .* — сделан в срок/).waitFor();
    await record.getByText('Шаг 1 из', { exact: false }).waitFor();
    await record.getByRole('button', { name: 'Вперёд' }).click();
    await record.getByText('Шаг 2 из', { exact: false }).waitFor();
    // What the operator saw, in words: no template variables, state paths or step codes.
    const replay = record.getByRole('region', { name: 'Пошаговый просмотр' });
    expect(await replay.textContent()).toContain('На экране: Разговор, шаг');
    expect(await replay.textContent()).not.toMatch(/\{\{|active\.|talking/);
    const timeline = (await record.locator('.call-timeline').textContent()) ?? '';
    expect(timeline).toContain('Обещан обратный звонок: +7 (912) 345-67-89');
    expect(timeline).not.toMatch(/\[[a-z-]+\]/);
    await record.getByRole('button', { name: 'Закрыть запись' }).click();

    await supervisorTab(page, 'Показатели');
    expect(await page.locator('[data-figure="calls"]').textContent()).toBe('2');
    expect(await page.locator('[data-figure="firstContact"]').textContent()).toBe('50 %');
    const needs = page
      .locator('section.ranked')
      .filter({ has: page.getByRole('heading', { name: 'Частые вопросы' }) });
    await needs.getByText('справка о доходах', { exact: false }).waitFor();

    await supervisorTab(page, 'Обмен и хранение');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Выгрузить все звонки в файл' }).click(),
    ]);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'sufler.calls', version: 1 });
    await page.getByLabel('Загрузить файл выгрузки').setInputFiles(file);
    await page.getByText('Загружено: новых звонков 0, обновлено 0, без изменений 2.').waitFor();
    await page.getByLabel('Загрузить файл выгрузки').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, 200)),
    });
    await page.getByRole('alert').getByText('Файл повреждён', { exact: false }).waitFor();

    // Retention: a year later, the names, phones and the caller's words go; the calls and figures stay.
    await page.clock.install({ time: Date.now() + 365 * 86_400_000 });
    await page.getByRole('button', { name: 'Удалить просроченные данные сейчас' }).click();
    await page
      .getByText(/удалены персональные данные в 2 звонках/)
      .first()
      .waitFor();
    await supervisorTab(page, 'Звонки');
    await page.getByText('Звонков: 2 из 2').waitFor();
    await expect.poll(() => options.nth(1).textContent()).not.toContain('+79123456789');
    expect(await options.nth(1).textContent()).toContain('удалено по сроку хранения');
    expect(await options.nth(1).textContent()).toContain('Обещан обратный звонок');
    await supervisorTab(page, 'Показатели');
    expect(await page.locator('[data-figure="calls"]').textContent()).toBe('2');
    expect(await page.locator('[data-figure="firstContact"]').textContent()).toBe('50 %');
    expect(await needs.getByText('справка о доходах', { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
