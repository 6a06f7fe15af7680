// The greeting by time of day in the organisation's time zone (STANDARD §2.1, §3.1).

import { minuteOfDay, parseLocalTime, zonedParts } from './zonedTime';

export type DayPart = 'morning' | 'day' | 'evening' | 'night';

/** Local "HH:MM" at which each part of the day begins; night runs from `night` to `morning`. */
export interface GreetingBoundaries {
  morning: string;
  day: string;
  evening: string;
  night: string;
}

export const DEFAULT_GREETING_BOUNDARIES: GreetingBoundaries = {
  morning: '04:00',
  day: '12:00',
  evening: '18:00',
  night: '23:00',
};

export const GREETINGS: Record<DayPart, string> = {
  morning: 'Доброе утро',
  day: 'Добрый день',
  evening: 'Добрый вечер',
  night: 'Доброй ночи',
};

/**
 * Whether boundaries are usable: each a valid "HH:MM" below 24:00, strictly increasing
 * morning < day < evening < night. Returns the first offending key, or null.
 */
export function checkGreetingBoundaries(b: GreetingBoundaries): keyof GreetingBoundaries | null {
  const keys = ['morning', 'day', 'evening', 'night'] as const;
  let previous = -1;
  for (const key of keys) {
    const minutes = parseLocalTime(b[key]);
    if (minutes === null || minutes >= 24 * 60 || minutes <= previous) return key;
    previous = minutes;
  }
  return null;
}

export function dayPart(nowMs: number, timeZone: string, boundaries?: GreetingBoundaries): DayPart {
  // Bad settings must not break a call: fall back to the defaults rather than greet wrongly or throw.
  const b =
    boundaries && checkGreetingBoundaries(boundaries) === null ? boundaries : DEFAULT_GREETING_BOUNDARIES;
  const at = (v: string): number => parseLocalTime(v) ?? 0;
  const m = minuteOfDay(zonedParts(nowMs, timeZone));
  if (m >= at(b.morning) && m < at(b.day)) return 'morning';
  if (m >= at(b.day) && m < at(b.evening)) return 'day';
  if (m >= at(b.evening) && m < at(b.night)) return 'evening';
  return 'night';
}

/** "Доброе утро" / "Добрый день" / "Добрый вечер" / "Доброй ночи" for the local time at `nowMs`. */
export function timeOfDayGreeting(nowMs: number, timeZone: string, boundaries?: GreetingBoundaries): string {
  return GREETINGS[dayPart(nowMs, timeZone, boundaries)];
}
