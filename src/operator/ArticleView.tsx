import { useId, useState } from 'react';
import { t } from '../i18n';
import type { BundledArticle } from '../kb/bundle';
import { isDueForReview, reviewDueDate } from '../kb/freshness';

type Props = {
  article: BundledArticle;
  /** Milliseconds since the epoch, for the review mark. */
  now: number;
  onUse?: (articleId: string) => void;
};

/** One article as the operator reads it mid-call: what to say first, then the details and where they come from. */
export function ArticleView({ article, now, onUse }: Props) {
  const titleId = useId();
  const [used, setUsed] = useState(false);
  const due = isDueForReview(article, now);
  const text = t.kb.article;
  return (
    <article className="kb-article" aria-labelledby={titleId}>
      <h2 id={titleId}>{article.title}</h2>
      {due && (
        <p className="kb-due" role="note">
          <strong>{text.dueForReview}.</strong> {text.dueForReviewHint(reviewDueDate(article))}
        </p>
      )}
      <section className="kb-short" aria-label={text.sayThis}>
        <h3>{text.sayThis}</h3>
        <p>{article.short}</p>
      </section>
      {onUse && (
        <button
          type="button"
          className="kb-use"
          aria-pressed={used}
          onClick={() => {
            if (used) return;
            setUsed(true);
            onUse(article.id);
          }}
        >
          {used ? text.markedUsed : text.markUsed}
        </button>
      )}
      <section className="kb-full" aria-label={text.fullAnswer}>
        <h3>{text.fullAnswer}</h3>
        {/* Compiled at build time by src/kb/render.ts with raw HTML escaped and unsafe links dropped. */}
        <div className="kb-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      </section>
      <dl className="kb-meta">
        <dt>{text.source}</dt>
        <dd>{article.source}</dd>
        <dd>{text.reviewed(article.reviewed)}</dd>
        <dd>{text.owner(article.owner)}</dd>
      </dl>
    </article>
  );
}
