// A headline figure and its change as the supervisor reads them: in the figure's own unit.
import type { Headline } from '../../analytics';
import { t } from '../../i18n';
import { formatDuration } from '../format';

const text = () => t.supervisor.dashboard;

/** The value of a headline figure, "—" when there is nothing to count it on. */
export function headlineValue(key: Headline, v: number | null): string {
  if (v === null) return '—';
  if (key === 'firstContact') return text().pct(v);
  if (key === 'avgHandleMs') return formatDuration(v);
  if (key === 'transfersPerCall') return text().perCallValue(v);
  if (key === 'satisfaction') return text().scoreValue(v);
  return String(v);
}

/** The size of a change (always positive: the arrow and the words say which way). */
export function headlineDelta(key: Headline, delta: number): string {
  const d = Math.abs(delta);
  if (key === 'firstContact') return text().points(Math.round(d * 100));
  if (key === 'avgHandleMs') return formatDuration(d);
  if (key === 'transfersPerCall') return text().perCallValue(d);
  if (key === 'satisfaction') return d.toFixed(1).replace('.', ',');
  return String(d);
}
