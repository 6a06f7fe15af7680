// Deadlines and dates as an operator says them: "до 18:00 сегодня", "завтра до 12:00",
// "в понедельник, 25 ноября, до 10:00" — always in the organisation's time zone.

import { calendarDaysBetween, formatLocalTime, minuteOfDay, zonedParts } from './zonedTime';

/** Month names in the genitive, as in "25 ноября". */
export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** "в понедельник" … "в воскресенье", indexed by ISO weekday − 1 (accusative, with the right preposition). */
export const ON_WEEKDAY = [
  'в понедельник',
  'во вторник',
  'в среду',
  'в четверг',
  'в пятницу',
  'в субботу',
  'в воскресенье',
] as const;

/** "25 ноября", with the year when it differs from the reference year: "4 января 2027 года". */
export function formatDayMonth(ms: number, timeZone: string, referenceMs?: number): string {
  const p = zonedParts(ms, timeZone);
  const month = MONTHS_GENITIVE[p.month - 1] ?? '';
  const sameYear = referenceMs === undefined || zonedParts(referenceMs, timeZone).year === p.year;
  return sameYear ? `${p.day} ${month}` : `${p.day} ${month} ${p.year} года`;
}

/** "10:00" local time. */
export function formatClock(ms: number, timeZone: string): string {
  return formatLocalTime(minuteOfDay(zonedParts(ms, timeZone)));
}

/**
 * A deadline relative to now, in the forms used on the phone:
 * - the same local day: "до 18:00 сегодня";
 * - the next day: "завтра до 12:00";
 * - later (or earlier) days: "в понедельник, 25 ноября, до 10:00" — weekday and date both, so the
 *   caller can check one against the other; the year is added only when it differs from now's.
 * "Послезавтра" is left out on purpose: it is easy to mishear, the weekday and date are not.
 */
export function formatDeadline(deadlineMs: number, nowMs: number, timeZone: string): string {
  const time = formatClock(deadlineMs, timeZone);
  const days = calendarDaysBetween(nowMs, deadlineMs, timeZone);
  if (days === 0) return `до ${time} сегодня`;
  if (days === 1) return `завтра до ${time}`;
  const weekday = ON_WEEKDAY[zonedParts(deadlineMs, timeZone).weekday - 1] ?? '';
  return `${weekday}, ${formatDayMonth(deadlineMs, timeZone, nowMs)}, до ${time}`;
}

/** A date for "будет решён к …" style lines: "25 ноября" or "4 января 2027 года". */
export function formatDate(ms: number, nowMs: number, timeZone: string): string {
  return formatDayMonth(ms, timeZone, nowMs);
}
