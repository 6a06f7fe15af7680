import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listEditorArticles, saveArticle, type SaveArticleDeps } from '../../src/db/articlesRepository';
import { AppDB } from '../../src/db/db';
import { getArticle, loadActiveIndex, storeBundle, watchActiveKbIndex } from '../../src/db/kbRepository';
import type { BundledArticle, KbBundle } from '../../src/kb/bundle';
import { renderArticleBody } from '../../src/kb/render';
import { buildIndex, exportIndex, importIndex, search } from '../../src/kb/search';

function article(id: string, title: string): BundledArticle {
  const body = `${title}. Подробности для оператора.`;
  return {
    id,
    title,
    questions: ['Как подать обращение?', 'Куда написать жалобу'],
    short: 'Коротко о главном.',
    directions: ['appeals'],
    needs: ['information'],
    topics: ['appeals'],
    organisations: [],
    source: 'п. 3.4.4',
    reviewed: '2026-09-01',
    reviewEveryDays: 180,
    owner: 'Отдел обращений',
    body,
    html: renderArticleBody(body),
  };
}

const deps: SaveArticleDeps = {
  render: renderArticleBody,
  buildIndex: (articles) => Promise.resolve(exportIndex(buildIndex(articles))),
  now: 1000,
};

let n = 0;
const open: AppDB[] = [];
async function dbWithBundle(): Promise<AppDB> {
  const db = new AppDB(`articles-test-${++n}`);
  open.push(db);
  const articles = [
    article('appeal-deadline', 'Срок ответа на обращение'),
    article('appeal-mfc', 'Обращение через МФЦ'),
  ];
  const bundle: KbBundle = { format: 1, version: 'v1', builtAt: '2026-10-01T00:00:00Z', articles };
  await storeBundle(db, bundle, exportIndex(buildIndex(articles)));
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function storedSearch(db: AppDB, query: string): Promise<string[]> {
  const stored = await loadActiveIndex(db);
  return search(importIndex(stored?.index), query).hits.map((h) => h.id);
}

describe('articles repository', () => {
  it('a saved change is found by the stored search index at once, and read back by operators', async () => {
    const db = await dbWithBundle();
    expect(await storedSearch(db, 'земельный участок')).toEqual([]);
    const edited = {
      ...article('appeal-mfc', 'Обращение через МФЦ'),
      body: 'Про земельный участок и аренду.',
    };
    const { html: _html, ...plain } = edited;
    expect(await saveArticle(db, plain, deps)).toEqual({ ok: true });
    expect(await storedSearch(db, 'земельный участок')).toEqual(['appeal-mfc']);
    expect((await getArticle(db, 'appeal-mfc'))?.html).toContain('земельный участок');
  });

  it('a new article joins the list and the index', async () => {
    const db = await dbWithBundle();
    const { html: _html, ...created } = article('pension-recalc', 'Перерасчёт пенсии');
    await saveArticle(db, created, deps);
    expect((await listEditorArticles(db)).map((a) => a.id)).toContain('pension-recalc');
    expect(await storedSearch(db, 'перерасчёт')).toEqual(['pension-recalc']);
  });

  it('refuses when there is no knowledge base to lay the change over, storing nothing', async () => {
    const db = new AppDB(`articles-test-${++n}`);
    open.push(db);
    const { html: _html, ...a } = article('x', 'Статья');
    expect(await saveArticle(db, a, deps)).toEqual({ ok: false, reason: 'noKnowledgeBase' });
    expect(await listEditorArticles(db)).toEqual([]);
  });
});

describe('watching the active index', () => {
  it('hears a saved article once, not the index it started with', async () => {
    const db = await dbWithBundle();
    const heard: unknown[] = [];
    const stop = watchActiveKbIndex(db, (index) => heard.push(index));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toHaveLength(0);
    const { html: _html, ...a } = article('appeal-mfc', 'Обращение через МФЦ и почту');
    await saveArticle(db, a, deps);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(search(importIndex(heard[0]), 'почту').hits.map((h) => h.id)).toEqual(['appeal-mfc']);
    stop();
  });
});
