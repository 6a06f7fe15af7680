// `npm run kb:check [folder]`: validates every article and prints "file:line: field: message" per problem.
// The build plugin imports the same loader and formatter, so the build fails with the same messages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as kb from '../i18n/ru/kb';
import type { KbIssue, KbProblem } from '../kb/parse';
import {
  restoreKnowledgeBase,
  type ArticleSource,
  type KnowledgeBaseResult,
} from '../kb/restoreKnowledgeBase';

export const KB_DIR = 'knowledge-base';

/** Every article file in the folder (relative to root); README.md documents the format and is not an article. */
export function readArticleSources(dir: string, root = '.'): ArticleSource[] {
  return readdirSync(resolve(root, dir))
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => ({
      file: `${dir.replaceAll('\\', '/').replace(/\/$/, '')}/${name}`,
      text: readFileSync(resolve(root, dir, name), 'utf8'),
    }));
}

export function loadKnowledgeBase(dir: string, root = '.'): KnowledgeBaseResult {
  return restoreKnowledgeBase(readArticleSources(dir, root));
}

export function describeProblem(problem: KbProblem): string {
  // Each catalogue entry takes exactly its own problem shape; the map is checked by `satisfies` in kb.ts.
  const format = kb.issues[problem.code] as (p: KbProblem) => string;
  return format(problem);
}

export function formatKbIssue(issue: KbIssue): string {
  const field = issue.field === null ? '' : `${issue.field}: `;
  return `${issue.file}:${issue.line}: ${field}${describeProblem(issue)}`;
}

export function runKbCheck(dir: string, out: (line: string) => void): number {
  if (!existsSync(dir)) {
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
