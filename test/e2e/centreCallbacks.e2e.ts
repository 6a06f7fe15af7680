// Callbacks are the centre's (issue 17), in Chromium against the real server with two operators in two
// browser contexts: a callback promised at one desk appears at the other by the centre's event stream;
// both take it at once, one gets the call and the other is told who has it; the call made closes it for
// everyone.
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { callPromisingCallback, operatorView } from './callSteps';
import { addBoris, BORIS, desk, startCentre } from './centreDesks';
import { waitForServiceWorker } from './harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

it('shares a promised callback with the other desk; of two taking it at once one gets it, the other is told who', async () => {
  const { server, url } = await startCentre(cleanups);
  // A second operator in the same organisation, made by its administrator.
  await addBoris(server);

  const anna = await desk(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);
  const boris = await desk(cleanups, url, BORIS.login, BORIS.password);
  const queueOf = (page: Page) => page.getByRole('region', { name: 'Обещанные звонки центра' });

  // Boris watches the centre's queue; Anna promises a callback in a call.
  await operatorView(boris.page, 'Обещанные звонки');
  await queueOf(boris.page).getByText('Обещанных звонков в центре нет.').waitFor();
  await callPromisingCallback(anna.page);
  const atBoris = queueOf(boris.page).getByTestId('centre-callback');
  await atBoris.waitFor({ timeout: 15_000 });
  expect(await atBoris.textContent()).toContain('справка о доходах');
  expect(await atBoris.textContent()).toContain('+7 (912) 345-67-89');

  // Both take it at the same moment: each page clicks at one agreed instant, not when asked.
  await operatorView(anna.page, 'Обещанные звонки');
  await queueOf(anna.page).getByTestId('centre-callback').waitFor();
  const takeButton = (page: Page) => queueOf(page).getByRole('button', { name: /^Взять и позвонить: / });
  await takeButton(anna.page).waitFor();
  await takeButton(boris.page).waitFor();
  const at = Date.now() + 500;
  const take = (page: Page) =>
    takeButton(page).evaluate(
      (button: HTMLElement, moment) =>
        new Promise<void>((resolve) =>
          setTimeout(
            () => {
              button.click();
              resolve();
            },
            Math.max(0, moment - Date.now()),
          ),
        ),
      at,
    );
  await Promise.all([take(anna.page), take(boris.page)]);

  const onCall = (page: Page) =>
    page
      .getByTestId('line-to-say')
      .waitFor({ timeout: 15_000 })
      .then(() => page);
  const winner = await Promise.race([onCall(anna.page), onCall(boris.page)]);
  const loser = winner === anna.page ? boris.page : anna.page;
  const winnerName = winner === anna.page ? 'Смирнова Анна Сергеевна' : 'Петров Борис';
  await queueOf(loser)
    .getByRole('alert')
    .filter({ hasText: `Этот обратный звонок уже взят: им занимается ${winnerName}.` })
    .waitFor();
  expect(await queueOf(loser).getByTestId('centre-callback').textContent()).toContain(
    `Занимается: ${winnerName}`,
  );

  // The winner's call, once finished, closes the callback at every desk.
  await winner.keyboard.press('Shift+KeyX');
  await winner.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  await winner.keyboard.press('Control+Enter');
  await winner.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });
  await queueOf(loser).getByText('Обещанных звонков в центре нет.').waitFor({ timeout: 15_000 });
  expect(anna.errors).toEqual([]);
  expect(boris.errors).toEqual([]);
});

it('shows the queue as last known after a reload without the server, and lets nobody take from it', async () => {
  const { server, url } = await startCentre(cleanups);
  await addBoris(server);

  const anna = await desk(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);
  const boris = await desk(cleanups, url, BORIS.login, BORIS.password);
  await waitForServiceWorker(boris.page);
  const queue = boris.page.getByRole('region', { name: 'Обещанные звонки центра' });
  await operatorView(boris.page, 'Обещанные звонки');
  await callPromisingCallback(anna.page);
  await queue.getByTestId('centre-callback').waitFor({ timeout: 15_000 });

  // The server goes away; Boris's page reloads (the service worker serves the app).
  await server.close();
  await boris.page.reload();
  const status = queue.getByTestId('centre-queue-status');
  await status.filter({ hasText: 'по последним данным на' }).waitFor({ timeout: 15_000 });
  expect(await status.textContent()).toMatch(/Очередь по последним данным на \d{2}:\d{2}/);
  const kept = queue.getByTestId('centre-callback');
  expect(await kept.textContent()).toContain('справка о доходах');
  expect(await kept.getByRole('button', { name: /^Взять и позвонить: / }).isDisabled()).toBe(true);
  expect(boris.errors).toEqual([]);
});
