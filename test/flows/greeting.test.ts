import { describe, expect, it } from 'vitest';
import { checkGreetingBoundaries, timeOfDayGreeting } from '../../src/flows/greeting';

const EKB = 'Asia/Yekaterinburg'; // UTC+5
const MSK = 'Europe/Moscow'; // UTC+3
const utc = (iso: string): number => Date.parse(`${iso}Z`);

describe('timeOfDayGreeting', () => {
  it.each([
    ['2026-11-23T22:59', EKB, 'Доброй ночи'], // 03:59 local
    ['2026-11-23T23:00', EKB, 'Доброе утро'], // 04:00 local next day
    ['2026-11-24T06:59', EKB, 'Доброе утро'], // 11:59
    ['2026-11-24T07:00', EKB, 'Добрый день'], // 12:00
    ['2026-11-24T12:59', EKB, 'Добрый день'], // 17:59
    ['2026-11-24T13:00', EKB, 'Добрый вечер'], // 18:00
    ['2026-11-24T17:59', EKB, 'Добрый вечер'], // 22:59
    ['2026-11-24T18:00', EKB, 'Доброй ночи'], // 23:00
  ])('%s UTC in %s → %s', (iso, tz, expected) => {
    expect(timeOfDayGreeting(utc(iso), tz)).toBe(expected);
  });

  it('greets by the organisation zone, not by UTC: one instant, two greetings', () => {
    const instant = utc('2026-11-24T07:30'); // 10:30 in Moscow, 12:30 in Yekaterinburg
    expect(timeOfDayGreeting(instant, MSK)).toBe('Доброе утро');
    expect(timeOfDayGreeting(instant, EKB)).toBe('Добрый день');
  });

  it('honours configured boundaries', () => {
    const b = { morning: '05:00', day: '11:00', evening: '17:00', night: '22:00' };
    const at = (hhmm: string): number => utc(`2026-11-24T${hhmm}`) - 3 * 3600_000; // Moscow local
    expect(timeOfDayGreeting(at('04:30'), MSK, b)).toBe('Доброй ночи');
    expect(timeOfDayGreeting(at('10:59'), MSK, b)).toBe('Доброе утро');
    expect(timeOfDayGreeting(at('11:00'), MSK, b)).toBe('Добрый день');
    expect(timeOfDayGreeting(at('17:00'), MSK, b)).toBe('Добрый вечер');
    expect(timeOfDayGreeting(at('22:00'), MSK, b)).toBe('Доброй ночи');
  });

  it('falls back to the defaults when boundaries are unusable, instead of greeting wrongly', () => {
    const broken = { morning: '12:00', day: '04:00', evening: '18:00', night: '23:00' };
    expect(checkGreetingBoundaries(broken)).toBe('day');
    expect(timeOfDayGreeting(utc('2026-11-24T06:00'), MSK, broken)).toBe('Доброе утро'); // 09:00
  });

  it('rejects malformed times', () => {
    expect(checkGreetingBoundaries({ morning: '4', day: '12:00', evening: '18:00', night: '23:00' })).toBe(
      'morning',
    );
    expect(
      checkGreetingBoundaries({ morning: '04:00', day: '12:00', evening: '18:00', night: '24:00' }),
    ).toBe('night');
  });
});
