import type { SeriesPoint } from '../../analytics';
import { t } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { ColumnChart } from './ColumnChart';

type Props = { byHour: SeriesPoint[]; byDay: SeriesPoint[] };

const weekday = new Intl.DateTimeFormat('ru-RU', { weekday: 'short' });
const dayMonth = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', weekday: 'short' });
const count = (v: number) => String(Math.round(v));
const percent = (v: number) => `${Math.round(v)} %`;
const share = (s: number | null) => (s === null ? null : s * 100);

/** Calls by hour of day and by day; first-contact resolution and holds over their promise by day. */
export function TrendCharts({ byHour, byDay }: Props) {
  const text = t.supervisor.dashboard;
  const days = byDay.map((d) => ({
    key: String(d.at),
    label: String(new Date(d.at).getDate()),
    sub: weekday.format(d.at),
    long: dayMonth.format(d.at),
    f: d.figures,
  }));
  const first = days[0]?.long ?? '';
  const last = days.at(-1)?.long ?? '';
  const dayAxis = `${text.dayAxis}: ${first} — ${last}`;
  const dayRows = (cell: (f: SeriesPoint['figures']) => string[]) =>
    days.map((d) => ({ key: d.key, cells: [d.long, ...cell(d.f)] }));
  return (
    <div className="charts">
      <ChartFigure
        title={text.byHour}
        numbers={{
          head: [text.hourAxis, text.callsColumn],
          rows: byHour.map((h) => ({ key: String(h.at), cells: [text.hour(h.at), String(h.figures.calls)] })),
        }}
      >
        <ColumnChart
          axis={text.hourAxis}
          format={count}
          columns={byHour.map((h) => ({ key: String(h.at), label: String(h.at), value: h.figures.calls }))}
        />
      </ChartFigure>
      <ChartFigure
        title={text.byDay}
        numbers={{ head: [text.dayAxis, text.callsColumn], rows: dayRows((f) => [String(f.calls)]) }}
      >
        <ColumnChart axis={dayAxis} format={count} columns={days.map((d) => ({ ...d, value: d.f.calls }))} />
      </ChartFigure>
      <ChartFigure
        title={text.firstContactByDay}
        note={text.noTarget}
        numbers={{
          head: [text.dayAxis, text.shareColumn, text.callsColumn],
          rows: dayRows((f) => [
            text.pct(f.firstContact.share),
            `${f.firstContact.resolved} / ${f.firstContact.of}`,
          ]),
        }}
      >
        <ColumnChart
          axis={dayAxis}
          format={percent}
          max={100}
          columns={days.map((d) => ({ ...d, value: share(d.f.firstContact.share) }))}
        />
      </ChartFigure>
      <ChartFigure
        title={text.holdsByDay}
        note={`${text.targets.holds} (${text.targetLine}: - - -)`}
        numbers={{
          head: [text.dayAxis, text.shareColumn, text.holdsOver],
          rows: dayRows((f) => [text.pct(f.holds.share), `${f.holds.overPromise} / ${f.holds.count}`]),
        }}
      >
        <ColumnChart
          axis={dayAxis}
          format={percent}
          max={100}
          target={0}
          columns={days.map((d) => ({ ...d, value: share(d.f.holds.share) }))}
        />
      </ChartFigure>
    </div>
  );
}
