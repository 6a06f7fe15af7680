// "Today" and "this week" as the organisation's clock reads them, not the browser's.
import { zonedParts, zonedToUtc } from '../../flows/zonedTime';

export type Period = 'today' | 'week';

/** [from, to) of the period containing `now`; the week starts on Monday. */
export function periodRange(period: Period, now: number, timeZone: string): [number, number] {
  const p = zonedParts(now, timeZone);
  const back = period === 'today' ? 0 : p.weekday - 1;
  const length = period === 'today' ? 1 : 7;
  return [
    zonedToUtc(p.year, p.month, p.day - back, 0, timeZone),
    zonedToUtc(p.year, p.month, p.day - back + length, 0, timeZone),
  ];
}
