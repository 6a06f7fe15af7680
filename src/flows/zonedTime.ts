// Wall-clock arithmetic in an IANA time zone through Intl only: the organisation's clock, not the browser's.
// Russia has no DST today, but nothing here assumes a fixed offset.

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: callers validate the zone where it is entered.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading at instant `ms` in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  const num = (v: string | undefined): number => Number(v ?? 0);
  return {
    year: num(parts.year),
    month: num(parts.month),
    day: num(parts.day),
    hour: num(parts.hour),
    minute: num(parts.minute),
    second: num(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** Offset of the zone from UTC at instant `ms`, in milliseconds (Moscow: +3 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant when the zone's clock shows the given local date and time. Day and minute may overflow
 * (day 32, minute 1440) and are normalised like Date.UTC does, which makes "next day" arithmetic simple.
 */
export function zonedToUtc(
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  const naive = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = naive - offsetAt(naive, timeZone);
  // A second pass settles instants near an offset change.
  return naive - offsetAt(first, timeZone);
}

/** Minutes since local midnight. */
export function minuteOfDay(p: ZonedParts): number {
  return p.hour * 60 + p.minute;
}

/** Whole calendar days from the local date of `fromMs` to the local date of `toMs` (tomorrow = 1). */
export function calendarDaysBetween(fromMs: number, toMs: number, timeZone: string): number {
  const a = zonedParts(fromMs, timeZone);
  const b = zonedParts(toMs, timeZone);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Parses "HH:MM" (00:00–24:00) to minutes since midnight, or null. */
export function parseLocalTime(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** "09:05" from minutes since midnight. */
export function formatLocalTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
