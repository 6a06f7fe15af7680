// When the organisation's working day ends, and the callback deadlines an operator can promise without
// breaking its working hours. Only the callback panel, the callbacks queue and the simulator ask, so it is
// apart from workingHours.ts, which the engine's rules need from the first call on.
import type { Organisation, WeekSchedule } from './organisation';
import { zonedParts, zonedToUtc } from '../flows/zonedTime';
import { dayIntervals, scheduleFor } from './workingHours';

/** How far ahead to look for the next working moment: two weeks covers any holiday-free schedule. */
const SEARCH_DAYS = 14;
const MINUTE = 60_000;

/** Local date of `ms` shifted by `offset` days, as instants of that day's working intervals. */
function intervalsOnDay(ms: number, offset: number, schedule: WeekSchedule, tz: string): [number, number][] {
  const p = zonedParts(ms, tz);
  const weekday = ((p.weekday - 1 + offset) % 7) + 1;
  return dayIntervals(scheduleFor(schedule, weekday)).map(([a, b]) => [
    zonedToUtc(p.year, p.month, p.day + offset, a, tz),
    zonedToUtc(p.year, p.month, p.day + offset, b, tz),
  ]);
}

/** The end of the working day on the local date of `ms`, or null on a day off. */
export function endOfWorkingDay(ms: number, schedule: WeekSchedule, tz: string): number | null {
  const intervals = intervalsOnDay(ms, 0, schedule, tz);
  const last = intervals[intervals.length - 1];
  return last ? last[1] : null;
}

/** `ms` itself if within working hours, else the next moment the line is staffed; null if never. */
export function nextWorkingMoment(ms: number, schedule: WeekSchedule, tz: string): number | null {
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    for (const [a, b] of intervalsOnDay(ms, offset, schedule, tz)) {
      if (ms < b) return Math.max(a, ms);
    }
  }
  return null;
}

/**
 * The moment after `minutes` of working time from `ms`: nights, days off and the lunch break do not
 * count. "Within an hour" at 17:30 with the day ending at 18:00 means 09:30 on the next working day.
 */
export function addWorkingMinutes(
  ms: number,
  minutes: number,
  schedule: WeekSchedule,
  tz: string,
): number | null {
  let left = minutes * MINUTE;
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    for (const [a, b] of intervalsOnDay(ms, offset, schedule, tz)) {
      if (b <= ms) continue;
      const from = Math.max(a, ms);
      if (from + left <= b) return from + left;
      left -= b - from;
    }
  }
  return null;
}

export type CallbackPresetId = 'inOneHour' | 'endOfDay' | 'nextDayNoon';

export interface CallbackPreset {
  id: CallbackPresetId;
  deadlineMs: number;
}

/** "Tomorrow by 12:00" is capped by the end of a short working day. */
const NOON = 12 * 60;

/**
 * Deadlines an operator can promise with one click, all inside working hours:
 * - inOneHour: one hour of working time from now;
 * - endOfDay: the end of today's working day if it is still ahead, else of the next working day;
 * - nextDayNoon: 12:00 on the next working day after today (that day's end if it ends before noon
 *   or opens only after it).
 * A preset that cannot be met (no working days at all) is left out; duplicates are dropped.
 */
export function callbackPresets(
  nowMs: number,
  org: Pick<Organisation, 'timeZone' | 'workingHours'>,
): CallbackPreset[] {
  const { timeZone: tz, workingHours: schedule } = org;
  const presets: CallbackPreset[] = [];
  const add = (id: CallbackPresetId, deadlineMs: number | null): void => {
    if (deadlineMs !== null && deadlineMs > nowMs && !presets.some((p) => p.deadlineMs === deadlineMs)) {
      presets.push({ id, deadlineMs });
    }
  };

  add('inOneHour', addWorkingMinutes(nowMs, 60, schedule, tz));

  const today = endOfWorkingDay(nowMs, schedule, tz);
  if (today !== null && today > nowMs) add('endOfDay', today);
  else {
    const next = nextWorkingMoment(nowMs, schedule, tz);
    add('endOfDay', next === null ? null : endOfWorkingDay(next, schedule, tz));
  }

  for (let offset = 1; offset <= SEARCH_DAYS; offset++) {
    const intervals = intervalsOnDay(nowMs, offset, schedule, tz);
    const first = intervals[0];
    const last = intervals[intervals.length - 1];
    if (!first || !last) continue;
    const p = zonedParts(first[0], tz);
    const noon = zonedToUtc(p.year, p.month, p.day, NOON, tz);
    // A day that starts at noon or later gets its end instead: a deadline before the line opens is no deadline.
    add('nextDayNoon', noon <= first[0] ? last[1] : Math.min(noon, last[1]));
    break;
  }
  return presets;
}
