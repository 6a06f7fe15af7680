export interface StageStripItem {
  key: string;
  label: string;
  status: 'done' | 'current' | 'todo';
}

type Props = {
  label: string;
  items: readonly StageStripItem[];
  statusLabels: Record<StageStripItem['status'], string>;
};

/** Where the call is: stages in order, done ones ticked, the current one marked for screen readers too. */
export function StageStrip({ label, items, statusLabels }: Props) {
  return (
    <nav className="stage-strip" aria-label={label}>
      <ol>
        {items.map((item) => (
          <li
            key={item.key}
            className={`stage stage-${item.status}`}
            aria-current={item.status === 'current' ? 'step' : undefined}
          >
            <span aria-hidden="true">{item.status === 'done' ? '✓ ' : ''}</span>
            {item.label}
            <span className="visually-hidden"> ({statusLabels[item.status]})</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
