// The supervision routes' query (callFilterQuerySchema in src/protocol/supervision.ts) made from the
// workspace's period and filter. Apart from the schemas, so a page may link to the CSV without them.
import type { CallFilter } from '../../analytics';
import { API } from '../account/serverProbe';

/** The most calls the supervisor's list holds at once: the rest are reached by narrowing the filter. */
export const CALLS_CAP = 5000;

export interface PeriodQuery {
  from: number;
  to: number;
  filter: CallFilter;
}

/** The filter and period as query parameters; empty choices are left out. */
export function queryOf(q: PeriodQuery & { timeZone?: string }): string {
  const params = new URLSearchParams({ from: String(q.from), to: String(q.to) });
  for (const [key, value] of Object.entries(q.filter))
    if (typeof value === 'string' && value !== '') params.set(key, value);
  if (q.timeZone) params.set('timeZone', q.timeZone);
  return params.toString();
}

/**
 * The address of the streamed export of the filtered calls, CSV for Excel or JSON for a program: a link, so
 * the browser saves it as it comes.
 */
export function exportAddress(q: PeriodQuery, format: 'csv' | 'json'): string {
  return `${API}/supervision/calls.${format}?${queryOf(q)}`;
}
