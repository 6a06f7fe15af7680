// Editors publish to the whole centre (issue 18), in Chromium against the real server: a version an
// editor publishes reaches an operator's workstation in another browser without a reload, for the next
// call, while the call already running keeps its version; a scheduled version takes over at its time on
// a workstation that has lost the server since it heard of it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { databaseOf } from '../../src/server/app';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { loadFlow } from '../calls/helpers';
import { desk } from './centreDesks';
import { startAppServer, waitForServiceWorker } from './harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const CONSULTATION = loadFlow('inbound-consultation.json');

function withGreeting(words: string): Record<string, unknown> {
  return {
    ...CONSULTATION,
    // The standard's greeting names the organisation and the operator; only the invitation changes.
    steps: CONSULTATION.steps.map((s) =>
      s.id === 'greeting'
        ? { ...s, say: `{{greeting}}! {{organisation.fullName}}, {{operator.fullName}}. ${words}` }
        : s,
    ),
  };
}

interface Centre {
  server: FastifyInstance;
  origin: string;
}

async function startCentre(): Promise<Centre> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-db-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startAppServer(dataDir, 0);
  cleanups.push(() => server.close());
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** An editor of the Sverdlovsk centre publishing through the API, as the editor workspace does. */
async function editorPublishes(
  centre: Centre,
  body: { definition: Record<string, unknown>; baseVersion: number; effectiveAt?: string; note?: string },
  login = 'sverdlovsk.editor',
): Promise<number> {
  const signIn = await fetch(`${centre.origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: SAMPLE_PASSWORD }),
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${centre.origin}/api/v1/flows/${CONSULTATION.id}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { version: number }).version;
}

async function operatorSignsIn(
  centre: Centre,
  login = 'sverdlovsk.operator',
): Promise<{ page: Page; errors: string[] }> {
  const signedIn = await desk(cleanups, centre.origin, login, SAMPLE_PASSWORD);
  await waitForServiceWorker(signedIn.page);
  return signedIn;
}

const line = (page: Page) => page.getByTestId('line-to-say');

async function startCall(page: Page): Promise<void> {
  await page.getByLabel('Телефон клиента (если известен)').fill('9123456789');
  await page.keyboard.press('F2');
  await line(page).waitFor();
}

async function endCall(page: Page): Promise<void> {
  await page.keyboard.press('Shift+KeyX');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor({ state: 'detached' });
}

it('gives the next call the version an editor just published; the running call keeps its own', async () => {
  const centre = await startCentre();
  const { page, errors } = await operatorSignsIn(centre);

  await startCall(page);
  await expect.poll(() => line(page).textContent()).toContain('Представьтесь, пожалуйста');

  const version = await editorPublishes(centre, {
    definition: withGreeting('Центр слушает, говорите.'),
    baseVersion: CONSULTATION.version,
    note: 'Короче приветствие',
  });
  expect(version).toBe(CONSULTATION.version + 1);

  // The running call is not touched: its line stays, and it ends as it began.
  await page.waitForTimeout(1500);
  expect(await line(page).textContent()).toContain('Представьтесь, пожалуйста');
  await endCall(page);

  // The next call, with no reload, opens on the new version.
  await expect
    .poll(
      async () => {
        await startCall(page);
        const said = (await line(page).textContent()) ?? '';
        if (!said.includes('Центр слушает')) await endCall(page);
        return said;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toContain('Центр слушает, говорите.');
  expect(errors).toEqual([]);
});

it('switches to a scheduled version at its time, on a workstation that lost the server since', async () => {
  const centre = await startCentre();
  const { page, errors } = await operatorSignsIn(centre);
  const at = Date.now() + 25_000;
  await editorPublishes(centre, {
    definition: withGreeting('С нового часа: центр слушает.'),
    baseVersion: CONSULTATION.version,
    effectiveAt: new Date(at).toISOString(),
  });
  // The workstation heard of it (its catalogue holds the scheduled version).
  await expect
    .poll(() =>
      page.evaluate(
        (id) =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('sufler');
            open.onsuccess = () => {
              const read = open.result.transaction('flowVersions').objectStore('flowVersions').getAll();
              read.onsuccess = () => {
                resolve((read.result as { flowId: string }[]).filter((r) => r.flowId === id).length);
                open.result.close();
              };
            };
          }),
        CONSULTATION.id,
      ),
    )
    .toBe(2);

  // Before its time, a call opens on the version in force.
  await startCall(page);
  expect(await line(page).textContent()).toContain('Представьтесь, пожалуйста');
  await endCall(page);
  expect(Date.now()).toBeLessThan(at);

  await centre.server.close();
  await page.getByTestId('flows-age').waitFor({ timeout: 30_000 });

  // From its time on, with no server, the next call opens on the scheduled version.
  await page.waitForTimeout(Math.max(0, at - Date.now()) + 500);
  await startCall(page);
  expect(await line(page).textContent()).toContain('С нового часа: центр слушает.');
  expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|api\/v1/.test(e))).toEqual([]);
});

it('shows an editor who publishes from a stale base what changed meanwhile, and lets them decide', async () => {
  const centre = await startCentre();
  const { page, errors } = await operatorSignsIn(centre, 'sverdlovsk.editor');
  await page.getByRole('link', { name: 'Редактор' }).click();
  await page.getByRole('heading', { name: 'Рабочее место редактора' }).waitFor();
  await page.locator(`[data-flow-id="${CONSULTATION.id}"]`).getByRole('button', { name: 'Открыть' }).click();
  await page.getByRole('heading', { name: CONSULTATION.title }).waitFor();
  await page
    .getByRole('navigation', { name: 'Шаги' })
    .getByRole('button', { name: 'greeting', exact: true })
    .click();
  const mine = '{{greeting}}! {{organisation.shortName}}, {{operator.fullName}}. Мой вариант.';
  await page.locator('#ed-step-greeting-say').fill(mine);
  await page.getByTestId('save-state').filter({ hasText: 'Черновик сохранён' }).waitFor();
  // The draft is on the server as typed, for this editor.
  await expect
    .poll(async () => {
      const rows = await databaseOf(centre.server).selectFrom('flow_drafts').select('draft').execute();
      return JSON.stringify(rows.map((r) => r.draft));
    })
    .toContain('Мой вариант.');

  // Meanwhile another editor (the administrator) publishes from the same base.
  await editorPublishes(
    centre,
    { definition: withGreeting('Их вариант.'), baseVersion: CONSULTATION.version },
    'sverdlovsk.administrator',
  );

  await page.getByLabel('Что изменено (для коллег)').fill('Свой вариант приветствия');
  await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
  const v2 = CONSULTATION.version + 1;
  const conflict = page.locator('.centre-conflict');
  await conflict.getByRole('heading', { name: new RegExp(`опубликовал\\(а\\) версию ${v2}`) }).waitFor();
  const changed = conflict.locator('.diff-view [data-step="greeting"]');
  await expect(changed.textContent()).resolves.toContain('Их вариант.');
  await expect(changed.textContent()).resolves.toContain('Мой вариант.');

  // The editor keeps theirs, published on top of the newer version: nothing was overwritten unseen.
  await conflict.getByRole('button', { name: `Опубликовать мой черновик поверх версии ${v2}` }).click();
  await page.getByText(`Опубликована версия ${v2 + 1}`).waitFor();
  const history = await databaseOf(centre.server)
    .selectFrom('flow_versions')
    .select(['version', 'note'])
    .where('organisation_id', '=', 'sverdlovsk-digital')
    .where('flow_id', '=', CONSULTATION.id)
    .orderBy('version')
    .execute();
  expect(history.map((r) => r.version)).toEqual([CONSULTATION.version, v2, v2 + 1]);
  expect(history.at(-1)?.note).toBe('Свой вариант приветствия');
  expect(errors).toEqual([]);
});

it('swaps in a knowledge base published on the server, without a reload, mid-call', async () => {
  const centre = await startCentre();
  const { page, errors } = await operatorSignsIn(centre);
  await startCall(page);
  const search = page.getByLabel('Поиск по базе знаний');
  const hit = page
    .getByRole('list', { name: 'Найденные статьи' })
    .locator('[data-article-id="gen-appeal-anonymous"]');
  await search.fill('сорокопут');
  await page.waitForTimeout(500);
  expect(await hit.count()).toBe(0);

  // An editor exports the articles, renames one, and publishes them (as the editor workspace would).
  const signIn = await fetch(`${centre.origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'sverdlovsk.editor', password: SAMPLE_PASSWORD }),
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const exported = (await (
    await fetch(`${centre.origin}/api/v1/kb/files`, { headers: { cookie } })
  ).json()) as {
    version: number;
    articles: { file: string; text: string }[];
  };
  const articles = exported.articles.map((a) =>
    a.file.endsWith('/gen-appeal-anonymous.md')
      ? { ...a, text: a.text.replace(/^title: .*$/m, 'title: Анонимное обращение сорокопут — ответят ли') }
      : a,
  );
  const res = await fetch(`${centre.origin}/api/v1/kb/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ articles, baseVersion: exported.version, note: 'новое название' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);

  // The operator's search finds it, in the same call, without a reload.
  await expect
    .poll(
      async () => {
        await search.fill('');
        await search.fill('сорокопут');
        await page.waitForTimeout(300);
        return hit.count();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

it("publishes an editor's article change to the centre; another workstation's search finds it, offline too", async () => {
  const centre = await startCentre();
  const operator = await operatorSignsIn(centre);
  await startCall(operator.page);
  const search = operator.page.getByLabel('Поиск по базе знаний');
  const hit = operator.page
    .getByRole('list', { name: 'Найденные статьи' })
    .locator('[data-article-id="gen-appeal-anonymous"]');
  const finds = async () => {
    await search.fill('');
    await search.fill('зимородок');
    await operator.page.waitForTimeout(300);
    return hit.count();
  };
  expect(await finds()).toBe(0);

  // The editor changes the article in their workspace and publishes it for the whole centre with a note.
  const editor = await operatorSignsIn(centre, 'sverdlovsk.editor');
  const { page } = editor;
  await page.getByRole('link', { name: 'Редактор' }).click();
  await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
  await page.getByRole('button', { name: 'Изменить статью «Анонимное обращение — ответят ли»' }).click();
  await page.getByLabel('Заголовок').fill('Анонимное обращение зимородок — ответят ли');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
  await page.getByRole('button', { name: 'К списку статей' }).click();
  const centrePanel = page.getByRole('region', { name: 'Публикация для всего центра' });
  await centrePanel
    .getByRole('checkbox', { name: 'Опубликовать статью «Анонимное обращение зимородок — ответят ли»' })
    .waitFor();
  await centrePanel.getByLabel('Что изменено (для коллег)').fill('Новое название');
  await centrePanel.getByRole('button', { name: 'Опубликовать для всего центра (1)' }).click();
  await centrePanel.getByRole('status').filter({ hasText: 'Опубликована версия 2 базы знаний' }).waitFor();
  // The list says who published the article and in which version.
  await expect
    .poll(() => page.locator('[data-article-id="gen-appeal-anonymous"] .article-publication').textContent())
    .toMatch(/в центре: версия 2, [А-ЯЁ]/);
  const stored = await databaseOf(centre.server)
    .selectFrom('kb_versions')
    .select(['version', 'note', 'changed_articles'])
    .where('organisation_id', '=', 'sverdlovsk-digital')
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ version: 2, note: 'Новое название', changed_articles: ['gen-appeal-anonymous'] });

  // The operator's workstation takes the new knowledge base at once, and searches it with the server gone.
  await expect.poll(finds, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
  await centre.server.close();
  await operator.page.waitForTimeout(500);
  expect(await finds()).toBeGreaterThan(0);
  expect(editor.errors).toEqual([]);
  expect(
    operator.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|api\/v1/.test(e)),
  ).toEqual([]);
});

it("keeps an editor's article draft on the server for their other browser; a second editor from the same base meets the conflict", async () => {
  const centre = await startCentre();
  const ARTICLE = 'Анонимное обращение — ответят ли';
  const SHORT = 'Короткий ответ (читается вслух)';
  const openArticle = async (page: Page) => {
    await page.getByRole('link', { name: 'Редактор' }).click();
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    await page.locator('.article-list [data-article-id="gen-appeal-anonymous"]').getByRole('button').click();
    await page.getByLabel(SHORT).waitFor();
  };
  const typeShort = async (page: Page, words: string) => {
    await page.getByLabel(SHORT).fill(words);
    await page.getByTestId('article-save-state').filter({ hasText: 'Черновик сохранён' }).waitFor();
  };
  const publishFromList = async (page: Page, note: string) => {
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await page.getByRole('button', { name: 'К списку статей' }).click();
    const panel = page.getByRole('region', { name: 'Публикация для всего центра' });
    await panel.getByRole('checkbox', { name: `Опубликовать статью «${ARTICLE}»` }).waitFor();
    await panel.getByLabel('Что изменено (для коллег)').fill(note);
    await panel.getByRole('button', { name: 'Опубликовать для всего центра (1)' }).click();
    return panel;
  };
  const drafts = () =>
    databaseOf(centre.server)
      .selectFrom('article_drafts')
      .innerJoin('people', 'people.id', 'article_drafts.person_id')
      .select(['people.login', 'article_drafts.draft'])
      .orderBy('people.login')
      .execute();

  // The administrator, an editor too, starts on the article from the published text.
  const admin = await operatorSignsIn(centre, 'sverdlovsk.administrator');
  await openArticle(admin.page);
  await typeShort(admin.page, 'Вариант администратора.');

  // The editor types in one browser: the draft is on the server as typed, theirs apart from the other's.
  const first = await operatorSignsIn(centre, 'sverdlovsk.editor');
  await openArticle(first.page);
  await typeShort(first.page, 'Вариант редактора, начатый в первом браузере.');
  await expect
    .poll(async () => (await drafts()).map((d) => [d.login, (d.draft as { short: string }).short]))
    .toEqual([
      ['sverdlovsk.administrator', 'Вариант администратора.'],
      ['sverdlovsk.editor', 'Вариант редактора, начатый в первом браузере.'],
    ]);

  // In another browser the same editor finds the draft and goes on where they left off, then publishes.
  const second = await operatorSignsIn(centre, 'sverdlovsk.editor');
  await second.page.getByRole('link', { name: 'Редактор' }).click();
  await second.page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
  await second.page
    .getByRole('region', { name: 'Ваши черновики статей' })
    .getByRole('button', { name: `Продолжить черновик статьи «${ARTICLE}»` })
    .click();
  await expect
    .poll(() => second.page.getByLabel(SHORT).inputValue())
    .toBe('Вариант редактора, начатый в первом браузере.');
  await typeShort(second.page, 'Вариант редактора, законченный во втором браузере.');
  const published = await publishFromList(second.page, 'ответ редактора');
  await published.getByRole('status').filter({ hasText: 'Опубликована версия 2 базы знаний' }).waitFor();
  // Published, the editor's draft is done with; the administrator's stays theirs.
  await expect.poll(async () => (await drafts()).map((d) => d.login)).toEqual(['sverdlovsk.administrator']);

  // The administrator publishes from the same start: they see the editor's text beside theirs and decide.
  const panel = await publishFromList(admin.page, 'ответ администратора');
  const conflict = panel.locator('.centre-conflict');
  await conflict
    .getByRole('heading', { name: new RegExp(`«${ARTICLE}» опубликовал\\(а\\) .*версия 2`) })
    .waitFor();
  const diff = conflict.locator('.diff-view [data-field="short"]');
  await expect(diff.textContent()).resolves.toContain('Вариант редактора, законченный во втором браузере.');
  await expect(diff.textContent()).resolves.toContain('Вариант администратора.');
  expect(
    await databaseOf(centre.server)
      .selectFrom('kb_versions')
      .select('version')
      .where('organisation_id', '=', 'sverdlovsk-digital')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow(),
  ).toEqual({ version: 2 });
  await conflict
    .getByRole('button', { name: `Опубликовать мою правку статьи «${ARTICLE}» поверх версии 2` })
    .click();
  await panel.getByRole('status').filter({ hasText: 'Опубликована версия 3 базы знаний' }).waitFor();
  expect(await drafts()).toEqual([]);
  for (const desk of [admin, first, second]) expect(desk.errors).toEqual([]);
});
