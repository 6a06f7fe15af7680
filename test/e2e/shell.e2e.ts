import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  completeFirstRun,
  openApp,
  seriousA11yViolations,
  waitForServiceWorker,
  watchErrors,
  type AppSession,
} from './harness';

let session: AppSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('the app shell in Chromium', () => {
  it('asks at first run which organisation and who the operator is, then opens the operator workspace', async () => {
    session = await openApp();
    const { page } = session;
    const errors = watchErrors(page);
    // Starting without a surname is refused with a message.
    await page.getByRole('button', { name: 'Начать работу' }).click();
    await page.getByRole('alert').filter({ hasText: 'Заполните фамилию, имя, должность и отдел' }).waitFor();

    await completeFirstRun(page, {
      organisation: 'Минспорт Мурманской области',
      surname: 'Смирнов',
      firstName: 'Олег',
    });
    await expect(page.getByTestId('operator-identity').textContent()).resolves.toContain('Смирнов Олег');
    await expect(page.getByTestId('operator-identity').textContent()).resolves.toContain('Мурманской');
    expect(new URL(page.url()).pathname).toBe('/operator');
    expect(errors).toEqual([]);
  });

  it('moves between the workspaces by keyboard alone', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    // The supervisor and editor code (and the supervisor's styles) is not loaded until first visited.
    const loaded = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''));
    const workspaceCode = async () => (await loaded()).filter((n) => /(Supervisor|Editor).*\.js$/.test(n));
    expect((await loaded()).filter((n) => /Supervisor|Editor/.test(n))).toEqual([]);
    const steps = [
      ['Control+Alt+Digit2', '/supervisor', 'Рабочее место руководителя'],
      ['Control+Alt+Digit3', '/editor', 'Рабочее место редактора'],
      ['Control+Alt+Digit4', '/settings', 'Настройки'],
      ['Control+Alt+Digit1', '/operator', 'Рабочее место оператора'],
    ] as const;
    for (const [keys, path, heading] of steps) {
      await page.keyboard.press(keys);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
    }
    expect(await workspaceCode()).toHaveLength(2);
    // From the workspace, Shift+Tab reaches the navigation links, and Enter follows one.
    let focused: string | null | undefined = null;
    for (let i = 0; i < 12 && focused !== 'Руководитель'; i++) {
      await page.keyboard.press('Shift+Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent);
    }
    expect(focused).toBe('Руководитель');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Рабочее место руководителя' }).waitFor();
  });

  it('keeps settings after a reload: profile, organisation and theme', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    await page.keyboard.press('Control+Alt+Digit4');
    const operatorForm = page.getByRole('form', { name: 'Профиль оператора' });
    await operatorForm.getByLabel('Должность').fill('главный специалист');
    await operatorForm.getByRole('button', { name: 'Сохранить' }).click();
    await operatorForm.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    const orgForm = page.getByRole('form', { name: 'Организация' });
    await orgForm.getByLabel('Телефон', { exact: true }).fill('+7 (343) 000-00-00');
    await orgForm.getByRole('button', { name: 'Сохранить' }).click();
    await orgForm.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await page.getByLabel('Высокий контраст').check();
    await page.getByLabel('Очень крупный').check();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('contrast');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('contrast');
    await expect(page.evaluate(() => document.documentElement.dataset.fontSize)).resolves.toBe('larger');
    await expect(
      page.getByRole('form', { name: 'Профиль оператора' }).getByLabel('Должность').inputValue(),
    ).resolves.toBe('главный специалист');
    await expect(
      page.getByRole('form', { name: 'Организация' }).getByLabel('Телефон', { exact: true }).inputValue(),
    ).resolves.toBe('+7 (343) 000-00-00');
    await expect(page.getByTestId('storage-usage').textContent()).resolves.toMatch(/Занято .+ из .+/);
  });

  it('opens with no network after the first visit', async () => {
    session = await openApp();
    const { page, server } = session;
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    await server.stop();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
    // The call flows (a JSON file, not code) were precached with the app: the workspace is ready for a
    // call (the panel to start one is shown) and the call starts offline.
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('line-to-say').textContent()).resolves.toContain('Иванова Мария Петровна');
    await page.keyboard.press('Shift+KeyX');
    await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
    // A lazy workspace was precached too.
    await page.keyboard.press('Control+Alt+Digit3');
    await page.getByRole('heading', { level: 1, name: 'Рабочее место редактора' }).waitFor();
  });

  it('offers a new version when one is deployed, and loads it only when the operator accepts', async () => {
    session = await openApp();
    const { page, server } = session;
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    await expect(page.getByTestId('build-id').textContent()).resolves.toContain('e2e-a');

    server.setRoot(inject('distB'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor();
    // Nothing reloads by itself: the old build stays on screen until accepted.
    await expect(page.getByTestId('build-id').textContent()).resolves.toContain('e2e-a');
    await prompt.getByRole('button', { name: 'Обновить' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="build-id"]')?.textContent?.includes('e2e-b'),
    );
  });

  it('offers the new version in every open tab, and a tab still loads it after another tab accepted', async () => {
    session = await openApp();
    const { page, server, context } = session;
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    const second = await context.newPage();
    await second.goto(`${server.url}/operator`);
    await second.getByRole('region', { name: 'Новый звонок' }).waitFor();

    server.setRoot(inject('distB'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    // The update found by the first tab is offered in the second one too.
    await page.getByTestId('update-prompt').waitFor();
    await second.getByTestId('update-prompt').waitFor();

    await page.getByTestId('update-prompt').getByRole('button', { name: 'Обновить' }).click();
    const onB = () => document.querySelector('[data-testid="build-id"]')?.textContent?.includes('e2e-b');
    await page.waitForFunction(onB);
    // The second tab stays on its build until its operator accepts, then reloads onto the new one.
    await expect(second.getByTestId('build-id').textContent()).resolves.toContain('e2e-a');
    await second.getByTestId('update-prompt').getByRole('button', { name: 'Обновить' }).click();
    await second.waitForFunction(onB);
  });

  it('says clearly when the browser storage is unavailable, and still works in memory', async () => {
    session = await openApp({
      initScript: 'Object.defineProperty(window, "indexedDB", { value: undefined });',
    });
    const { page } = session;
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Хранилище браузера недоступно');
    await completeFirstRun(page);
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
  });

  it('says clearly when the call flows cannot be loaded, and does not break', async () => {
    session = await openApp({
      // The flows file fails to arrive, whatever the network or the service worker would answer.
      initScript: `{
        const fetchBefore = window.fetch;
        window.fetch = (input, init) =>
          String(input instanceof Request ? input.url : input).includes('/assets/flows-')
            ? Promise.reject(new TypeError('Failed to fetch'))
            : fetchBefore(input, init);
      }`,
    });
    const { page } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    const start = page.getByRole('region', { name: 'Новый звонок' });
    await expect(start.getByRole('alert').textContent()).resolves.toMatch(
      /^Не удалось загрузить сценарии звонков, встроенные в приложение\. Перезагрузите страницу/,
    );
    await page.keyboard.press('F2');
    await expect(page.getByTestId('line-to-say').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violations in any workspace or theme', async () => {
    session = await openApp();
    const { page } = session;
    expect(await seriousA11yViolations(page)).toEqual([]);
    await completeFirstRun(page);
    for (const theme of ['Светлая', 'Тёмная', 'Высокий контраст']) {
      await page.keyboard.press('Control+Alt+Digit4');
      await page.getByLabel(theme).check();
      for (const [keys, heading] of [
        ['Control+Alt+Digit1', 'Рабочее место оператора'],
        ['Control+Alt+Digit2', 'Рабочее место руководителя'],
        ['Control+Alt+Digit3', 'Рабочее место редактора'],
        ['Control+Alt+Digit4', 'Настройки'],
      ] as const) {
        await page.keyboard.press(keys);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await seriousA11yViolations(page), `${heading}, ${theme}`).toEqual([]);
      }
    }
  });
});
