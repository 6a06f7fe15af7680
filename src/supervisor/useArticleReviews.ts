// Review dates and titles of the active knowledge base's articles, to tell stale articles used in calls.
import { useEffect, useState } from 'react';
import type { ArticleReview } from '../analytics';
import type { AppDB } from '../db';
import { loadActiveBundle } from '../db/kb';

export type ArticleInfo = ArticleReview & { title: string };

export function useArticleReviews(db: AppDB | null): ReadonlyMap<string, ArticleInfo> {
  const [map, setMap] = useState<ReadonlyMap<string, ArticleInfo>>(new Map());
  useEffect(() => {
    if (!db) return;
    let live = true;
    loadActiveBundle(db).then(
      (bundle) => {
        if (!live || !bundle) return;
        setMap(
          new Map(
            bundle.articles.map((a) => [
              a.id,
              { reviewed: a.reviewed, reviewEveryDays: a.reviewEveryDays, title: a.title },
            ]),
          ),
        );
      },
      // Without the knowledge base the dashboard still counts articles by id.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db]);
  return map;
}
