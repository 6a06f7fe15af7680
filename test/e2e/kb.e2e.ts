// The knowledge base in a real Chromium against production builds: cached for offline search with its
// version shown, hostile article markup inert.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/staticServer';
import { articleText } from '../kb/articleText';
import {
  completeFirstRun,
  launch,
  openApp,
  waitForServiceWorker,
  watchErrors,
  type AppSession,
} from './harness';

let session: AppSession | null = null;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await session?.dispose();
  session = null;
  for (const c of cleanups.splice(0)) await c();
});

/** The panel sits beside the script of a call: start an inbound call, then type in its search box. */
async function searchKnowledgeBase(page: Page, query: string) {
  await page.getByRole('button', { name: /Входящий звонок/ }).click();
  const box = page.getByLabel('Поиск по базе знаний');
  await box.fill(query);
  return page.getByRole('list', { name: 'Найденные статьи' });
}

function bundleVersion(dist: string): string {
  const bundle = JSON.parse(readFileSync(join(dist, 'kb-bundle.json'), 'utf8')) as { version: string };
  return bundle.version;
}

describe('the knowledge base in Chromium', () => {
  it('finds an article with no network after the first visit, from the IndexedDB cache', async () => {
    session = await openApp();
    const { page, server } = session;
    const errors = watchErrors(page);
    await completeFirstRun(page);
    await waitForServiceWorker(page);
    const version = bundleVersion(inject('distA'));
    await page.waitForFunction(
      async (v) => {
        const dbs = await indexedDB.databases();
        if (!dbs.some((d) => d.name === 'sufler')) return false;
        const open = indexedDB.open('sufler');
        const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
        // The DOM types an object store's get() as any; this row is the kbActive pointer (src/db/kbTables.ts).
        const get = db.transaction('kbActive').objectStore('kbActive').get('active') as IDBRequest<
          { version?: string } | undefined
        >;
        const row = await new Promise<{ version?: string } | undefined>(
          (ok) => (get.onsuccess = () => ok(get.result)),
        );
        db.close();
        return row?.version === v;
      },
      version,
      { polling: 200 },
    );

    await server.stop();
    await session.closeBrowser();
    const offlinePage = await session.reopen();
    const results = await searchKnowledgeBase(offlinePage, 'анонимная жалоба');
    await results.getByRole('button', { name: /Анонимное обращение/ }).waitFor();
    // The panel names the version it reads from: the one the build produced.
    await expect(offlinePage.getByTestId('kb-version').textContent()).resolves.toMatch(
      new RegExp(`База знаний: версия ${version} от \\d{1,2} [а-я]+ \\d{4} г\\., статей: \\d+`),
    );
    expect(errors).toEqual([]);
  });
});

describe('a hostile article', () => {
  let dist = '';
  let server: StaticServer | null = null;

  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'sufler-kb-hostile-'));
    const kb = join(work, 'kb');
    mkdirSync(kb);
    writeFileSync(
      join(kb, 'hostile-markup.md'),
      articleText({
        id: 'hostile-markup',
        title: 'Проверка опасной разметки в статье',
        short: 'Эта статья проверяет, что разметка из статьи не выполняется.',
        body: [
          '<script>window.__kbPwned = "script"</script>',
          '<img src="x" onerror="window.__kbPwned = \'onerror\'">',
          '<a href="#" onclick="window.__kbPwned = \'onclick\'">ссылка с обработчиком</a>',
          "[опасная ссылка](javascript:window.__kbPwned='link')",
          '**Обычный текст остаётся.**',
        ].join('\n\n'),
      }),
    );
    writeFileSync(join(kb, 'contacts.md'), articleText({ id: 'contacts', topics: ['contacts'] }));
    dist = join(work, 'dist');
    execFileSync(
      process.execPath,
      [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', SUFLER_KB_DIR: kb, SUFLER_OUT_DIR: dist },
      },
    );
    return () => rmSync(work, { recursive: true, force: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('renders its script, handlers and javascript: link as inert text', async () => {
    server = await startStaticServer(dist);
    const profile = mkdtempSync(join(tmpdir(), 'sufler-e2e-'));
    const context = await launch(profile);
    cleanups.push(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await completeFirstRun(page);
    const results = await searchKnowledgeBase(page, 'опасной разметки');
    await results.getByRole('button', { name: /Проверка опасной разметки/ }).click();
    const full = page.getByRole('region', { name: 'Подробный ответ' });
    await full.getByText('Обычный текст остаётся.').waitFor();
    await expect(full.textContent()).resolves.toContain('<script>window.__kbPwned = "script"</script>');
    for (const link of await full.getByRole('link').all())
      await link.click({ force: true }).catch(() => undefined);
    await full.getByText('ссылка с обработчиком', { exact: false }).click();
    expect(await page.evaluate(() => (window as { __kbPwned?: string }).__kbPwned ?? null)).toBeNull();
    expect(await full.locator('script, img, [onerror], [onclick], a[href^="javascript"]').count()).toBe(0);
  });
});
