// The articles the build brings (knowledge-base/), read as files: a new organisation is given them as
// its first knowledge-base version; after that its published versions rule.
import { resolve } from 'node:path';
import { readArticleSources } from '../../cli/kbCheck';
import type { KbArticleFile } from '../../protocol';

/** The readable article files of a folder (kb:check reports the others; the build refuses them). */
export function loadBundledArticles(dir: string): KbArticleFile[] {
  const root = resolve(dir, '..');
  const folder = resolve(dir).slice(root.length + 1);
  return readArticleSources(folder, root).flatMap((s) =>
    'text' in s ? [{ file: s.file, text: s.text }] : [],
  );
}
