import { useEffect, useState } from 'react';
import { t } from '../i18n';
import type { AppDB } from '../db';
import { listArticleDrafts } from '../db/editor';
import type { Article } from '../kb/article';
import { useClock } from '../services/ClockContext';
import { blankArticle, type ArticleFields } from './articleFile';
import { articleDraftOwner, centreArticleDrafts, restoreArticleFields } from './articleDrafts';
import { publishesToCentre } from './centrePublish';

type Props = {
  db: AppDB;
  articles: readonly Article[];
  /** Opens an article to edit: the editor then takes up its draft. */
  onOpen: (article: ArticleFields) => void;
};

/**
 * The editor's drafts of articles, those typed here and, signed in, those the server keeps from their other
 * desks (a new article included, which the list of articles does not show yet).
 */
export function ArticleDraftList({ db, articles, onOpen }: Props) {
  const clock = useClock();
  const words = t.editor.articles.draft;
  const [drafts, setDrafts] = useState<ArticleFields[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const local = await listArticleDrafts(db, articleDraftOwner());
      const remote = publishesToCentre() ? ((await centreArticleDrafts()) ?? []) : [];
      const byId = new Map<string, ArticleFields>();
      for (const d of local) {
        const fields = restoreArticleFields(d.fields, d.id);
        if (fields) byId.set(d.id, fields);
      }
      for (const d of remote) {
        const fields = restoreArticleFields(d.draft, d.articleId);
        if (fields) byId.set(d.articleId, fields);
      }
      if (!cancelled) setDrafts([...byId.values()].sort((a, b) => a.id.localeCompare(b.id)));
    })();
    return () => {
      cancelled = true;
    };
  }, [db]);
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="article-drafts-title">
      <h3 id="article-drafts-title">{words.listTitle}</h3>
      <ul className="article-list">
        {drafts.map((d) => {
          const title = d.title || words.untitled(d.id);
          return (
            <li key={d.id} data-draft-id={d.id}>
              <button
                type="button"
                aria-label={words.continueOf(title)}
                onClick={() =>
                  onOpen(
                    articles.find((a) => a.id === d.id) ??
                      blankArticle(d.id, new Date(clock.now()).toISOString()),
                  )
                }
              >
                {t.editor.articles.edit}
              </button>{' '}
              {title} <code>{d.id}</code>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
