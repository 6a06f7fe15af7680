import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { syncKnowledgeBase } from '../../src/services/kbSync';
import { articleEditNotices, saveArticle } from '../../src/db/editor';
import { AppDB } from '../../src/db';
import { assembleBundle, type KbBundle } from '../../src/kb/bundle';
import { renderArticleBody } from '../../src/kb/render';
import { restoreKnowledgeBase } from '../../src/kb/restoreKnowledgeBase';
import { buildIndex, exportIndex } from '../../src/kb/search';
import { articleText } from './articleText';
import { inProcessEngine } from './inProcessEngine';

function makeBundle(articles: { id: string; title: string; short: string }[], builtAt: string): KbBundle {
  const restored = restoreKnowledgeBase(articles.map((a) => ({ file: `${a.id}.md`, text: articleText(a) })));
  expect(restored.issues).toEqual([]);
  return assembleBundle(restored.articles, {
    render: renderArticleBody,
    hash: (s) => createHash('sha256').update(s).digest('hex'),
    builtAt,
  });
}

const reception = { id: 'reception', title: 'Запись на личный приём к министру' };
const schedule = { id: 'schedule', title: 'Режим работы министерства' };
const v1 = makeBundle(
  [
    { ...reception, short: 'Записаться можно по телефону приёмной.' },
    { ...schedule, short: 'Мы работаем с 9 до 18, обед с 13 до 14.' },
  ],
  '2026-11-20T09:00:00.000Z',
);
const online = (bundle: unknown) => () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as unknown);

let n = 0;
const dbs: AppDB[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

async function editReception(db: AppDB): Promise<void> {
  const current = (await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v1) }))
    .source;
  const original = await current?.getArticle('reception');
  if (!original) throw new Error('no reception article');
  const { html: _html, ...plain } = original;
  const result = await saveArticle(
    db,
    { ...plain, short: 'Записаться можно в приёмной в Верхотурье.' },
    {
      render: renderArticleBody,
      buildIndex: (articles) => Promise.resolve(exportIndex(buildIndex(articles))),
      now: 1000,
    },
  );
  expect(result).toEqual({ ok: true });
}

describe('a new knowledge-base build under the editors’ changes', () => {
  for (const [name, receptionShort, flag] of [
    ['leaves the edited article alone', 'Записаться можно по телефону приёмной.', undefined],
    ['changes the edited article too', 'Записаться можно на сайте или по телефону.', 'officialChanged'],
  ] as const) {
    it(`keeps the edit shown and searchable when the new build ${name}`, async () => {
      const db = new AppDB(`overlay-sync-${++n}`);
      dbs.push(db);
      await editReception(db);
      const v2 = makeBundle(
        [
          { ...reception, short: receptionShort },
          { ...schedule, short: 'Мы работаем с 8 до 17.' },
        ],
        '2026-11-22T09:00:00.000Z',
      );
      expect(v2.version).not.toBe(v1.version);

      const engine = inProcessEngine();
      const result = await syncKnowledgeBase({ db, engine, fetchBundle: online(v2) });
      expect(result).toMatchObject({ updated: true, notice: null, info: { version: v2.version } });
      const hits = (await result.source?.search('Верхотурье'))?.hits ?? [];
      expect(hits.map((h) => h.id)).toEqual(['reception']);
      expect((await result.source?.getArticle('reception'))?.short).toBe(
        'Записаться можно в приёмной в Верхотурье.',
      );
      // The rest of the new build is in force.
      expect((await result.source?.getArticle('schedule'))?.short).toBe('Мы работаем с 8 до 17.');
      expect((await articleEditNotices(db)).get('reception')?.flag).toBe(flag);

      // The next start reads the stored index: the edit is still found.
      const again = await syncKnowledgeBase({ db, engine: inProcessEngine(), fetchBundle: online(v2) });
      expect((await again.source?.search('Верхотурье'))?.hits.map((h) => h.id)).toEqual(['reception']);
    });
  }
});
