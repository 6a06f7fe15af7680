import { t } from '../../i18n';

/** A small line of values by day; its numbers are read out in words beside it. */
export function Sparkline({ values }: { values: number[] }) {
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? 100 / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(22 - (v / top) * 20).toFixed(1)}`);
  return (
    <span className="sparkline">
      <svg viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true">
        <polyline points={points.join(' ')} />
      </svg>
      <span className="visually-hidden">{t.supervisor.dashboard.trendOf(values)}</span>
    </span>
  );
}
