// Numbers and times as the supervisor reads them: durations as m:ss, moments in Russian date format.
const dateTime = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const formatDateTime = (ms: number): string => dateTime.format(new Date(ms));
export const formatTime = (ms: number): string => time.format(new Date(ms));

/** 125 000 ms → "2:05"; an hour or more → "1:02:05"; null → "—". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "YYYY-MM-DD" of a local day, for <input type="date">. */
export function dayInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a "YYYY-MM-DD" day, or null for an empty or broken value. */
export function dayStart(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The starts of the local days in [from, to): the dashboard's days (23- and 25-hour days included). */
export function localDayStarts(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  for (let day = new Date(d.getFullYear(), d.getMonth(), d.getDate()); day.getTime() < to;) {
    if (day.getTime() >= from || out.length === 0) out.push(Math.max(day.getTime(), from));
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  }
  return out;
}

const hours = new Map<number, number>();
/**
 * The local hour of day a moment falls in. Remembered per quarter of an hour (every time zone's offset is
 * a whole number of quarters): a dashboard asks this of 100,000 calls.
 */
export function localHour(ms: number): number {
  const quarter = Math.floor(ms / 900_000);
  let h = hours.get(quarter);
  if (h === undefined) {
    if (hours.size > 100_000) hours.clear();
    hours.set(quarter, (h = new Date(quarter * 900_000).getHours()));
  }
  return h;
}
