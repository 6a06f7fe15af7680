import { useId, useState, type ReactNode } from 'react';
import { t } from '../../i18n';

export type NumbersTable = { head: string[]; rows: { key: string; cells: string[] }[] };

type Props = {
  title: string;
  /** The standard's target for the figure, or why there is none: words, never a line alone. */
  note?: string;
  numbers: NumbersTable;
  /** The chart itself; hidden from assistive technology, which reads the numbers table instead. */
  children: ReactNode;
  wide?: boolean;
};

/**
 * A chart with its numbers one press away: the table replaces the chart on screen, so no number is
 * printed twice. Screen readers get the toggle and the table, not the drawing.
 */
export function ChartFigure({ title, note, numbers, children, wide }: Props) {
  const text = t.supervisor.dashboard;
  const [table, setTable] = useState(false);
  const titleId = useId();
  const toggle = table ? text.hideNumbers : text.showNumbers;
  return (
    <figure className={wide ? 'chart chart--wide' : 'chart'} aria-labelledby={titleId}>
      <figcaption className="chart__head">
        <span className="chart__title" id={titleId}>
          {title}
        </span>
        {/* The visible words begin the name; the title tells this chart's button from the others. */}
        <button
          type="button"
          className="secondary chart__toggle"
          aria-pressed={table}
          aria-label={`${toggle}: ${title}`}
          onClick={() => setTable(!table)}
        >
          {toggle}
        </button>
      </figcaption>
      {note && <p className="chart__note">{note}</p>}
      {table ? (
        <table className="chart__table">
          <thead>
            <tr>
              {numbers.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {numbers.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.cells[0]}</th>
                {r.cells.slice(1).map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="chart__body" aria-hidden="true">
          {children}
        </div>
      )}
    </figure>
  );
}
