// Writes an article back in the knowledge-base/ format (YAML front matter + Markdown body), and checks
// an edited article by reading that text with restoreArticle: the editor and kb:check share one judge.
import { stringify } from 'yaml';
import type { TextFile } from './download';
import type { Article } from '../kb/article';
import { restoreArticle, type KbIssue } from '../kb/parse';

export function articleFileName(article: Pick<Article, 'id'>): string {
  return `${article.id}.md`;
}

/** An article as a form holds it: lists of directions and needs may hold a value being typed. */
export type ArticleFields = Omit<Article, 'directions' | 'needs'> & {
  directions: readonly string[];
  needs: readonly string[];
};

export function articleFileText(article: ArticleFields): string {
  const front = {
    id: article.id,
    title: article.title,
    questions: article.questions,
    short: article.short,
    directions: article.directions,
    needs: article.needs,
    topics: article.topics,
    organisations: article.organisations,
    source: article.source,
    reviewed: article.reviewed,
    reviewEvery: article.reviewEveryDays,
    owner: article.owner,
  };
  const yaml = stringify(front, { lineWidth: 100, flowCollectionPadding: false });
  return `---\n${yaml}---\n${article.body.trim()}\n`;
}

/** Every article as its file under knowledge-base/, as in the repository (what kb:check reads). */
export function articleFiles(articles: readonly ArticleFields[]): TextFile[] {
  return articles.map((a) => ({ name: `knowledge-base/${articleFileName(a)}`, text: articleFileText(a) }));
}

export type ArticleCheck = { ok: true; article: Article } | { ok: false; issues: KbIssue[] };

/** The article as kb:check would read it from its file; issues carry the front-matter field. */
export function checkArticle(article: ArticleFields): ArticleCheck {
  return restoreArticle(articleFileText(article), `knowledge-base/${articleFileName(article)}`);
}

/** "Mark reviewed": today's date (an ISO date from the injected clock), nothing else changes. */
export function markReviewed<A extends ArticleFields>(article: A, todayIso: string): A {
  return { ...article, reviewed: todayIso.slice(0, 10) };
}

export function blankArticle(id: string, todayIso: string): Article {
  return {
    id,
    title: '',
    questions: [],
    short: '',
    directions: [],
    needs: [],
    topics: [],
    organisations: [],
    source: '',
    reviewed: todayIso.slice(0, 10),
    reviewEveryDays: 180,
    owner: '',
    body: '',
  };
}
