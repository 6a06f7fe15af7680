import { zonedToUtc } from '../flows/zonedTime';

/** "2026-11-24T15:30" typed in the organisation's own time zone, as an instant; null if malformed. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedToUtc(y, mo, d, h * 60 + mi, timeZone);
}
