// Calls go up (issue 17), in Chromium against the real server: a call made while the server stops
// mid-call goes on without a pause, the account bar says what is waiting, and once the server is back
// every event of the call reaches it exactly once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { databaseOf } from '../../src/server/app';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { step, typeField } from './callSteps';
import { completeFirstRun, launch, startAppServer, waitForServiceWorker, watchErrors } from './harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const syncStatus = (page: Page, text: string) =>
  page.getByTestId('sync-status').filter({ hasText: text }).waitFor({ timeout: 30_000 });

/** The call's events as the workstation stored them: [seq, type] in order, read with the raw IndexedDB API. */
function localEvents(page: Page, callId: string): Promise<[number, string][]> {
  return page.evaluate(
    (id) =>
      new Promise<[number, string][]>((resolve, reject) => {
        const open = indexedDB.open('sufler');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
          const read = open.result.transaction('callEvents').objectStore('callEvents').getAll(range);
          read.onsuccess = () => {
            const rows = read.result as { seq: number; event: { type: string } }[];
            resolve(rows.map((r) => [r.seq, r.event.type]));
            open.result.close();
          };
        };
      }),
    callId,
  );
}

interface Workstation {
  page: Page;
  errors: string[];
  server: () => FastifyInstance;
  stopServer(): Promise<void>;
  /** The server again, on the same data folder and address. */
  restartAppServer(): Promise<void>;
}

/** A server on a data folder of its own and a Chromium profile signed in as the Sverdlovsk operator. */
async function signedInWorkstation(): Promise<Workstation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-db-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  cleanups.push(() => rm(profileDir, { recursive: true, force: true }));
  let server = await startAppServer(dataDir, 0);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  cleanups.push(() => server.close());
  const context = await launch(profileDir);
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(`http://127.0.0.1:${port}`);
  const form = page.getByRole('form', { name: 'Вход в Суфлёр' });
  await form.getByLabel('Логин').fill('sverdlovsk.operator');
  await form.getByLabel('Пароль').fill(SAMPLE_PASSWORD);
  await form.getByRole('button', { name: 'Войти' }).click();
  await completeFirstRun(page);
  await waitForServiceWorker(page);
  await syncStatus(page, 'всё отправлено');
  return {
    page,
    errors,
    server: () => server,
    stopServer: () => server.close(),
    async restartAppServer() {
      server = await startAppServer(dataDir, port);
    },
  };
}

/** The server holds the workstation's one call whole: every event it stored, once, in order. */
async function expectCallHeldOnce(server: FastifyInstance, page: Page): Promise<void> {
  const db = databaseOf(server);
  const calls = await db.selectFrom('calls').select(['id', 'next_seq']).execute();
  expect(calls).toHaveLength(1);
  const [call] = calls;
  if (!call) throw new Error('no call on the server');
  const held = await sql<{ seq: number; type: string; copies: number }>`
    select seq, type, count(*)::int as copies from call_events where call_id = ${call.id}
    group by seq, type order by seq`.execute(db);
  const local = await localEvents(page, call.id);
  expect(local.length).toBeGreaterThan(3);
  expect(held.rows.map((r) => [r.seq, r.type])).toEqual(local);
  expect(held.rows.every((r) => r.copies === 1)).toBe(true);
  expect(call.next_seq).toBe(local.length);
}

/** Breaks the call off and saves its wrap-up. */
async function endCall(page: Page): Promise<void> {
  await page.keyboard.press('Shift+KeyX');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });
}

it('sends a call made while the server stopped mid-call once it is back, every event once', async () => {
  const ws = await signedInWorkstation();
  const { page } = ws;

  // The call begins with the server up, and its start goes up at once.
  await page.getByLabel('Телефон клиента (если известен)').fill('9123456789');
  await page.keyboard.press('F2');
  await page.getByTestId('line-to-say').waitFor();
  const heldEvents = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from call_events`.execute(databaseOf(ws.server())))
      .rows[0]?.n;
  await expect.poll(heldEvents, { timeout: 15_000 }).toBeGreaterThan(0);

  // The server stops after the greeting; the call goes on at the keyboard's pace.
  await ws.stopServer();
  await step(page, 'Digit1');
  await typeField(page, 'KeyN', 'ольга ивановна');
  await step(page, 'Digit1');
  await typeField(page, 'KeyN', 'справка о доходах');
  await syncStatus(page, 'нет связи с сервером');
  await syncStatus(page, 'не отправлено: 1 звонок (с ');
  await endCall(page);

  // The server is back on the same address: the next retry sends everything.
  await ws.restartAppServer();
  await syncStatus(page, 'всё отправлено');
  await expectCallHeldOnce(ws.server(), page);
  expect(ws.errors).toEqual([]);
});

it('sends a call made with the server down after the page is reloaded, once the server is back', async () => {
  const ws = await signedInWorkstation();
  const { page } = ws;
  await ws.stopServer();
  await page.getByLabel('Телефон клиента (если известен)').fill('9123456789');
  await page.keyboard.press('F2');
  await page.getByTestId('line-to-say').waitFor();
  await step(page, 'Digit1');
  await typeField(page, 'KeyN', 'ольга ивановна');
  await endCall(page);

  // Reloaded with nothing sent (the service worker serves the app): the queue is still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
  await syncStatus(page, 'нет связи с сервером');
  await syncStatus(page, 'не отправлено: 1 звонок (с ');
  await ws.restartAppServer();
  await syncStatus(page, 'всё отправлено');
  await expectCallHeldOnce(ws.server(), page);
  expect(ws.errors).toEqual([]);
});
