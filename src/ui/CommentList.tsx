import { t } from '../i18n';

export interface ShownComment {
  id: string;
  author: string;
  body: string;
  at: number;
}

type Props = { comments: readonly ShownComment[]; formatAt: (ms: number) => string; headingId: string };

/** Supervisors' comments on a call, oldest first, each with who wrote it and when. */
export function CommentList({ comments, formatAt, headingId }: Props) {
  const text = t.centreSupervision.comments;
  return (
    <section aria-labelledby={headingId} data-testid="call-comments">
      <h3 id={headingId}>{text.title}</h3>
      {comments.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul>
          {comments.map((c) => (
            <li key={c.id}>
              <p>{c.body}</p>
              <p>
                <small>{text.byline(c.author, formatAt(c.at))}</small>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
