import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../src/db/db';
import {
  activeKbInfo,
  getArticle,
  loadActiveBundle,
  loadActiveIndex,
  storeBundle,
} from '../../src/db/kbRepository';
import type { BundledArticle, KbBundle } from '../../src/kb/bundle';

function article(id: string, short: string): BundledArticle {
  return {
    id,
    title: `Статья ${id}`,
    questions: ['Как подать обращение?', 'Куда написать жалобу'],
    short,
    directions: ['appeals'],
    needs: ['information'],
    topics: ['appeals'],
    organisations: [],
    source: 'п. 3.4.4',
    reviewed: '2026-09-01',
    reviewEveryDays: 180,
    owner: 'Отдел обращений',
    body: short,
    html: `<p>${short}</p>\n`,
  };
}

function bundle(version: string, articles: BundledArticle[]): KbBundle {
  return { format: 1, version, builtAt: '2026-11-03T08:00:00.000Z', articles };
}

const index = (tag: string) => ({ format: 'test', tag, postings: new Uint32Array([1, 2, 3]) });

let n = 0;
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`kb-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const v1 = bundle('aaaaaaaaaaaa', [
  article('contacts', 'Телефон: 8 800.'),
  article('schedule', 'С 9 до 18.'),
]);
const v2 = bundle('bbbbbbbbbbbb', [
  article('contacts', 'Новый телефон: 8 801.'),
  article('reception', 'По записи.'),
]);

describe('kbRepository', () => {
  it('has nothing to offer before the first bundle is stored', async () => {
    const db = freshDb();
    expect(await activeKbInfo(db)).toBeNull();
    expect(await loadActiveBundle(db)).toBeNull();
    expect(await loadActiveIndex(db)).toBeNull();
    expect(await getArticle(db, 'contacts')).toBeUndefined();
  });

  it('serves the stored bundle, its articles and its index', async () => {
    const db = freshDb();
    await storeBundle(db, v1, index('v1'));
    expect(await activeKbInfo(db)).toEqual({ version: v1.version, builtAt: v1.builtAt, articleCount: 2 });
    expect(await getArticle(db, 'schedule')).toEqual(v1.articles[1]);
    const active = await loadActiveBundle(db);
    expect(active?.articles.map((a) => a.id).sort()).toEqual(['contacts', 'schedule']);
    expect(await loadActiveIndex(db)).toEqual({ version: v1.version, index: index('v1') });
  });

  it('switches to a new version and prunes the old one', async () => {
    const db = freshDb();
    await storeBundle(db, v1, index('v1'));
    await storeBundle(db, v2, index('v2'));
    expect((await activeKbInfo(db))?.version).toBe(v2.version);
    expect((await getArticle(db, 'contacts'))?.short).toBe('Новый телефон: 8 801.');
    expect(await getArticle(db, 'schedule')).toBeUndefined();
    expect(await db.kbBundles.toCollection().primaryKeys()).toEqual([v2.version]);
    expect(await db.kbArticles.where('version').equals(v1.version).count()).toBe(0);
    expect(await db.kbIndexes.count()).toBe(1);
  });

  it('keeps the old version active and whole when storing the new one fails midway', async () => {
    const db = freshDb();
    await storeBundle(db, v1, index('v1'));
    // The articles of v2 are already written when the index write fails, as a full disk would fail it.
    db.kbIndexes.hook('creating', () => {
      throw new Error('QuotaExceededError (simulated)');
    });
    await expect(storeBundle(db, v2, index('v2'))).rejects.toThrow('QuotaExceededError (simulated)');

    expect((await activeKbInfo(db))?.version).toBe(v1.version);
    expect((await getArticle(db, 'contacts'))?.short).toBe('Телефон: 8 800.');
    expect((await getArticle(db, 'schedule'))?.short).toBe('С 9 до 18.');
    expect(await getArticle(db, 'reception')).toBeUndefined();
    expect(await db.kbArticles.where('version').equals(v2.version).count()).toBe(0);
    expect(await loadActiveIndex(db)).toEqual({ version: v1.version, index: index('v1') });
  });

  it('stores the same version twice without losing anything', async () => {
    const db = freshDb();
    await storeBundle(db, v1, index('v1'));
    await storeBundle(db, v1, index('v1'));
    expect((await loadActiveBundle(db))?.articles).toHaveLength(2);
  });
});
