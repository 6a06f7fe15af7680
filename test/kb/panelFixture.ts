// A small knowledge base for the component tests: real restore, render and search engine, held in memory.
import { createHash } from 'node:crypto';
import { assembleBundle, type BundledArticle } from '../../src/kb/bundle';
import { renderArticleBody } from '../../src/kb/render';
import { restoreKnowledgeBase } from '../../src/kb/restoreKnowledgeBase';
import type { KnowledgeSource } from '../../src/services/kbSync';
import { articleText, type ArticleParts } from './articleText';
import { inProcessEngine } from './inProcessEngine';

export const PANEL_ARTICLES: ArticleParts[] = [
  {
    id: 'reception',
    title: 'Запись на личный приём к министру',
    short: 'Записаться на приём можно по телефону приёмной или на сайте министерства.',
    topics: ['reception'],
    directions: ['appeals'],
    reviewed: '2026-10-01',
    reviewEvery: 180,
    body: 'Возьмите с собой **паспорт**.\n\n[Сайт](https://example.ru/priem)',
  },
  {
    id: 'hostile',
    title: 'Статья с опасной разметкой для проверки',
    short: 'Короткий ответ проверочной статьи.',
    topics: ['internal-it'],
    directions: ['internal'],
    body: '<script>window.__pwned = true</script>\n\n<img src=x onerror="window.__pwned = true">\n\n[нажми](javascript:window.__pwned=true)',
  },
  {
    id: 'reception-hours',
    title: 'Часы личного приёма граждан',
    short: 'Приём граждан идёт по вторникам с 10 до 13.',
    topics: ['schedule'],
    directions: ['information'],
    reviewed: '2025-01-15',
    reviewEvery: 90,
  },
];

export async function panelSource(): Promise<{
  source: KnowledgeSource;
  articles: BundledArticle[];
  version: string;
}> {
  const { articles, issues } = restoreKnowledgeBase(
    PANEL_ARTICLES.map((p) => ({ file: `${p.id}.md`, text: articleText(p) })),
  );
  if (issues.length > 0) throw new Error(`fixture articles invalid: ${JSON.stringify(issues)}`);
  const bundle = assembleBundle(articles, {
    render: renderArticleBody,
    hash: (s) => createHash('sha256').update(s).digest('hex'),
    builtAt: '2026-11-20T09:00:00.000Z',
  });
  const engine = inProcessEngine();
  await engine.build(bundle.articles);
  const byId = new Map(bundle.articles.map((a) => [a.id, a]));
  return {
    version: bundle.version,
    articles: bundle.articles,
    source: {
      search: (q, o) => engine.search(q, o),
      getArticle: (id) => Promise.resolve(byId.get(id)),
      info: { version: bundle.version, builtAt: bundle.builtAt, articleCount: bundle.articles.length },
    },
  };
}
