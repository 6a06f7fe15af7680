import { useEffect, useState } from 'react';
import { CALL_RESULTS, type CallFilter, type Dashboard, type StageBucket } from '../analytics';
import { t } from '../i18n';
import { resultLabel } from './callText';
import { ALL_STAGES } from '../flows/types';
import { BarFigure } from './BarFigure';
import { formatDuration } from './format';
import { OperatorTable } from './OperatorTable';
import { RankedList } from './RankedList';
import type { ArticleInfo } from './useArticleReviews';
import type { DashboardRequest } from './supervisedCallsClient';

type Props = {
  /** Computes the figures where the calls are held (the worker), so the page never waits on them. */
  source: (req: DashboardRequest) => Promise<Dashboard | null>;
  filter: CallFilter;
  period: { from: number; to: number };
  now: number;
  articles: ReadonlyMap<string, ArticleInfo>;
};

/** The flows' stages in call order, with the time on hold and in transfer before the farewell. */
const STAGE_ORDER: StageBucket[] = [
  ...ALL_STAGES.filter((s) => s !== 'farewell'),
  'hold',
  'transfer',
  'farewell',
];

export function DashboardView({ source, filter, period, now, articles }: Props) {
  const text = t.supervisor.dashboard;
  const [dash, setDash] = useState<Dashboard | null>(null);
  useEffect(() => {
    let live = true;
    // The figures on screen stay until the new ones arrive: no flash of an empty dashboard.
    void source({ filter, now, ...period, articles }).then((d) => {
      if (live && d) setDash(d);
    });
    return () => {
      live = false;
    };
  }, [source, filter, period, now, articles]);
  if (!dash) return <p role="status">{t.supervisor.loading}</p>;
  const titled = (rows: typeof dash.topArticles) =>
    rows.map((r) => ({ ...r, key: articles.get(r.key)?.title ?? r.key }));
  const o = dash.overall;
  const outcomes = CALL_RESULTS.map((k) => ({ label: resultLabel(k), value: o.outcomes[k] }));
  const stages = STAGE_ORDER.filter((s) => o.avgStageMs[s] !== undefined).map((s) => ({
    label: t.supervisor.stages[s],
    value: Math.round((o.avgStageMs[s] ?? 0) / 1000),
    shown: formatDuration(o.avgStageMs[s] ?? 0),
  }));
  const transferKeys = ['zero', 'one', 'two', 'refusedAttempts'] as const;
  const callbackKeys = ['keptOnTime', 'late', 'overdue', 'pending'] as const;
  return (
    <div className="dashboard">
      <dl className="dashboard__figures">
        <dt>{text.calls}</dt>
        <dd data-figure="calls">{o.calls}</dd>
        <dt>{text.avgHandle}</dt>
        <dd data-figure="avgHandle">{formatDuration(o.avgHandleMs)}</dd>
        <dt>{text.avgAfterCall}</dt>
        <dd>{formatDuration(o.avgAfterCallMs)}</dd>
        <dt>{text.firstContact}</dt>
        <dd data-figure="firstContact">{text.pct(o.firstContact.share)}</dd>
        <dt>{text.perCall}</dt>
        <dd>{o.transfers.perCall === null ? '—' : o.transfers.perCall.toFixed(2).replace('.', ',')}</dd>
        <dt>{text.holdsOver}</dt>
        <dd data-figure="holdsOver">
          {text.holdsLine(
            o.holds.overPromise,
            o.holds.count,
            o.holds.share,
            formatDuration(o.holds.overtimeMs),
          )}
        </dd>
        <dt>{text.satisfaction}</dt>
        <dd>{text.satisfactionLine(o.satisfaction.average, o.satisfaction.count)}</dd>
        <dt>{text.issues}</dt>
        <dd>{o.callsWithIssues}</dd>
      </dl>
      <BarFigure title={text.outcomes} rows={outcomes} />
      <BarFigure title={text.stages} rows={stages} />
      <BarFigure
        title={text.transfers}
        rows={transferKeys.map((k) => ({ label: text.transferBuckets[k], value: o.transfers[k] }))}
      />
      <BarFigure
        title={`${text.callbacks}: ${text.callbackBuckets.promised} ${o.callbacks.promised}`}
        rows={callbackKeys.map((k) => ({ label: text.callbackBuckets[k], value: o.callbacks[k] }))}
      />
      <RankedList title={text.topTopics} rows={dash.topTopics} />
      <RankedList title={text.topNeeds} rows={dash.topNeeds} />
      <RankedList title={text.topArticles} rows={titled(dash.topArticles)} />
      <RankedList title={text.staleArticles} rows={titled(dash.staleArticles)} />
      <OperatorTable operators={dash.operators} />
    </div>
  );
}
