import type { CSSProperties } from 'react';

type Column = { key: string; label: string; sub?: string; value: number | null };
type Props = {
  columns: Column[];
  /** The top of the scale; the largest value when not given. */
  max?: number;
  format: (v: number) => string;
  axis: string;
  /** The standard's target, drawn as a dashed line and named in the note beside the chart. */
  target?: number;
};

/** The scale's top: the next of 1, 2, 5 × 10ⁿ at or above the largest value, so ticks read as round numbers. */
function niceTop(v: number): number {
  if (v <= 2) return 2;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/**
 * Columns over categories (hours, days). The plot is SVG stretched to its box; the labels are text laid
 * out by CSS, so they wrap and grow with the font size instead of being cut. Too many columns for the
 * width scroll rather than shrink below a readable label.
 */
export function ColumnChart({ columns, max, format, axis, target }: Props) {
  const top = max ?? niceTop(Math.max(...columns.map((c) => c.value ?? 0), target ?? 0));
  const n = columns.length;
  const y = (v: number) => 100 - (v / top) * 100;
  return (
    <div className="columns" style={{ '--n': n } as CSSProperties}>
      <div className="columns__y">
        <span>{format(top)}</span>
        <span>{format(top / 2)}</span>
        <span>{format(0)}</span>
      </div>
      <svg className="columns__plot" viewBox={`0 0 ${n * 10} 100`} preserveAspectRatio="none">
        {[0, 50, 100].map((g) => (
          <line key={g} className="columns__grid" x1={0} x2={n * 10} y1={g} y2={g} />
        ))}
        {columns.map((c, i) =>
          c.value === null ? (
            <rect key={c.key} className="columns__none" x={i * 10 + 3} width={4} y={98} height={2} />
          ) : (
            <rect
              key={c.key}
              className="columns__bar"
              x={i * 10 + 1.5}
              width={7}
              y={y(c.value)}
              height={100 - y(c.value)}
            />
          ),
        )}
        {target !== undefined && (
          <line className="columns__target" x1={0} x2={n * 10} y1={y(target)} y2={y(target)} />
        )}
      </svg>
      <ol className="columns__x">
        {columns.map((c) => (
          <li key={c.key}>
            {c.label}
            {c.sub && <span className="columns__sub">{c.sub}</span>}
          </li>
        ))}
      </ol>
      <p className="columns__axis">{axis}</p>
    </div>
  );
}
