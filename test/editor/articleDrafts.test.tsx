// Article drafts per editor (issue 18): an article being typed is kept as a draft on this workstation
// (a reload loses nothing, another person of the browser does not see it) and, signed in to a centre, on
// the server, where another workstation of the same editor takes it up; typed offline, it goes up when
// the server is back; saved, it keeps the text it began from, so publishing compares with that one.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../src/db';
import { listArticleEditBases } from '../../src/db/editor';
import { storeBundle } from '../../src/db/kb';
import { ArticlesPanel } from '../../src/editor/ArticlesPanel';
import type { Article } from '../../src/kb/article';
import { articleHash } from '../../src/kb/overlay';
import { KNOWN_KEY } from '../../src/services/account/serverProbe';
import { bundleOf, indexOf, shippedArticle } from '../helpers/kbFixtures';

const SHIPPED = shippedArticle('gen-appeal-anonymous');
const TITLE = SHIPPED.title;
const SHORT = 'Короткий ответ (читается вслух)';

const dbs: AppDB[] = [];
/** A workstation whose knowledge base holds the article as given. */
async function workstation(article: Article = SHIPPED, version = 'v1'): Promise<AppDB> {
  const db = new AppDB(`article-drafts-${Math.random()}`);
  dbs.push(db);
  const b = bundleOf(version, [article]);
  await storeBundle(db, b, await indexOf(b.articles));
  return db;
}

/** The centre as the editor's drafts see it: one editor's drafts by article, reachable or not. */
const centre = {
  drafts: new Map<string, { draft: unknown; base: string | null; savedAt: string }>(),
  reachable: true,
  puts: [] as { id: string; base: string | null; short: unknown }[],
};
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

function fakeCentre(url: string, init?: RequestInit): Response {
  const method = init?.method ?? 'GET';
  // Whoever this browser remembers is who the server says is signed in.
  if (url.endsWith('/session'))
    return json(200, { csrfToken: 't', ...(JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '{}') as object) });
  if (url.endsWith('/kb/publications')) return json(200, { version: 1, articles: [] });
  if (url.endsWith('/kb/drafts'))
    return json(200, {
      drafts: [...centre.drafts].map(([articleId, d]) => ({ articleId, ...d })),
    });
  const id = /\/kb\/drafts\/([a-z0-9-]+)$/.exec(url)?.[1];
  if (!id) return json(404, { code: 'not_found', message: 'Нет.' });
  if (method === 'PUT') {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
      draft: { short?: unknown };
      base: string | null;
    };
    centre.drafts.set(id, { ...body, savedAt: new Date().toISOString() });
    centre.puts.push({ id, base: body.base, short: body.draft.short });
    return json(204, null);
  }
  if (method === 'DELETE') {
    centre.drafts.delete(id);
    return json(204, null);
  }
  const found = centre.drafts.get(id);
  return found
    ? json(200, { articleId: id, ...found })
    : json(404, { code: 'article_draft_not_found', message: 'Черновика этой статьи у вас нет.' });
}

const signedInAs = (personId: string) =>
  localStorage.setItem(
    KNOWN_KEY,
    JSON.stringify({ person: { id: personId, roles: ['editor'] }, organisation: { id: 'org' } }),
  );

beforeEach(() => {
  centre.drafts.clear();
  centre.puts.length = 0;
  centre.reachable = true;
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
    centre.reachable
      ? Promise.resolve(fakeCentre(url, init))
      : Promise.reject(new TypeError('Failed to fetch')),
  );
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  for (const db of dbs.splice(0)) await db.delete();
});

async function openArticle(db: AppDB): Promise<void> {
  render(<ArticlesPanel db={db} />);
  fireEvent.click(await screen.findByRole('button', { name: `Изменить статью «${TITLE}»` }));
  await screen.findByLabelText(SHORT);
}
async function type(words: string): Promise<void> {
  fireEvent.change(screen.getByLabelText(SHORT), { target: { value: words } });
  await screen.findByText('Черновик сохранён');
}
const shortShown = () => screen.getByLabelText<HTMLTextAreaElement>(SHORT).value;

describe('an article being edited, on a single workstation', () => {
  it('is kept as typed over a reload, for the person who typed it only, until discarded', async () => {
    const db = await workstation();
    await openArticle(db);
    await type('Черновик, набранный до перезагрузки.');
    cleanup();

    await openArticle(db);
    expect(shortShown()).toBe('Черновик, набранный до перезагрузки.');
    cleanup();

    // Another editor signs in on this browser: the article is as published for them.
    signedInAs('00000000-0000-4000-8000-00000000000b');
    await openArticle(db);
    expect(shortShown()).toBe(SHIPPED.short);
    expect(screen.getByTestId('article-save-state').textContent).toBe('Изменений нет');
    cleanup();

    localStorage.clear();
    await openArticle(db);
    fireEvent.click(screen.getByRole('button', { name: 'Отменить черновик статьи' }));
    await expect.poll(shortShown).toBe(SHIPPED.short);
    cleanup();
    await openArticle(db);
    expect(shortShown()).toBe(SHIPPED.short);
  });
});

describe('an article being edited, signed in to a centre', () => {
  const EDITOR = '00000000-0000-4000-8000-00000000000a';
  beforeEach(() => signedInAs(EDITOR));

  it('goes to the server as typed and reopens on another workstation of the same editor', async () => {
    const first = await workstation();
    await openArticle(first);
    await type('Набрано на первом рабочем месте.');
    await expect
      .poll(() => centre.puts.at(-1))
      .toEqual({
        id: SHIPPED.id,
        base: articleHash(SHIPPED),
        short: 'Набрано на первом рабочем месте.',
      });
    cleanup();

    // The editor's other workstation lists the draft and opens it where they left off.
    const second = await workstation();
    render(<ArticlesPanel db={second} />);
    const drafts = await screen.findByRole('region', { name: 'Ваши черновики статей' });
    fireEvent.click(within(drafts).getByRole('button', { name: `Продолжить черновик статьи «${TITLE}»` }));
    await screen.findByLabelText(SHORT);
    expect(shortShown()).toBe('Набрано на первом рабочем месте.');

    // Offline, typing goes on here; the server gets it when the article is opened with it back.
    centre.reachable = false;
    await type('Дописано без связи.');
    expect(centre.drafts.get(SHIPPED.id)?.draft).toMatchObject({ short: 'Набрано на первом рабочем месте.' });
    cleanup();
    centre.reachable = true;
    await openArticle(second);
    expect(shortShown()).toBe('Дописано без связи.');
    await expect.poll(() => centre.puts.at(-1)?.short).toBe('Дописано без связи.');
  });

  it('saved on a workstation that has a newer text, keeps the text it began from for the publication', async () => {
    const first = await workstation();
    await openArticle(first);
    await type('Моя правка со старой редакции.');
    cleanup();

    // Meanwhile another editor published the article: the second workstation holds their text.
    const newer = { ...SHIPPED, short: 'Текст другого редактора.' };
    const second = await workstation(newer, 'v2');
    await openArticle(second);
    expect(shortShown()).toBe('Моя правка со старой редакции.');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await screen.findByText('Сохранено. Операторы найдут статью поиском.');
    // Publishing sends the old text's digest: the centre answers with the newer text to compare with.
    expect(await listArticleEditBases(second)).toEqual([
      {
        article: expect.objectContaining({ short: 'Моя правка со старой редакции.' }),
        base: articleHash(SHIPPED),
      },
    ]);
    // Until published, the draft stays on the server for the editor's other workstations.
    expect(centre.drafts.has(SHIPPED.id)).toBe(true);
  });
});
