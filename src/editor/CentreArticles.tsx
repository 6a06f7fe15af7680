// Publishing the editor's saved article changes to the whole centre (issue 18): which ones, a note for
// colleagues, and for each article another editor published meanwhile, the difference and two choices.
// Nothing is overwritten without the editor deciding.
import { useId, useState } from 'react';
import { t } from '../i18n';
import type { AppDB } from '../db';
import { deleteArticleDrafts, saveArticle } from '../db/editor';
import { articleHash } from '../kb/overlay';
import { renderArticleBody } from '../kb/render';
import { buildIndex, exportIndex } from '../kb/search';
import { useClock } from '../services/ClockContext';
import { ArticleConflictView } from './ArticleConflictView';
import {
  overTheirs,
  publishArticles,
  type ArticlesPublishResult,
  type ArticleToPublish,
} from './articlePublish';
import { articleDraftOwner, discardCentreArticleDraft } from './articleDrafts';
import { PublishRefusal } from './PublishRefusal';

type Props = {
  db: AppDB;
  pending: readonly ArticleToPublish[];
  /** After anything that changed the centre's or this browser's articles. */
  onChanged: () => void;
};

export function CentreArticles({ db, pending, onChanged }: Props) {
  const clock = useClock();
  const words = t.editor.articles.centre;
  const noteId = useId();
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ArticlesPublishResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Published from here: gone from the list at once, before the new knowledge base arrives to absorb them.
  const [sent, setSent] = useState<ReadonlyMap<string, string>>(new Map());
  const waiting = pending.filter((p) => sent.get(p.article.id) !== articleHash(p.article));
  const chosen = waiting.filter((p) => !skipped.has(p.article.id));

  const publish = async (items: readonly ArticleToPublish[]) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await publishArticles(items, note);
      setResult(r);
      if (r.kind === 'published') {
        const next = new Map(sent);
        for (const { article } of items) next.set(article.id, articleHash(article));
        setSent(next);
        // Published: the drafts they came from are done with (the server dropped its copies).
        await deleteArticleDrafts(
          db,
          articleDraftOwner(),
          items.map((i) => i.article.id),
        );
        setMessage(
          r.articles.length > 0
            ? words.published(r.version, r.articles.length)
            : words.nothingChanged(r.version),
        );
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };
  // Their text becomes this browser's change: the next knowledge base, which has it, absorbs it.
  const takeTheirs = async (theirs: ArticleToPublish['article']) => {
    setBusy(true);
    try {
      const saved = await saveArticle(db, theirs, {
        render: renderArticleBody,
        buildIndex: (articles) => Promise.resolve(exportIndex(buildIndex(articles))),
        now: clock.now(),
      });
      if (saved.ok) {
        await deleteArticleDrafts(db, articleDraftOwner(), [theirs.id]);
        await discardCentreArticleDraft(theirs.id);
        setResult(null);
        setMessage(words.tookTheirs);
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="centre-publish" aria-labelledby={`${noteId}-title`}>
      <h3 id={`${noteId}-title`}>{words.title}</h3>
      {waiting.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <>
          <ul className="centre-articles">
            {waiting.map(({ article, base }) => (
              <li key={article.id}>
                <label>
                  <input
                    type="checkbox"
                    aria-label={words.pick(article.title)}
                    checked={!skipped.has(article.id)}
                    onChange={(e) => {
                      const next = new Set(skipped);
                      if (e.target.checked) next.delete(article.id);
                      else next.add(article.id);
                      setSkipped(next);
                    }}
                  />{' '}
                  {article.title} <code>{article.id}</code>
                  {base === null && <em> ({words.isNew})</em>}
                </label>
              </li>
            ))}
          </ul>
          <label htmlFor={noteId}>{words.note}</label>
          <textarea
            id={noteId}
            value={note}
            rows={2}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.length === 0}
            onClick={() => void publish(chosen)}
          >
            {words.publish(chosen.length)}
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
      {result?.kind === 'refused' && (
        <PublishRefusal message={result.message} unreachable={words.unreachable} issues={result.issues} />
      )}
      {result?.kind === 'conflict' && (
        <div className="centre-conflict" role="alert">
          <p>{result.message}</p>
          {result.conflicts.map((c) => (
            <ArticleConflictView
              key={c.theirs.id}
              conflict={c}
              mine={pending.find((p) => p.article.id === c.theirs.id)?.article}
              busy={busy}
              onKeepMine={(mine) => void publish([overTheirs(mine, c)])}
              onTakeTheirs={() => void takeTheirs(c.theirs)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
