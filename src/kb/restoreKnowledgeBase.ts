// Restores the whole knowledge base: every article on its own, then the checks across files (unique ids).
// The CLI, the build plugin and tests share this, so the build fails for exactly what kb:check reports.
import type { Article } from './article';
import { restoreArticle, type KbIssue, type UnreadableReason } from './parse.ts';

/** An article file as read from disk: its text, or why it could not be read as text. */
export type ArticleSource = {
  /** Path shown in messages, e.g. "knowledge-base/appeal-deadlines.md". */
  file: string;
} & ({ text: string } | { unreadable: UnreadableReason; maxBytes: number });

export interface KnowledgeBaseResult {
  /** Valid articles, ordered by id so the bundle is the same whatever order the disk lists files in. */
  articles: Article[];
  /** Issues ordered by file and line. */
  issues: KbIssue[];
}

/** An article file's name: Markdown, and not the README.md that documents the format beside them. */
export const isArticleFileName = (name: string): boolean =>
  name.endsWith('.md') && name.toLowerCase() !== 'readme.md';

export function restoreKnowledgeBase(sources: readonly ArticleSource[]): KnowledgeBaseResult {
  const ordered = [...sources].sort((a, b) => a.file.localeCompare(b.file));
  const issues: KbIssue[] = [];
  const articles: Article[] = [];
  const fileById = new Map<string, string>();
  for (const source of ordered) {
    if ('unreadable' in source) {
      const { file, unreadable, maxBytes } = source;
      issues.push({ code: 'unreadableFile', reason: unreadable, maxBytes, file, line: 1, field: null });
      continue;
    }
    const result = restoreArticle(source.text, source.file);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const other = fileById.get(result.article.id);
    if (other !== undefined) {
      // id = file name makes this rare (same name in two folders), but two bundles must never share an id.
      const line = lineOfKey(source.text, 'id');
      issues.push({
        code: 'duplicateId',
        value: result.article.id,
        otherFile: other,
        file: source.file,
        line,
        field: 'id',
      });
      continue;
    }
    fileById.set(result.article.id, source.file);
    articles.push(result.article);
  }
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { articles, issues };
}

function lineOfKey(text: string, key: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}
