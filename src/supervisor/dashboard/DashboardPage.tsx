import { tilesOf, type Headline, type PeriodFigures, type Ranked } from '../../analytics';
import { t } from '../../i18n';
import { RankedList } from '../RankedList';
import { BreakdownCharts } from './BreakdownCharts';
import { HeadlineTiles } from './HeadlineTiles';
import { OperatorTable } from './OperatorTable';
import { TrendCharts } from './TrendCharts';
import './dashboard.css';

type Props = {
  /** The figures as data: worked out by this workstation's worker, or sent by the server. */
  figures: PeriodFigures;
  /** Titles of the articles by id (an id stands for itself when its title is unknown). */
  articleTitle: (id: string) => string;
  /** The period in words, for the printed page. */
  periodText: string;
  onOpenBehind: (key: Headline) => void;
  onOpenOperator: (operatorName: string) => void;
};

/** The supervisor's «Показатели»: headline tiles, trends, breakdowns, top lists and operators. */
export function DashboardPage({ figures, articleTitle, periodText, onOpenBehind, onOpenOperator }: Props) {
  const text = t.supervisor.dashboard;
  const { dashboard: dash, previous } = figures;
  const titled = (rows: Ranked[]) => rows.map((r) => ({ ...r, key: articleTitle(r.key) }));
  const days = new Map(figures.operatorDays.map((o) => [o.operatorName, o.calls]));
  return (
    <div className="dashboard">
      <div className="dashboard__bar">
        <p className="dashboard__period">{periodText}</p>
        <button type="button" className="secondary dashboard__print" onClick={() => window.print()}>
          {text.print}
        </button>
      </div>
      <section aria-labelledby="dash-tiles" className="dashboard__section">
        <h2 id="dash-tiles">{text.tilesTitle}</h2>
        <HeadlineTiles tiles={tilesOf(dash.overall, previous)} figures={dash.overall} onOpen={onOpenBehind} />
      </section>
      <section aria-labelledby="dash-trends" className="dashboard__section">
        <h2 id="dash-trends">{text.trendsTitle}</h2>
        <TrendCharts byHour={figures.byHour} byDay={figures.byDay} />
      </section>
      <section aria-labelledby="dash-breakdown" className="dashboard__section">
        <h2 id="dash-breakdown">{text.breakdownTitle}</h2>
        <BreakdownCharts f={dash.overall} />
      </section>
      <div className="dashboard__ranked">
        <RankedList title={text.topTopics} rows={dash.topTopics} />
        <RankedList title={text.topNeeds} rows={dash.topNeeds} />
        <RankedList title={text.topArticles} rows={titled(dash.topArticles)} />
        <RankedList title={text.staleArticles} rows={titled(dash.staleArticles)} />
      </div>
      <OperatorTable
        operators={dash.operators.map((o) => ({ ...o, days: days.get(o.operatorName) ?? [] }))}
        onOpen={onOpenOperator}
      />
    </div>
  );
}
