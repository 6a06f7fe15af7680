// Importing article files in the repository's format (issue 18): the editor picks files or a folder, and
// each is judged by the same checker as kb:check (restoreKnowledgeBase). What passes is compared with the
// articles the editor has, so they see what would change; a file with any finding changes nothing.
import type { Article } from './article';
import { articleHash } from './overlay';
import { idFromFileName, type KbIssue } from './parse';
import { isArticleFileName, restoreKnowledgeBase, type ArticleSource } from './restoreKnowledgeBase';

export type ImportChange = 'new' | 'changed' | 'unchanged';

export interface ImportEntry {
  file: string;
  article: Article;
  change: ImportChange;
  /** The article as the editor has it now (null: a new one). */
  before: Article | null;
}

export interface ImportPlan {
  /** Files that read as articles, by id. */
  entries: ImportEntry[];
  /** Files refused, each with every finding of the checker, in kb:check's order. */
  refused: { file: string; issues: KbIssue[] }[];
  /** Files picked with a folder that are not articles (another extension, the format's README.md). */
  skipped: string[];
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** What importing these files over `current` would do; nothing is changed here. */
export function planArticleImport(
  sources: readonly ArticleSource[],
  current: readonly Article[],
): ImportPlan {
  const skipped = sources.filter((s) => !isArticleFileName(baseName(s.file))).map((s) => s.file);
  const articleSources = sources.filter((s) => isArticleFileName(baseName(s.file)));
  const { articles, issues } = restoreKnowledgeBase(articleSources);
  const byFile = new Map<string, KbIssue[]>();
  for (const issue of issues) {
    byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
    // Two files of one article: neither is taken, as which one was meant cannot be known.
    if (issue.code === 'duplicateId') {
      const other = { ...issue, file: issue.otherFile, otherFile: issue.file, line: 1 };
      byFile.set(issue.otherFile, [...(byFile.get(issue.otherFile) ?? []), other]);
    }
  }
  const fileOf = new Map(
    articleSources.filter((s) => !byFile.has(s.file)).map((s) => [idFromFileName(s.file), s.file]),
  );
  const have = new Map(current.map((a) => [a.id, a]));
  const entries = articles.flatMap((article): ImportEntry[] => {
    const file = fileOf.get(article.id);
    if (file === undefined) return [];
    const before = have.get(article.id) ?? null;
    const change: ImportChange =
      before === null ? 'new' : articleHash(before) === articleHash(article) ? 'unchanged' : 'changed';
    return [{ file, article, change, before }];
  });
  const refused = [...byFile].map(([file, found]) => ({ file, issues: found }));
  refused.sort((a, b) => a.file.localeCompare(b.file));
  return { entries, refused, skipped };
}
