// Desks of one centre for e2e tests with the real server: the server on an embedded database of its own,
// a second operator added by the administrator, and a Chromium profile per person, signed in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { completeFirstRun, launch, startAppServer, watchErrors, type OperatorInput } from './harness';

type Cleanups = (() => Promise<unknown>)[];

export interface Centre {
  server: FastifyInstance;
  url: string;
}

/** The app's server on a fresh data folder, listening on a free port. */
export async function startCentre(cleanups: Cleanups): Promise<Centre> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-db-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startAppServer(dataDir, 0);
  cleanups.push(() => server.close());
  const address = server.server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

export const BORIS = { login: 'boris.operator', password: 'пароль-бориса-1' };

/** A person of Sverdlovsk with the operator role, made by its administrator (the names the calls name). */
export async function addOperator(
  server: FastifyInstance,
  person: { login: string; password: string; surname: string; firstName: string; patronymic?: string },
): Promise<void> {
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
    payload: { ...person, roles: ['operator'] },
  });
  if (created.statusCode !== 201) throw new Error(`adding ${person.login} answered ${created.statusCode}`);
}

/** Борис Петров, a second operator of Sverdlovsk. */
export function addBoris(server: FastifyInstance): Promise<void> {
  return addOperator(server, { ...BORIS, surname: 'Петров', firstName: 'Борис' });
}

/** A browser of its own signed in as `login`, past the first run (`input`: the names it keeps). */
export async function desk(
  cleanups: Cleanups,
  url: string,
  login: string,
  password: string,
  input: OperatorInput = {},
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
  await completeFirstRun(page, input);
  return { page, errors };
}
