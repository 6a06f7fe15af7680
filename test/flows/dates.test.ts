import { describe, expect, it } from 'vitest';
import { formatDate, formatDeadline, MONTHS_GENITIVE } from '../../src/flows/dates';

const EKB = 'Asia/Yekaterinburg';
const MSK = 'Europe/Moscow';
/** Local wall time in a zone with a fixed offset (hours), as UTC ms. */
const local = (iso: string, offset: number): number => Date.parse(`${iso}Z`) - offset * 3600_000;

describe('formatDeadline', () => {
  const now = local('2026-11-23T10:15', 5); // Monday morning in Yekaterinburg

  it('says "до 18:00 сегодня" for later the same day', () => {
    expect(formatDeadline(local('2026-11-23T18:00', 5), now, EKB)).toBe('до 18:00 сегодня');
  });

  it('says "завтра до 12:00" for the next day', () => {
    expect(formatDeadline(local('2026-11-24T12:00', 5), now, EKB)).toBe('завтра до 12:00');
  });

  it('names weekday and date further on, with the preposition the weekday needs', () => {
    expect(formatDeadline(local('2026-11-25T10:00', 5), now, EKB)).toBe('в среду, 25 ноября, до 10:00');
    expect(formatDeadline(local('2026-11-30T10:00', 5), now, EKB)).toBe('в понедельник, 30 ноября, до 10:00');
    expect(formatDeadline(local('2026-12-01T09:30', 5), now, EKB)).toBe('во вторник, 1 декабря, до 09:30');
  });

  it('adds the year only when it changes', () => {
    const dec = local('2026-12-30T16:00', 5);
    expect(formatDeadline(local('2027-01-04T10:00', 5), dec, EKB)).toBe(
      'в понедельник, 4 января 2027 года, до 10:00',
    );
  });

  it('counts days in the organisation zone: the same instant is "today" in one zone, "tomorrow" in another', () => {
    const late = Date.parse('2026-11-23T20:30Z'); // 23:30 Moscow, 01:30 next day in Yekaterinburg
    const deadline = Date.parse('2026-11-23T20:50Z');
    expect(formatDeadline(deadline, late, MSK)).toBe('до 23:50 сегодня');
    expect(formatDeadline(deadline, late, EKB)).toBe('до 01:50 сегодня');
    // From 23:30 Moscow, 09:00 Moscow next morning is tomorrow.
    expect(formatDeadline(local('2026-11-24T09:00', 3), late, MSK)).toBe('завтра до 09:00');
  });

  it('rolls over month and year ends', () => {
    expect(formatDeadline(local('2026-12-01T12:00', 3), local('2026-11-30T17:00', 3), MSK)).toBe(
      'завтра до 12:00',
    );
    expect(formatDeadline(local('2027-01-01T12:00', 3), local('2026-12-31T17:00', 3), MSK)).toBe(
      'завтра до 12:00',
    );
  });
});

describe('formatDate', () => {
  it('uses the genitive of every month', () => {
    const got = MONTHS_GENITIVE.map((_, i) =>
      formatDate(
        local(`2026-${String(i + 1).padStart(2, '0')}-15T12:00`, 3),
        local('2026-06-01T12:00', 3),
        MSK,
      ),
    );
    expect(got).toEqual([
      '15 января',
      '15 февраля',
      '15 марта',
      '15 апреля',
      '15 мая',
      '15 июня',
      '15 июля',
      '15 августа',
      '15 сентября',
      '15 октября',
      '15 ноября',
      '15 декабря',
    ]);
  });
});
