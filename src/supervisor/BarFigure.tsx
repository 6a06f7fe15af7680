import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import { t } from '../i18n';

type Row = { label: string; value: number; shown?: string };
type Props = { title: string; rows: Row[] };

// Okabe–Ito blue: distinguishable with every common colour-vision deficiency, calm on a light page.
const BAR = '#0072B2';

/** A bar chart with the same numbers in a table beside it, for people and screen readers alike. */
export function BarFigure({ title, rows }: Props) {
  return (
    <figure className="bar-figure">
      <figcaption>{title}</figcaption>
      <div className="bar-figure__body">
        <BarChart width={360} height={28 * rows.length + 30} data={rows} layout="vertical" aria-hidden="true">
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={170} />
          <Bar dataKey="value" fill={BAR} isAnimationActive={false} />
        </BarChart>
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.shown ?? r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t.supervisor.dashboard.chartNote}</p>
    </figure>
  );
}
