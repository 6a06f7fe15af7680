import { useId } from 'react';
import { t } from '../i18n';
import type { Article } from '../kb/article';
import { articlesDueForReview } from '../kb/freshness';

type Props = {
  articles: readonly Pick<Article, 'id' | 'title' | 'reviewed' | 'reviewEveryDays' | 'owner'>[];
  /** Milliseconds since the epoch. */
  now: number;
};

/** The editor's to-do list: articles past their review date, the longest overdue first. */
export function ReviewDueList({ articles, now }: Props) {
  const titleId = useId();
  const due = articlesDueForReview(articles, now);
  const text = t.kb.reviewDue;
  return (
    <section className="kb-review-due" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.title}</h2>
      {due.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ol>
          {due.map(({ article, dueSince }) => (
            <li key={article.id} data-article-id={article.id}>
              <strong>{article.title}</strong> — {text.dueSince(dueSince)},{' '}
              {text.reviewedOn(article.reviewed)}. {t.kb.article.owner(article.owner)}.{' '}
              <code>knowledge-base/{article.id}.md</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
