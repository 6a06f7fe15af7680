// `npm run kb:check [folder]`: validates every article and prints "file:line: field: message" per problem.
// The build plugin imports the same loader and formatter, so the build fails with the same messages.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as kb from '../i18n/ru/kb.ts';
import { formatKbIssue } from '../i18n/ru/kbIssues.ts';
import {
  isArticleFileName,
  restoreKnowledgeBase,
  type ArticleSource,
  type KnowledgeBaseResult,
} from '../kb/restoreKnowledgeBase.ts';
import { ARTICLE_FILE_MAX_BYTES } from '../services/readTextFile.ts';
import { listFileNames, readDiskText } from './sourceFiles.ts';

export { describeProblem, formatKbIssue } from '../i18n/ru/kbIssues.ts';

export const KB_DIR = 'knowledge-base';

/** True when `dir` (relative to root) is a folder that can be listed. */
export function isArticleFolder(dir: string, root = '.'): boolean {
  return listFileNames(resolve(root, dir), () => false) !== null;
}

/**
 * Every article file in the folder (relative to root); README.md documents the format and is not an
 * article, and a folder named like an article is skipped. A file that is not UTF-8 text comes back
 * with the reason, for kb:check and the build to report.
 */
export function readArticleSources(dir: string, root = '.'): ArticleSource[] {
  const folder = dir.replaceAll('\\', '/').replace(/\/$/, '');
  return (listFileNames(resolve(root, dir), isArticleFileName) ?? []).map((name) => {
    const file = `${folder}/${name}`;
    const read = readDiskText(resolve(root, dir, name), ARTICLE_FILE_MAX_BYTES);
    return read.ok
      ? { file, text: read.text }
      : { file, unreadable: read.problem, maxBytes: ARTICLE_FILE_MAX_BYTES };
  });
}

export function loadKnowledgeBase(dir: string, root = '.'): KnowledgeBaseResult {
  return restoreKnowledgeBase(readArticleSources(dir, root));
}

export function runKbCheck(dir: string, out: (line: string) => void): number {
  if (!isArticleFolder(dir)) {
    out(kb.check.noFolder(dir));
    return 1;
  }
  const { articles, issues } = loadKnowledgeBase(dir);
  for (const issue of issues) out(formatKbIssue(issue));
  if (issues.length > 0) {
    out(kb.check.failed(issues.length, new Set(issues.map((i) => i.file)).size));
    return 1;
  }
  out(kb.check.ok(articles.length));
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  process.exitCode = runKbCheck(process.argv[2] ?? KB_DIR, (line) => process.stdout.write(`${line}\n`));
}
