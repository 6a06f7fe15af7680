// Whether an article is due for review: reviewed + reviewEvery days has passed. Pure: the caller passes `now`.
import type { Article } from './article';

const DAY_MS = 24 * 60 * 60 * 1000;

type Reviewable = Pick<Article, 'reviewed' | 'reviewEveryDays'>;

/** The ISO date (YYYY-MM-DD) from which the article counts as due. Dates are calendar days in UTC. */
export function reviewDueDate(article: Reviewable): string {
  const reviewed = Date.parse(`${article.reviewed}T00:00:00Z`);
  return new Date(reviewed + article.reviewEveryDays * DAY_MS).toISOString().slice(0, 10);
}

export function isDueForReview(article: Reviewable, now: number): boolean {
  return Date.parse(`${reviewDueDate(article)}T00:00:00Z`) <= now;
}

export interface DueArticle<A extends Reviewable> {
  article: A;
  dueSince: string;
}

/** Articles past their review date, the longest overdue first (ties by id, so the list is stable). */
export function articlesDueForReview<A extends Reviewable & { id: string }>(
  articles: readonly A[],
  now: number,
): DueArticle<A>[] {
  return articles
    .filter((a) => isDueForReview(a, now))
    .map((article) => ({ article, dueSince: reviewDueDate(article) }))
    .sort((x, y) => x.dueSince.localeCompare(y.dueSince) || x.article.id.localeCompare(y.article.id));
}
