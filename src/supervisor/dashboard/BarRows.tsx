type Row = { key: string; label: string; value: number; shown: string };
type Props = {
  rows: Row[];
  /** The row that stands out (a pattern, bold, and words), or none. */
  emphasis?: { key: string; words: string };
};

/** Horizontal bars, one labelled row each: the label wraps on its own line rather than being cut. */
export function BarRows({ rows, emphasis }: Props) {
  const top = Math.max(0, ...rows.map((r) => r.value)) || 1;
  return (
    <ul className="bar-rows">
      {rows.map((r) => {
        const strong = emphasis?.key === r.key;
        return (
          <li key={r.key} className={strong ? 'bar-rows__row bar-rows__row--strong' : 'bar-rows__row'}>
            <span className="bar-rows__label">
              {r.label}
              {strong && <span className="bar-rows__words"> — {emphasis.words}</span>}
            </span>
            <svg className="bar-rows__bar" viewBox="0 0 100 10" preserveAspectRatio="none">
              <rect className="bar-rows__track" x={0} y={0} width={100} height={10} />
              <rect className="bar-rows__fill" x={0} y={0} width={(r.value / top) * 100} height={10} />
            </svg>
            <span className="bar-rows__value">{r.shown}</span>
          </li>
        );
      })}
    </ul>
  );
}
