// Knowledge bases for the editor's tests: a shipped article as the app holds it, and a cached bundle of
// given articles with its search index, as a workstation stores them.
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/kb/article';
import type { BundledArticle, KbBundle } from '../../src/kb/bundle';
import { restoreArticle } from '../../src/kb/parse';
import { renderArticleBody } from '../../src/kb/render';
import { buildIndex, exportIndex } from '../../src/kb/search';

/** The article of knowledge-base/<id>.md, as kb:check reads it. */
export function shippedArticle(id: string): Article {
  const file = `knowledge-base/${id}.md`;
  const read = restoreArticle(readFileSync(file, 'utf8'), file);
  if (!read.ok) throw new Error(`${file} does not read`);
  return read.article;
}

export const bundleOf = (version: string, articles: readonly Article[]): KbBundle => ({
  format: 1,
  version,
  builtAt: '2026-10-01T00:00:00Z',
  articles: articles.map((a) => ({ ...a, html: renderArticleBody(a.body) })),
});

export const indexOf = (articles: BundledArticle[]) => Promise.resolve(exportIndex(buildIndex(articles)));
