// Working hours of the organisation, in its own time zone: whether the line is staffed now. When the
// working day ends and the callback deadlines an operator can promise are callbackTimes.ts.

import type { DaySchedule, IsoWeekday, WeekSchedule } from './organisation';
import { minuteOfDay, parseLocalTime, zonedParts } from '../flows/zonedTime';

/** A day's working intervals in minutes since local midnight, lunch break cut out. Empty if unusable. */
export function dayIntervals(day: DaySchedule | undefined): [number, number][] {
  if (!day) return [];
  const start = parseLocalTime(day.start);
  const end = parseLocalTime(day.end);
  if (start === null || end === null || end <= start) return [];
  const bs = day.breakStart === undefined ? null : parseLocalTime(day.breakStart);
  const be = day.breakEnd === undefined ? null : parseLocalTime(day.breakEnd);
  if (bs !== null && be !== null && start < bs && bs < be && be < end) {
    return [
      [start, bs],
      [be, end],
    ];
  }
  return [[start, end]];
}

export function scheduleFor(schedule: WeekSchedule, weekday: number): DaySchedule | undefined {
  return schedule[weekday as IsoWeekday]; // weekday comes from zonedParts: always 1–7
}

/** True when `ms` falls inside working hours (start inclusive, end and break exclusive). */
export function isWithinWorkingHours(ms: number, schedule: WeekSchedule, tz: string): boolean {
  const p = zonedParts(ms, tz);
  const m = minuteOfDay(p);
  return dayIntervals(scheduleFor(schedule, p.weekday)).some(([a, b]) => m >= a && m < b);
}
