import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { syncKnowledgeBase } from '../../src/services/kbSync';
import { AppDB } from '../../src/db';
import { activeKbInfo } from '../../src/db/kb';
import { assembleBundle, type KbBundle } from '../../src/kb/bundle';
import { renderArticleBody } from '../../src/kb/render';
import { restoreKnowledgeBase } from '../../src/kb/restoreKnowledgeBase';
import { articleText } from './articleText';
import { inProcessEngine } from './inProcessEngine';

function makeBundle(articles: { id: string; title: string; short: string }[]): KbBundle {
  const restored = restoreKnowledgeBase(articles.map((a) => ({ file: `${a.id}.md`, text: articleText(a) })));
  expect(restored.issues).toEqual([]);
  return assembleBundle(restored.articles, {
    render: renderArticleBody,
    hash: (s) => createHash('sha256').update(s).digest('hex'),
    builtAt: '2026-11-20T09:00:00.000Z',
  });
}

const v1 = makeBundle([
  {
    id: 'reception',
    title: 'Запись на личный приём к министру',
    short: 'Записаться можно по телефону приёмной.',
  },
  { id: 'schedule', title: 'Режим работы министерства', short: 'Мы работаем с 9 до 18, обед с 13 до 14.' },
]);
const v2 = makeBundle([
  {
    id: 'reception',
    title: 'Запись на личный приём к министру',
    short: 'Записаться можно на сайте или по телефону.',
  },
  {
    id: 'parking',
    title: 'Парковка у здания министерства',
    short: 'Для посетителей есть три места у входа.',
  },
]);
const online = (bundle: unknown) => () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as unknown);
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

let n = 0;
const dbs: AppDB[] = [];
const freshDb = () => {
  const db = new AppDB(`kb-sync-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

async function topIds(
  source: { search: (q: string) => Promise<{ hits: { id: string }[] } | null> } | null,
  q: string,
) {
  return (await source?.search(q))?.hits.map((h) => h.id) ?? [];
}

describe('syncKnowledgeBase', () => {
  it('stores the first bundle, then starts offline from the cache without rebuilding the index', async () => {
    const db = freshDb();
    const first = await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    expect(first).toMatchObject({
      updated: true,
      notice: null,
      info: { version: v1.version, articleCount: 2 },
    });
    expect(await topIds(first.source, 'приём')).toEqual(['reception']);

    const engine = inProcessEngine();
    const second = await syncKnowledgeBase({ db, engine, fetchBundle: offline });
    expect(second).toMatchObject({ updated: false, notice: null, info: { version: v1.version } });
    expect(engine.builds).toBe(0);
    expect(await topIds(second.source, 'режим работы')).toEqual(['schedule']);
    expect((await second.source?.getArticle('schedule'))?.short).toBe(
      'Мы работаем с 9 до 18, обед с 13 до 14.',
    );
  });

  it('does not rebuild when the deployed version is the one already stored', async () => {
    const db = freshDb();
    await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    const engine = inProcessEngine();
    const again = await syncKnowledgeBase({ db, engine, fetchBundle: online(v1) });
    expect(again.updated).toBe(false);
    expect(engine.builds).toBe(0);
  });

  it('switches every read to a newly deployed version', async () => {
    const db = freshDb();
    await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    const next = await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v2) });
    expect(next).toMatchObject({ updated: true, info: { version: v2.version } });
    expect(await topIds(next.source, 'парковка')).toEqual(['parking']);
    expect(await next.source?.getArticle('schedule')).toBeUndefined();
    expect((await next.source?.listArticles())?.map((a) => a.id)).toEqual(['parking', 'reception']);
  });

  it('reports being offline on the very first start instead of failing', async () => {
    const result = await syncKnowledgeBase({
      db: freshDb(),
      engine: inProcessEngine(),
      fetchBundle: offline,
    });
    expect(result).toEqual({ info: null, updated: false, notice: 'offlineFirstRun', source: null });
  });

  it('keeps the stored version when the server sends something that is not a bundle', async () => {
    const db = freshDb();
    await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    const result = await syncKnowledgeBase({
      db,
      engine: inProcessEngine(),
      fetchBundle: online({ format: 99 }),
    });
    expect(result).toMatchObject({ notice: 'badBundle', info: { version: v1.version } });
    expect(await topIds(result.source, 'приём')).toEqual(['reception']);
  });

  it('keeps searching the old version when the disk is too full to store the new one', async () => {
    const db = freshDb();
    await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    db.kbIndexes.hook('creating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const result = await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v2) });
    expect(result).toMatchObject({ notice: 'storageFull', updated: false, info: { version: v1.version } });
    expect((await activeKbInfo(db))?.version).toBe(v1.version);
    // The engine built v2 before the store failed; it must be back on v1, matching what getArticle reads.
    expect(await topIds(result.source, 'парковка')).toEqual([]);
    expect(await topIds(result.source, 'режим работы')).toEqual(['schedule']);
  });

  it('rebuilds a cached index the engine no longer reads, from the stored articles', async () => {
    const db = freshDb();
    await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) });
    expect((await db.kbIndexes.get(v1.version))?.index).toBeInstanceOf(Blob);
    await db.kbIndexes.update(v1.version, { index: new Blob([new Uint8Array([1, 2, 3])]) });
    const engine = inProcessEngine();
    const result = await syncKnowledgeBase({ db, engine, fetchBundle: offline });
    expect(engine.builds).toBe(1);
    expect(await topIds(result.source, 'режим работы')).toEqual(['schedule']);
    const repaired = await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: offline });
    expect(await topIds(repaired.source, 'режим работы')).toEqual(['schedule']);
  });

  it('works from memory for the session when the browser gives no storage', async () => {
    const result = await syncKnowledgeBase({ db: null, engine: inProcessEngine(), fetchBundle: online(v1) });
    expect(result).toMatchObject({ notice: 'noStorage', info: { version: v1.version } });
    expect(await topIds(result.source, 'приём')).toEqual(['reception']);
    expect((await result.source?.getArticle('reception'))?.title).toBe('Запись на личный приём к министру');
  });
});
