// The app served by the real server (issue 16): sign in as each sample role and see only that role's
// workspaces; a wrong password answered in Russian; sign-out back to the sign-in page; after sign-in,
// with the server stopped, a call still runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { operatorView } from './callSteps';
import { databaseOf } from '../../src/server/app';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import {
  completeFirstRun,
  launch,
  seriousA11yViolations,
  startAppServer,
  waitForServiceWorker,
  watchErrors,
} from './harness';

interface Served {
  url: string;
  page: Page;
  context: BrowserContext;
  /** What Chromium refused under the server's Content-Security-Policy (it must be nothing). */
  cspViolations: string[];
  stopServer(): Promise<void>;
  /** Starts the server again on the same port and database, after stopServer. */
  startServer(): Promise<void>;
  /** Ends every session on the server, as expiry or "sign out everywhere" does. */
  endSessions(): Promise<void>;
  dispose(): Promise<void>;
}

let served: Served | null = null;

afterEach(async () => {
  const violations = served?.cspViolations ?? [];
  await served?.dispose();
  served = null;
  expect(violations).toEqual([]);
});

async function serveApp(): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-db-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-'));
  const start = (port: number): Promise<FastifyInstance> => startAppServer(dataDir, port);
  let app = await start(0);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const context = await launch(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  const url = `http://127.0.0.1:${port}`;
  const first = await page.goto(url);
  // The app is served under its policy (the server test checks the policy's words).
  expect(await first?.headerValue('content-security-policy')).toContain("script-src 'self'");
  let running = true;
  const stopServer = async () => {
    if (running) await app.close();
    running = false;
  };
  const startServer = async () => {
    if (!running) app = await start(port);
    running = true;
  };
  return {
    url,
    page,
    context,
    cspViolations,
    stopServer,
    startServer,
    endSessions: () => sql`delete from sessions`.execute(databaseOf(app)).then(() => undefined),
    async dispose() {
      await context.close().catch(() => undefined);
      await stopServer();
      await rm(profileDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(page: Page, login: string, password = SAMPLE_PASSWORD): Promise<void> {
  const form = page.getByRole('form', { name: 'Вход в Суфлёр' });
  await form.getByLabel('Логин').fill(login);
  await form.getByLabel('Пароль').fill(password);
  await form.getByRole('button', { name: 'Войти' }).click();
}

const workspaces = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Рабочие места' }).getByRole('link').allTextContents()).sort();

describe('the app served by the server, in Chromium', () => {
  it.each([
    ['sverdlovsk.operator', ['Настройки', 'Оператор'], 'Рабочее место оператора'],
    ['sverdlovsk.supervisor', ['Настройки', 'Руководитель'], 'Рабочее место руководителя'],
    ['sverdlovsk.editor', ['Настройки', 'Редактор'], 'Рабочее место редактора'],
    [
      'murmansk.administrator',
      ['Администрирование', 'Настройки', 'Оператор', 'Редактор', 'Руководитель'],
      'Рабочее место оператора',
    ],
  ])('signs %s in and shows only their workspaces', async (login, expected, heading) => {
    served = await serveApp();
    const { page } = served;
    const errors = watchErrors(page);
    await signIn(page, login);
    await completeFirstRun(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await workspaces(page)).toEqual([...expected].sort());
    // A workspace the role does not hold is not reachable by its address either.
    if (!expected.includes('Редактор')) {
      await page.goto(`${served.url}/editor`);
      await page.getByText('Такой страницы нет.').waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('answers a wrong password in Russian, and signs out back to the sign-in page', async () => {
    served = await serveApp();
    const { page } = served;
    await page.getByRole('heading', { level: 1, name: 'Вход в Суфлёр' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await signIn(page, 'sverdlovsk.operator', 'не тот пароль');
    await page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль.' }).waitFor();
    await signIn(page, 'sverdlovsk.operator');
    // The first run is filled from the account: nobody types their name twice.
    await page.getByRole('heading', { name: 'Добро пожаловать в Суфлёр' }).waitFor();
    // By accessible name: the required mark beside a label is hidden from it.
    await expect(page.getByRole('textbox', { name: 'Фамилия' }).inputValue()).resolves.toBe('Смирнова');
    await expect(page.getByRole('textbox', { name: 'Имя', exact: true }).inputValue()).resolves.toBe('Анна');
    await completeFirstRun(page);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Смирнова Анна');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { level: 1, name: 'Вход в Суфлёр' }).waitFor();
    // The session ended on the server too: a reload still asks to sign in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Вход в Суфлёр' }).waitFor();
  });

  it('lets an administrator add a person who can then sign in', async () => {
    served = await serveApp();
    const { page } = served;
    await signIn(page, 'murmansk.administrator');
    await completeFirstRun(page);
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('cell', { name: 'murmansk.operator', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const form = page.getByRole('form', { name: 'Добавить сотрудника' });
    await form.getByLabel('Логин').fill('murmansk.novikova');
    await form.getByLabel('Фамилия').fill('Новикова');
    await form.getByLabel('Имя', { exact: true }).fill('Елена');
    await form.getByLabel('Пароль (не меньше 10 знаков)').fill('короткий');
    await form.getByRole('button', { name: 'Добавить' }).click();
    await page.getByRole('alert').filter({ hasText: 'пароль' }).waitFor();
    await form.getByLabel('Пароль (не меньше 10 знаков)').fill('новый-пароль-2026');
    await form.getByLabel('Редактор').check();
    await form.getByRole('button', { name: 'Добавить' }).click();
    await page.getByRole('status').filter({ hasText: 'Сотрудник murmansk.novikova добавлен.' }).waitFor();
    await page.getByRole('cell', { name: 'murmansk.novikova', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Отключить murmansk.operator' }).click();
    await page.getByRole('button', { name: 'Включить murmansk.operator' }).waitFor();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await signIn(page, 'murmansk.novikova', 'новый-пароль-2026');
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
    expect(await workspaces(page)).toEqual(['Настройки', 'Оператор', 'Редактор'].sort());
  });

  it('after sign-in, runs a call with the server stopped', async () => {
    served = await serveApp();
    const { page } = served;
    await signIn(page, 'sverdlovsk.operator');
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    await served.stopServer();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
    expect(await workspaces(page)).toEqual(['Настройки', 'Оператор']);
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('line-to-say').textContent()).resolves.toContain('Иванова Мария Петровна');
    await page.keyboard.press('Shift+KeyX');
    await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  });

  it('after an offline start, writes as soon as the server is back, without a reload', async () => {
    served = await serveApp();
    const { page } = served;
    await signIn(page, 'murmansk.administrator');
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    await served.stopServer();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
    await served.startServer();
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('button', { name: 'Отключить murmansk.operator' }).click();
    await page.getByRole('button', { name: 'Включить murmansk.operator' }).waitFor();
  });

  it('when the session ends during a call, asks to sign in only after the call, and keeps it', async () => {
    served = await serveApp();
    const { page, context } = served;
    await signIn(page, 'sverdlovsk.operator');
    await completeFirstRun(page);
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
    await page.keyboard.press('F2');
    await page.getByTestId('line-to-say').waitFor();
    await served.endSessions();
    // The network drops and returns: the app asks the server about its session and hears it ended.
    await context.setOffline(true);
    // A drop the page noticed: toggled back at once, a loaded browser can fold both into no change at all.
    await page.waitForFunction(() => !navigator.onLine);
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Сеанс на сервере закончился' }).waitFor();
    // The call goes on.
    await page.keyboard.press('Shift+KeyX');
    const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
    await wrapUp.waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: 'Вход в Суфлёр' }).waitFor();
    await page.getByText('Сеанс закончился. Войдите снова.').waitFor();
    await signIn(page, 'sverdlovsk.operator');
    // Nothing local was lost: no first run again, and the call is in the history.
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
    await operatorView(page, 'Мои звонки');
    const history = page.getByRole('region', { name: 'Мои звонки' });
    await history.getByTestId('call-list').waitFor();
    expect(await history.getByTestId('call-list').locator('li').count()).toBe(1);
  });
});
