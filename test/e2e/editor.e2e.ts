// The editor workspace in a real Chromium against the production build: a published line reaches the
// operator's next call, drafts survive a reload, a broken file changes nothing, saved articles are found.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, waitForServiceWorker, watchErrors, type AppSession } from './harness';

let session: AppSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const FLOW = 'inbound-consultation';
const FLOW_TITLE = 'Входящий звонок: консультация внешнего клиента';

async function openEditor(page: Page): Promise<void> {
  // After the first run the shell redirects to the operator; leave only once that has happened.
  await page.getByTestId('operator-identity').waitFor();
  await page.getByRole('link', { name: 'Редактор' }).click();
  await page.getByRole('heading', { name: 'Рабочее место редактора' }).waitFor();
  await page.getByRole('heading', { name: 'Сценарии звонков' }).waitFor();
}

async function openFlow(page: Page): Promise<void> {
  await page.locator(`[data-flow-id="${FLOW}"]`).getByRole('button', { name: 'Открыть' }).click();
  await page.getByRole('heading', { name: FLOW_TITLE }).waitFor();
}

/** Types a new greeting line and waits until the draft is stored. */
async function editGreeting(page: Page, line: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Шаги' })
    .getByRole('button', { name: 'greeting', exact: true })
    .click();
  await page.locator('#ed-step-greeting-say').fill(line);
  await page.getByTestId('save-state').filter({ hasText: 'Черновик сохранён' }).waitFor();
}

/** Opens the article in the editor's list, replaces its short answer and adds a line to its body, saves. */
async function editArticle(page: Page, row: Locator, short: string, line: string): Promise<void> {
  await row.getByRole('button', { name: 'Изменить' }).click();
  await page.locator('#ed-article-short').fill(short);
  const body = page.locator('#ed-article-body');
  await body.fill(`${await body.inputValue()}\n\n${line}`);
  await expect(page.getByTestId('article-preview').textContent()).resolves.toContain(line);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Сохранено.').waitFor();
}

/** Searches from a call on the operator screen; resolves to the hit for the article, once it shows. */
async function searchFromCall(page: Page, query: string, id: string): Promise<Locator> {
  await page.getByRole('link', { name: 'Оператор' }).click();
  await page.keyboard.press('F2');
  await page.getByTestId('line-to-say').waitFor();
  await page.getByLabel('Поиск по базе знаний').fill(query);
  const hit = page
    .getByRole('list', { name: 'Найденные статьи' })
    .locator(`[data-article-id="${id}"]`)
    .first();
  await hit.waitFor({ timeout: 10_000 });
  return hit;
}

