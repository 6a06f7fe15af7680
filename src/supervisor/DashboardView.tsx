import { useEffect, useState } from 'react';
import type { CallFilter, Headline, PeriodFigures } from '../analytics';
import { t } from '../i18n';
import { DashboardPage } from './dashboard/DashboardPage';
import type { ArticleInfo } from './useArticleReviews';
import type { DashboardRequest } from './supervisedCallsClient';

type Props = {
  /** Computes the figures where the calls are held (the worker), so the page never waits on them. */
  source: (req: DashboardRequest) => Promise<PeriodFigures | null>;
  filter: CallFilter;
  period: { from: number; to: number };
  now: number;
  articles: ReadonlyMap<string, ArticleInfo>;
  /** Opens the calls list with this filter. */
  onOpenCalls: (filter: CallFilter) => void;
};

const day = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });

export function DashboardView({ source, filter, period, now, articles, onOpenCalls }: Props) {
  const [figures, setFigures] = useState<PeriodFigures | null>(null);
  useEffect(() => {
    let live = true;
    // The figures on screen stay until the new ones arrive: no flash of an empty dashboard.
    void source({ filter, now, ...period, articles }).then((d) => {
      if (live && d) setFigures(d);
    });
    return () => {
      live = false;
    };
  }, [source, filter, period, now, articles]);
  if (!figures) return <p role="status">{t.supervisor.loading}</p>;
  return (
    <DashboardPage
      figures={figures}
      articleTitle={(id) => articles.get(id)?.title ?? id}
      periodText={t.supervisor.dashboard.printedPeriod(day.format(period.from), day.format(period.to - 1))}
      onOpenBehind={(behind: Headline) => onOpenCalls({ ...filter, behind })}
      onOpenOperator={(operator) => onOpenCalls({ ...filter, operator })}
    />
  );
}
