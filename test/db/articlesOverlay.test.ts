import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  articleEditNotices,
  listEditorArticles,
  saveArticle,
  type SaveArticleDeps,
} from '../../src/db/articlesRepository';
import { AppDB } from '../../src/db/db';
import {
  EditsChangedError,
  getArticle,
  loadActiveIndex,
  overlayEditsOnBundle,
  storeBundle,
} from '../../src/db/kbRepository';
import type { Article } from '../../src/kb/article';
import type { BundledArticle, KbBundle } from '../../src/kb/bundle';
import { renderArticleBody } from '../../src/kb/render';
import { buildIndex, exportIndex, importIndex, search } from '../../src/kb/search';

function article(id: string, title: string, short = 'Коротко о главном.'): Article {
  return {
    id,
    title,
    questions: ['Как подать обращение?'],
    short,
    directions: ['appeals'],
    needs: ['information'],
    topics: ['appeals'],
    organisations: [],
    source: 'п. 3.4.4',
    reviewed: '2026-09-01',
    reviewEveryDays: 180,
    owner: 'Отдел обращений',
    body: `${title}. Подробности для оператора.`,
  };
}
const bundled = (a: Article): BundledArticle => ({ ...a, html: renderArticleBody(a.body) });
const bundle = (version: string, articles: Article[]): KbBundle => ({
  format: 1,
  version,
  builtAt: '2026-10-01T00:00:00Z',
  articles: articles.map(bundled),
});
const index = (articles: BundledArticle[]) => Promise.resolve(exportIndex(buildIndex(articles)));
const deps: SaveArticleDeps = { render: renderArticleBody, buildIndex: index, now: 1000 };

const deadline = article('appeal-deadline', 'Срок ответа на обращение');
const mfc = article('appeal-mfc', 'Обращение через МФЦ');
const v1 = bundle('v1', [deadline, mfc]);
const edited: Article = { ...mfc, short: 'Можно и в Верхотурье.', body: 'Приём в Верхотурье по средам.' };

let n = 0;
const open: AppDB[] = [];
async function dbWith(b: KbBundle): Promise<AppDB> {
  const db = new AppDB(`articles-overlay-${++n}`);
  open.push(db);
  await storeBundle(db, b, await index(b.articles));
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** What kbSync does when a new bundle arrives, without the worker. */
async function switchTo(db: AppDB, next: KbBundle): Promise<void> {
  const { bundle: overlaid, edits } = await overlayEditsOnBundle(db, next, renderArticleBody);
  await storeBundle(db, overlaid, await index(overlaid.articles), edits);
}

const flags = async (db: AppDB) =>
  new Map([...(await articleEditNotices(db))].map(([id, notice]) => [id, notice.flag]));

async function storedSearch(db: AppDB, query: string): Promise<string[]> {
  const stored = await loadActiveIndex(db);
  return search(importIndex(stored?.index), query).hits.map((h) => h.id);
}

describe('editors’ article changes across a new knowledge-base bundle', () => {
  it('survive a bundle that left the article alone: shown, found by search, not flagged', async () => {
    const db = await dbWith(v1);
    expect(await saveArticle(db, edited, deps)).toEqual({ ok: true });
    await switchTo(db, bundle('v2', [{ ...deadline, short: 'Тридцать дней.' }, mfc]));

    expect((await getArticle(db, 'appeal-mfc'))?.short).toBe('Можно и в Верхотурье.');
    expect((await getArticle(db, 'appeal-mfc'))?.html).toContain('Верхотурье');
    expect((await getArticle(db, 'appeal-deadline'))?.short).toBe('Тридцать дней.');
    expect(await storedSearch(db, 'Верхотурье')).toEqual(['appeal-mfc']);
    expect(await flags(db)).toEqual(new Map());
  });

  it('survive a bundle that changed the article too, flagged for the editor until saved again', async () => {
    const db = await dbWith(v1);
    await saveArticle(db, edited, deps);
    await switchTo(db, bundle('v2', [deadline, { ...mfc, short: 'Официально: только через МФЦ.' }]));

    expect((await getArticle(db, 'appeal-mfc'))?.short).toBe('Можно и в Верхотурье.');
    expect(await storedSearch(db, 'Верхотурье')).toEqual(['appeal-mfc']);
    expect(await flags(db)).toEqual(new Map([['appeal-mfc', 'officialChanged']]));
    // The editor is shown the new official text to compare with.
    expect((await articleEditNotices(db)).get('appeal-mfc')?.official?.short).toBe(
      'Официально: только через МФЦ.',
    );
    const listed = await listEditorArticles(db);
    expect(listed.find((a) => a.id === 'appeal-mfc')?.short).toBe('Можно и в Верхотурье.');

    // The editor compared and saved: the change now rests on the new official text.
    expect(await saveArticle(db, { ...edited, short: 'Через МФЦ или в Верхотурье.' }, deps)).toEqual({
      ok: true,
    });
    expect(await flags(db)).toEqual(new Map());
    // And a third bundle that keeps that official text does not flag it again.
    await switchTo(db, bundle('v3', [{ ...mfc, short: 'Официально: только через МФЦ.' }]));
    expect(await flags(db)).toEqual(new Map());
    expect((await getArticle(db, 'appeal-mfc'))?.short).toBe('Через МФЦ или в Верхотурье.');
  });

  it('an article the bundle dropped stays with its edit and is flagged as removed', async () => {
    const db = await dbWith(v1);
    await saveArticle(db, edited, deps);
    await switchTo(db, bundle('v2', [deadline]));
    expect((await listEditorArticles(db)).map((a) => a.id)).toEqual(['appeal-mfc', 'appeal-deadline']);
    expect(await flags(db)).toEqual(new Map([['appeal-mfc', 'officialRemoved']]));
  });

  it('a change the bundle ships word for word is dropped; the official article stands', async () => {
    const db = await dbWith(v1);
    await saveArticle(db, edited, deps);
    await switchTo(db, bundle('v2', [deadline, edited]));
    expect(await db.articleEdits.count()).toBe(0);
    expect((await getArticle(db, 'appeal-mfc'))?.short).toBe('Можно и в Верхотурье.');
  });

  it('a change stored by an older build (no base, no rendered body) is rendered, kept and flagged', async () => {
    const db = await dbWith(v1);
    await db.articleEdits.put({ id: 'appeal-mfc', article: edited, savedAt: 5 });
    await switchTo(db, bundle('v2', [deadline, mfc]));
    expect((await getArticle(db, 'appeal-mfc'))?.html).toContain('Верхотурье');
    expect(await flags(db)).toEqual(new Map([['appeal-mfc', 'officialChanged']]));
  });

  it('refuses to store a bundle when a change was saved while it was being prepared, keeping both', async () => {
    const db = await dbWith(v1);
    const next = bundle('v2', [deadline, mfc]);
    const { bundle: overlaid, edits } = await overlayEditsOnBundle(db, next, renderArticleBody);
    await saveArticle(db, edited, deps);
    await expect(storeBundle(db, overlaid, await index(overlaid.articles), edits)).rejects.toBeInstanceOf(
      EditsChangedError,
    );
    // The old version is still active and still has the change; overlaying again carries it over.
    expect((await getArticle(db, 'appeal-mfc'))?.short).toBe('Можно и в Верхотурье.');
    await switchTo(db, next);
    expect(await storedSearch(db, 'Верхотурье')).toEqual(['appeal-mfc']);
  });
});