describe('the editor workspace in Chromium', () => {
  it('publishes a changed line: the next call says it, and the versions differ in that step', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await openEditor(page);
    await openFlow(page);
    // A line that greets by itself names the organisation and the operator (flow check, issue 15).
    await editGreeting(
      page,
      '{{greeting}}! {{organisation.shortName}}. Вас слушает справочная линия, {{operator.firstName}}.',
    );
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByText('Опубликована версия 2').waitFor();

    await page.getByRole('tab', { name: 'Версии' }).click();
    const diff = page.locator('.diff-view');
    await diff.waitFor();
    await expect(diff.locator('[data-step="greeting"]').textContent()).resolves.toContain('изменён: реплика');
    await expect(diff.locator('[data-kind]').count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Оператор' }).click();
    await page.getByLabel('Сценарий входящего звонка').selectOption({ label: FLOW_TITLE });
    await page.keyboard.press('F2');
    await page.getByTestId('line-to-say').waitFor();
    await expect(page.getByTestId('line-to-say').textContent()).resolves.toContain(
      'Вас слушает справочная линия, Мария.',
    );
    expect(errors).toEqual([]);
  });

  it('keeps a draft across a reload, and refuses to publish while it has errors', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    await openEditor(page);
    await openFlow(page);
    await editGreeting(page, '{{greeting}}! {{organisation.shortNmae}}, слушаю вас.');
    await expect(page.locator('#ed-step-greeting-say-issues').textContent()).resolves.toContain(
      'organisation.shortNmae',
    );
    await expect(page.getByRole('button', { name: 'Опубликовать' }).isDisabled()).resolves.toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: FLOW_TITLE }).waitFor();
    await page
      .getByRole('navigation', { name: 'Шаги' })
      .getByRole('button', { name: /greeting/ })
      .click();
    await expect(page.locator('#ed-step-greeting-say').inputValue()).resolves.toBe(
      '{{greeting}}! {{organisation.shortNmae}}, слушаю вас.',
    );
    await page.getByRole('button', { name: 'К списку сценариев' }).click();
    await expect(page.locator(`[data-flow-id="${FLOW}"]`).textContent()).resolves.toContain(
      'есть неопубликованные изменения',
    );
  });

  it('an invalid flow file shows all its errors and changes nothing', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    await openEditor(page);
    const before = await page.locator('.flow-list').textContent();
    const broken = JSON.stringify({
      id: FLOW,
      version: 1,
      title: '',
      direction: 'sideways',
      start: 'x',
      steps: [],
    });
    await page.getByLabel('Загрузить файл сценария').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Ничего не изменено');
    await expect(result.locator('li').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.locator('.flow-list').textContent()).resolves.toBe(before);
  });

  it("an edited article is found by the operators' search at once, without a reload", async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await openEditor(page);
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    const first = page.locator('.article-list li').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-article-id')) ?? '';
    // A place name no bundled article mentions: only the edited text can match it.
    const short = 'Записаться можно через приёмную в Верхотурье, по будням.';
    await editArticle(page, first, short, 'Приёмная в Верхотурье принимает по записи.');

    // Client-side navigation to the call screen: the running search engine must already know the change.
    // A mark on the window survives client-side navigation and is gone after any reload.
    await page.evaluate(() => Object.assign(window, { sufNoReload: true }));
    const hit = await searchFromCall(page, 'Верхотурье', id);
    await expect(hit.locator('.kb-result-short').textContent()).resolves.toBe(short);
    await expect(page.evaluate(() => 'sufNoReload' in window)).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('an edited article when a new knowledge base is deployed', () => {
  const ARTICLE = 'gen-reception-recording';
  let dist = '';

  beforeAll(() => {
    // The same app over a knowledge base whose own text of ARTICLE changed since the editor's change.
    const work = mkdtempSync(join(tmpdir(), 'sufler-kb-next-'));
    const kb = join(work, 'kb');
    cpSync(resolve('knowledge-base'), kb, { recursive: true });
    const file = join(kb, `${ARTICLE}.md`);
    const source = readFileSync(file, 'utf8');
    const changed = source.replace('Приём могут записывать', 'Приём обычно записывают');
    expect(changed).not.toBe(source);
    writeFileSync(file, changed);
    dist = join(work, 'dist');
    execFileSync(
      process.execPath,
      [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SUFLER_KB_DIR: kb,
          SUFLER_OUT_DIR: dist,
          SUFLER_BUILD_ID: 'e2e-kb-next',
        },
      },
    );
    return () => rmSync(work, { recursive: true, force: true });
  });

  it('keeps the change in force and searchable, and asks the editor to reconcile it', async () => {
    session = await openApp();
    const { page, server } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    await openEditor(page);
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    const row = page.locator(`.article-list li[data-article-id="${ARTICLE}"]`);
    const short = 'Приём в Верхотурье записывают на видео. Вас предупредят заранее.';
    await editArticle(page, row, short, 'В Верхотурье запись хранят год.');

    server.setRoot(dist);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Обновить' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="build-id"]')?.textContent?.includes('e2e-kb-next'),
    );

    const hit = await searchFromCall(page, 'Верхотурье', ARTICLE);
    await expect(hit.locator('.kb-result-short').textContent()).resolves.toBe(short);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Редактор' }).click();
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    await expect(row.textContent()).resolves.toContain('изменена в новой версии базы — сверьте');
    await row.getByRole('button', { name: 'Изменить' }).click();
    await expect(page.getByTestId('official-notice').textContent()).resolves.toContain(
      'Приём обычно записывают',
    );
    expect(errors).toEqual([]);
  });
});
