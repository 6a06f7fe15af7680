import { CALL_RESULTS, type Figures, type StageBucket } from '../../analytics';
import { ALL_STAGES } from '../../flows/types';
import { t } from '../../i18n';
import { resultLabel } from '../callText';
import { formatDuration } from '../format';
import { BarRows } from './BarRows';
import { ChartFigure } from './ChartFigure';
import { StackedBar } from './StackedBar';

/** The flows' stages in call order, with the time on hold and in transfer before the farewell. */
const STAGE_ORDER: StageBucket[] = [
  ...ALL_STAGES.filter((s) => s !== 'farewell'),
  'hold',
  'transfer',
  'farewell',
];

type Row = { key: string; label: string; value: number; shown: string };
const table = (head: string[], rows: Row[]) => ({
  head,
  rows: rows.map((r) => ({ key: r.key, cells: [r.label, r.shown] })),
});

/** How the period's calls ended, where their time went, their transfers and callbacks. */
export function BreakdownCharts({ f }: { f: Figures }) {
  const text = t.supervisor.dashboard;
  const share = (n: number) => (f.calls === 0 ? '' : ` (${text.pct(n / f.calls)})`);
  const outcomes = CALL_RESULTS.map((k) => ({
    key: k,
    label: resultLabel(k),
    value: f.outcomes[k],
    shown: `${f.outcomes[k]}${share(f.outcomes[k])}`,
  }));
  const stages = STAGE_ORDER.filter((s) => f.avgStageMs[s] !== undefined).map((s) => ({
    key: s,
    label: t.supervisor.stages[s],
    value: f.avgStageMs[s] ?? 0,
    shown: formatDuration(f.avgStageMs[s] ?? 0),
  }));
  const longest = stages.reduce<Row | null>((a, b) => (a && a.value >= b.value ? a : b), null);
  const transfers = (['zero', 'one', 'two', 'refusedAttempts'] as const).map((k) => ({
    key: k,
    label: text.transferBuckets[k],
    value: f.transfers[k],
    shown: String(f.transfers[k]),
  }));
  const callbacks = (['keptOnTime', 'late', 'overdue', 'pending'] as const).map((k) => ({
    key: k,
    label: text.callbackBuckets[k],
    value: f.callbacks[k],
    shown: String(f.callbacks[k]),
  }));
  const cols = [text.valueColumn];
  return (
    <div className="charts">
      <ChartFigure wide title={text.outcomes} numbers={table([text.outcome, ...cols], outcomes)}>
        <StackedBar segments={outcomes} />
      </ChartFigure>
      <ChartFigure title={text.stages} numbers={table([text.stage, ...cols], stages)}>
        <BarRows
          rows={stages}
          emphasis={longest && longest.value > 0 ? { key: longest.key, words: text.longest } : undefined}
        />
      </ChartFigure>
      <ChartFigure
        title={text.transfers}
        note={text.targets.transfers}
        numbers={table([text.transfers, ...cols], transfers)}
      >
        <BarRows rows={transfers} />
      </ChartFigure>
      <ChartFigure
        title={`${text.callbacks}: ${text.callbackBuckets.promised} ${f.callbacks.promised}`}
        note={text.targets.callbacks}
        numbers={table([text.callbacks, ...cols], callbacks)}
      >
        <BarRows rows={callbacks} />
      </ChartFigure>
    </div>
  );
}
