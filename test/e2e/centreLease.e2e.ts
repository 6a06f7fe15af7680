// One call per operator across devices (issue 17), in Chromium against the real server: the same
// operator signed in on two devices (two browser profiles). The second device's call turns read-only and
// says why; «Перехватить» takes the calls there, and the first device hears it on the centre's stream,
// says so and sends nothing more. A call that ended releases the calls: the next one on another device
// begins without a take-over.
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { databaseOf } from '../../src/server/app';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { line, step } from './callSteps';
import { desk as signedIn, startCentre } from './centreDesks';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** The device holds the operator's lease once the server gave it (kept for the uploads). */
const holdsLease = (page: Page) =>
  page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('sufler.lease.')));

it('keeps one call per operator across two devices: the second is read-only until it takes the calls over', async () => {
  const { url } = await startCentre(cleanups);

  const desk = await signedIn(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);
  const laptop = await signedIn(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);

  // The desk starts a call: it begins at once, and the desk holds the operator's lease.
  await desk.page.keyboard.press('F2');
  await desk.page.getByTestId('line-to-say').waitFor();
  await holdsLease(desk.page);
  await step(desk.page, 'Digit1');

  // The laptop starts one too: it begins (a call never waits on the network), then turns read-only.
  await laptop.page.keyboard.press('F2');
  await laptop.page.getByTestId('line-to-say').waitFor();
  const laptopNotice = laptop.page.getByTestId('lease-notice');
  await laptopNotice.waitFor({ timeout: 15_000 });
  expect(await laptopNotice.textContent()).toContain('Ваши звонки сейчас ведутся на другом устройстве');
  const greeting = await line(laptop.page);
  await laptop.page.keyboard.press('Digit1');
  expect(await line(laptop.page)).toBe(greeting);

  // «Перехватить»: the laptop makes the calls now…
  await laptopNotice.getByRole('button', { name: 'Перехватить звонки на это устройство' }).click();
  await laptopNotice.waitFor({ state: 'detached' });
  await step(laptop.page, 'Digit1');

  // …and the desk is told at once, in words, and sends nothing more.
  const deskNotice = desk.page.getByTestId('lease-notice');
  await deskNotice.waitFor({ timeout: 15_000 });
  expect(await deskNotice.textContent()).toContain('Ваши звонки перехватили на другом устройстве');
  const deskLine = await line(desk.page);
  await desk.page.keyboard.press('Digit1');
  expect(await line(desk.page)).toBe(deskLine);
  expect(await desk.page.locator('.call-actions button:not([disabled])').count()).toBe(0);

  expect(desk.errors).toEqual([]);
  expect(laptop.errors).toEqual([]);
});

it('releases the calls when a call ends, so the next call on another device needs no take-over', async () => {
  const { server, url } = await startCentre(cleanups);
  const desk = await signedIn(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);
  const laptop = await signedIn(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD);

  // A whole call at the desk: the caller hangs up, the wrap-up is saved.
  await desk.page.keyboard.press('F2');
  await desk.page.getByTestId('line-to-say').waitFor();
  await holdsLease(desk.page);
  await desk.page.keyboard.press('Shift+KeyX');
  await desk.page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  await desk.page.keyboard.press('Control+Enter');
  await desk.page.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });
  // Its end reached the server, which released the operator's calls.
  const released = async () =>
    (await databaseOf(server).selectFrom('operator_leases').select('released_at').executeTakeFirst())
      ?.released_at ?? null;
  await expect.poll(released, { timeout: 15_000 }).not.toBeNull();

  // The operator moves to the laptop: its call begins and is its own, with nothing to take over.
  await laptop.page.keyboard.press('F2');
  await laptop.page.getByTestId('line-to-say').waitFor();
  await holdsLease(laptop.page);
  expect(await laptop.page.getByTestId('lease-notice').count()).toBe(0);
  await step(laptop.page, 'Digit1');

  expect(desk.errors).toEqual([]);
  expect(laptop.errors).toEqual([]);
});
