// Shared e2e plumbing: a served production build, a real Chromium with its own profile (IndexedDB,
// service worker), and small steps every test needs (first run, axe check).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../helpers/chromium';
import { startStaticServer, type StaticServer } from '../helpers/staticServer';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { defaultConfig } from '../../src/server/config';
import { SAMPLE_PASSWORD } from '../../src/server/seed';

export interface AppSession {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  profileDir: string;
  /** Close the browser (the profile stays, so the app can be reopened with reopen()). */
  closeBrowser(): Promise<void>;
  /** Start the browser again on the same profile: same IndexedDB, same service worker. */
  reopen(): Promise<Page>;
  dispose(): Promise<void>;
}

export async function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: inject('chromium'),
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
    viewport: { width: 1280, height: 900 },
  });
}

/** Collects errors the page throws, so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function openApp(options: { initScript?: string } = {}): Promise<AppSession> {
  const server = await startStaticServer(inject('distA'));
  const profileDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-'));
  let context = await launch(profileDir);
  if (options.initScript) await context.addInitScript(options.initScript);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  const session: AppSession = {
    server,
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    profileDir,
    async closeBrowser() {
      await context.close();
    },
    async reopen() {
      context = await launch(profileDir);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      return page;
    },
    async dispose() {
      await context.close().catch(() => undefined);
      await server.stop();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

export interface OperatorInput {
  organisation?: string;
  surname?: string;
  firstName?: string;
  patronymic?: string;
  position?: string;
  department?: string;
}

export async function completeFirstRun(page: Page, input: OperatorInput = {}): Promise<void> {
  await page.getByRole('heading', { name: 'Добро пожаловать в Суфлёр' }).waitFor();
  if (input.organisation) await page.getByLabel(input.organisation).check();
  await page.getByLabel('Фамилия').fill(input.surname ?? 'Иванова');
  await page.getByLabel('Имя').fill(input.firstName ?? 'Мария');
  await page.getByLabel('Отчество').fill(input.patronymic ?? 'Петровна');
  await page.getByLabel('Должность').fill(input.position ?? 'ведущий специалист');
  await page.getByLabel('Отдел').fill(input.department ?? 'отдел по работе с обращениями граждан');
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await page.getByRole('navigation', { name: 'Рабочие места' }).waitFor();
}

/** Waits until the service worker controls the page, so the next load can come from its cache. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve()),
    );
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not added as a script tag: the server's Content-Security-Policy
  // rightly refuses an inline script.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    // axe is a global once its source has run above.
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

/** The real server over the built app, its embedded database in `dataDir`, listening on `port` (0: any). */
export async function startAppServer(dataDir: string, port: number): Promise<FastifyInstance> {
  const app = await buildServer(
    defaultConfig({
      database: { kind: 'embedded', dataDir },
      staticDir: inject('distA'),
      seedSamples: true,
      logLevel: 'silent',
      passwordHashing: { memoryCost: 1024, timeCost: 1 },
    }),
  );
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

/** The real server on a throwaway data folder, and its address; `cleanups` receives what ends them. */
export async function startCentre(
  cleanups: (() => Promise<unknown>)[],
): Promise<{ server: FastifyInstance; url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-db-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startAppServer(dataDir, 0);
  cleanups.push(() => server.close());
  const address = server.server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/**
 * A desk of the centre: its own browser profile (a device), signed in as `login`, past the first run.
 * `cleanups` receives what closes it, for the test's afterEach.
 */
export async function signedInDesk(
  url: string,
  login: string,
  password: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<{ page: Page; errors: string[] }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-'));
  cleanups.push(() => rm(profileDir, { recursive: true, force: true }));
  const context = await launch(profileDir);
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(url);
  const form = page.getByRole('form', { name: 'Вход в Суфлёр' });
  await form.getByLabel('Логин').fill(login);
  await form.getByLabel('Пароль').fill(password);
  await form.getByRole('button', { name: 'Войти' }).click();
  await completeFirstRun(page);
  return { page, errors };
}

/**
 * A second operator of the Sverdlovsk sample organisation, made by its administrator: Петров Борис,
 * `boris.operator` / `пароль-бориса-1`.
 */
export async function addBoris(server: FastifyInstance): Promise<void> {
  const signIn = await server.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { login: 'sverdlovsk.administrator', password: SAMPLE_PASSWORD },
  });
  const cookie = signIn.cookies.find((c) => c.name === 'sufler_session')?.value ?? '';
  const created = await server.inject({
    method: 'POST',
    url: '/api/v1/admin/people',
    headers: {
      cookie: `sufler_session=${cookie}`,
      'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken,
    },
    payload: {
      login: 'boris.operator',
      password: 'пароль-бориса-1',
      surname: 'Петров',
      firstName: 'Борис',
      roles: ['operator'],
    },
  });
  expect(created.statusCode).toBe(201);
}
