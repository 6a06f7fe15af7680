// The articles the build brings (knowledge-base/), read as files: a new organisation is given them as
// its first knowledge-base version; after that its published versions rule.
import { resolve } from 'node:path';
import { readArticleSources } from '../../cli/kbCheck';
import { restoreArticle } from '../../kb/parse';
import type { KbArticleFile } from '../../protocol';

/** The readable article files of a folder (kb:check reports the others; the build refuses them). */
export function loadBundledArticles(dir: string): KbArticleFile[] {
  const root = resolve(dir, '..');
  const folder = resolve(dir).slice(root.length + 1);
  return readArticleSources(folder, root).flatMap((s) =>
    'text' in s ? [{ file: s.file, text: s.text }] : [],
  );
}

/**
 * The files one organisation is given: the articles for every ministry (no organisation named) and its
 * own. Another ministry's articles (its addresses, its people) never reach it.
 */
export function articlesFor(files: readonly KbArticleFile[], organisationId: string): KbArticleFile[] {
  return files.filter((f) => {
    const read = restoreArticle(f.text, f.file);
    if (!read.ok) return false;
    const named = read.article.organisations;
    return named.length === 0 || named.includes(organisationId);
  });
}
