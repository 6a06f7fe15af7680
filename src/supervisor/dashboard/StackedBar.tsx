import { useId } from 'react';

type Segment = { key: string; label: string; value: number; shown: string };
type Props = { segments: Segment[] };

/** Each category has its own colour and its own hatching, so no two are told apart by colour alone. */
const PATTERNS = ['none', 'diagonal', 'dots', 'vertical', 'cross', 'horizontal', 'back', 'grid'] as const;

function Hatch({ id, kind, index }: { id: string; kind: (typeof PATTERNS)[number]; index: number }) {
  // The theme's eight chart colours (dashboard.css), set through the style object: CSP allows it.
  const fill = { fill: `var(--chart-c${index % PATTERNS.length})` };
  return (
    <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse">
      <rect style={fill} width={8} height={8} />
      {kind === 'diagonal' && <path className="stack__ink" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />}
      {kind === 'back' && <path className="stack__ink" d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" />}
      {kind === 'dots' && <circle className="stack__dot" cx={4} cy={4} r={1.6} />}
      {kind === 'vertical' && <path className="stack__ink" d="M4,0 v8" />}
      {kind === 'horizontal' && <path className="stack__ink" d="M0,4 h8" />}
      {kind === 'cross' && <path className="stack__ink" d="M0,0 l8,8 M8,0 l-8,8" />}
      {kind === 'grid' && <path className="stack__ink" d="M4,0 v8 M0,4 h8" />}
    </pattern>
  );
}

/** One bar of the whole, every category named in the legend beside its swatch, the empty ones too. */
export function StackedBar({ segments }: Props) {
  const base = useId();
  const total = segments.reduce((s, x) => s + x.value, 0);
  const pid = (i: number) => `${base}-p${i}`;
  let x = 0;
  return (
    <div className="stack">
      <svg className="stack__bar" viewBox="0 0 1000 40" preserveAspectRatio="none">
        <defs>
          {segments.map((s, i) => (
            <Hatch key={s.key} id={pid(i)} kind={PATTERNS[i % PATTERNS.length] ?? 'none'} index={i} />
          ))}
        </defs>
        <rect className="stack__empty" width={1000} height={40} />
        {total > 0 &&
          segments.map((s, i) => {
            const w = (s.value / total) * 1000;
            const at = x;
            x += w;
            return (
              w > 0 && (
                <rect
                  key={s.key}
                  className="stack__part"
                  x={at}
                  width={w}
                  height={40}
                  fill={`url(#${pid(i)})`}
                />
              )
            );
          })}
      </svg>
      <ul className="stack__legend">
        {segments.map((s, i) => (
          <li key={s.key}>
            <svg className="stack__swatch" viewBox="0 0 16 16" aria-hidden="true">
              <rect width={16} height={16} fill={`url(#${pid(i)})`} className="stack__part" />
            </svg>
            <span>
              <span>{s.label}</span>: <strong>{s.shown}</strong>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
