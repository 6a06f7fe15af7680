import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import {
  articleEditNotices,
  listArticleEditBases,
  listEditorArticles,
  type ArticleEditNotice,
} from '../db/editor';
import type { Article } from '../kb/article';
import type { KbArticlePublication } from '../protocol';
import { articleFiles, blankArticle, type ArticleFields } from './articleFile';
import { downloadZip } from './download';
import { ArticleDraftList } from './ArticleDraftList';
import { ArticleEditor } from './ArticleEditor';
import { ArticleImport } from './ArticleImport';
import { articlePublications, type ArticleToPublish } from './articlePublish';
import { CentreArticles } from './CentreArticles';
import { publishesToCentre } from './centrePublish';
import { publicationText } from './publicationText';
import { ReviewDueList } from './ReviewDueList';

type Props = { db: AppDB };

/**
 * The knowledge base as the editor sees it: what is due for review, every article, a new one; signed in
 * to a centre, the saved changes to publish for everyone and who last published each article.
 */
export function ArticlesPanel({ db }: Props) {
  const clock = useClock();
  const text = t.editor.articles;
  const [articles, setArticles] = useState<Article[] | null>(null);
  const [notices, setNotices] = useState<ReadonlyMap<string, ArticleEditNotice>>(new Map());
  const [open, setOpen] = useState<ArticleFields | null>(null);
  const [newId, setNewId] = useState('');
  const [toCentre] = useState(publishesToCentre);
  const [pending, setPending] = useState<ArticleToPublish[]>([]);
  const [published, setPublished] = useState<ReadonlyMap<string, KbArticlePublication>>(new Map());
  // Changes with every refresh, so the drafts list asks again (one just published is gone).
  const [stamp, setStamp] = useState(0);
  // A refresh that outlives the panel asks the centre nothing more.
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => void (shown.current = false);
  }, []);
  const refresh = useCallback(async () => {
    setStamp((n) => n + 1);
    const [list, flags] = await Promise.all([listEditorArticles(db), articleEditNotices(db)]);
    setNotices(flags);
    setArticles(list);
    if (!toCentre || !shown.current) return;
    const [edits, publications] = await Promise.all([listArticleEditBases(db), articlePublications()]);
    setPending(edits);
    if (publications) setPublished(publications);
  }, [db, toCentre]);
  useEffect(() => void refresh(), [refresh]);
  if (!articles) return <p role="status">{t.editor.loading}</p>;
  if (open)
    return (
      <ArticleEditor
        key={open.id}
        db={db}
        initial={open}
        notice={notices.get(open.id)}
        onBack={() => setOpen(null)}
        onSaved={() => void refresh()}
      />
    );
  if (articles.length === 0) return <p>{text.none}</p>;
  return (
    <section aria-labelledby="articles-title">
      <h2 id="articles-title">{text.title}</h2>
      <ArticleDraftList key={stamp} db={db} articles={articles} onOpen={setOpen} />
      <ReviewDueList articles={articles} now={clock.now()} />
      {toCentre && <CentreArticles db={db} pending={pending} onChanged={() => void refresh()} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(newId))
            setOpen(blankArticle(newId, new Date(clock.now()).toISOString()));
        }}
      >
        <label htmlFor="new-article-id">{text.newId}</label>{' '}
        <input id="new-article-id" value={newId} onChange={(e) => setNewId(e.target.value.trim())} />{' '}
        <button type="submit">{text.new}</button>
      </form>
      <ArticleImport db={db} articles={articles} onImported={() => void refresh()} />
      <p>
        <button type="button" onClick={() => downloadZip('knowledge-base.zip', articleFiles(articles))}>
          {text.exportAll}
        </button>{' '}
        <span className="muted">{text.exportAllHint}</span>
      </p>
      <ul className="article-list">
        {articles.map((a) => {
          const flag = notices.get(a.id)?.flag;
          const publication = published.get(a.id);
          return (
            <li key={a.id} data-article-id={a.id}>
              <button type="button" aria-label={text.editOf(a.title)} onClick={() => setOpen(a)}>
                {text.edit}
              </button>{' '}
              {a.title} <code>{a.id}</code>
              {flag && <strong className="article-flag"> {text.flags[flag]}</strong>}
              {publication && (
                <span className="muted article-publication"> — {publicationText(publication)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
