// The parties of a call: the organisation (with its transfer directory and hours) and the operator.
// Pure data types shared by flows, calls, settings and the sample organisations.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local time of day in the organisation's time zone, "HH:MM". */
export type LocalTime = string;

export interface DaySchedule {
  start: LocalTime;
  end: LocalTime;
  /** Lunch break, when the line is not answered. */
  breakStart?: LocalTime;
  breakEnd?: LocalTime;
}

/** Working hours per ISO weekday; a missing day is a day off. */
export type WeekSchedule = Partial<Record<IsoWeekday, DaySchedule>>;

export interface Colleague {
  id: string;
  /** Surname, first name, patronymic. */
  fullName: string;
  position: string;
  phone: string;
  /** Topics (knowledge-base topic ids) this person handles. */
  topics: string[];
  /** Their account on the centre's server when they use Sufler: a transfer to them hands the call over. */
  personId?: string;
}

export interface Department {
  id: string;
  name: string;
  phone: string;
  /** Topics (knowledge-base topic ids) this department handles: the transfer directory is searched by them. */
  topics: string[];
  colleagues: Colleague[];
}

export interface Organisation {
  /** Stable id, e.g. "sverdlovsk-digital". */
  id: string;
  fullName: string;
  shortName: string;
  /** IANA time zone, e.g. "Asia/Yekaterinburg". */
  timeZone: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  workingHours: WeekSchedule;
  departments: Department[];
}

export interface OperatorProfile {
  surname: string;
  firstName: string;
  patronymic: string;
  position: string;
  department: string;
}

export function operatorFullName(p: OperatorProfile): string {
  return [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');
}

// Stored settings come back from IndexedDB (or an import) as unknown: restore fills defaults and drops
// what does not fit, so a damaged row never crashes the app.

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function restoreOperator(raw: unknown): OperatorProfile | null {
  const r = record(raw);
  const p: OperatorProfile = {
    surname: str(r.surname),
    firstName: str(r.firstName),
    patronymic: str(r.patronymic),
    position: str(r.position),
    department: str(r.department),
  };
  return p.surname && p.firstName ? p : null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function restoreDay(raw: unknown): DaySchedule | undefined {
  const r = record(raw);
  const start = str(r.start);
  const end = str(r.end);
  if (!TIME.test(start) || !TIME.test(end) || start >= end) return undefined;
  const day: DaySchedule = { start, end };
  const bs = str(r.breakStart);
  const be = str(r.breakEnd);
  if (TIME.test(bs) && TIME.test(be) && bs < be) Object.assign(day, { breakStart: bs, breakEnd: be });
  return day;
}

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function restoreDepartment(raw: unknown, index: number): Department {
  const r = record(raw);
  const colleagues = Array.isArray(r.colleagues) ? r.colleagues : [];
  return {
    id: str(r.id) || `dep-${index + 1}`,
    name: str(r.name),
    phone: str(r.phone),
    topics: strList(r.topics),
    colleagues: colleagues.map((c, i) => {
      const cr = record(c);
      const personId = str(cr.personId);
      return {
        id: str(cr.id) || `dep-${index + 1}-${i + 1}`,
        fullName: str(cr.fullName),
        position: str(cr.position),
        phone: str(cr.phone),
        topics: strList(cr.topics),
        ...(personId ? { personId } : {}),
      };
    }),
  };
}

export function restoreOrganisation(raw: unknown): Organisation | null {
  const r = record(raw);
  const hours = record(r.workingHours);
  const workingHours: WeekSchedule = {};
  for (const d of WEEKDAYS) {
    const day = restoreDay(hours[String(d)]);
    if (day) workingHours[d] = day;
  }
  const org: Organisation = {
    id: str(r.id),
    fullName: str(r.fullName),
    shortName: str(r.shortName),
    timeZone: isTimeZone(str(r.timeZone)) ? str(r.timeZone) : 'Europe/Moscow',
    phone: str(r.phone),
    email: str(r.email),
    website: str(r.website),
    address: str(r.address),
    workingHours,
    departments: Array.isArray(r.departments) ? r.departments.map(restoreDepartment) : [],
  };
  return org.id && org.fullName ? org : null;
}

export function isTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
