import { describe, expect, it } from 'vitest';
import type { WeekSchedule } from '../../src/calls/organisation';
import {
  addWorkingMinutes,
  callbackPresets,
  endOfWorkingDay,
  nextWorkingMoment,
} from '../../src/calls/callbackTimes';
import { isWithinWorkingHours } from '../../src/calls/workingHours';
import { formatDeadline } from '../../src/flows/dates';

const EKB = 'Asia/Yekaterinburg'; // UTC+5
const MSK = 'Europe/Moscow'; // UTC+3
const ekb = (iso: string): number => Date.parse(`${iso}Z`) - 5 * 3600_000;
const msk = (iso: string): number => Date.parse(`${iso}Z`) - 3 * 3600_000;

// A typical ministry week: lunch 13:00–13:48, a short Friday, weekend off.
const day = { start: '09:00', end: '18:00', breakStart: '13:00', breakEnd: '13:48' };
const week: WeekSchedule = { 1: day, 2: day, 3: day, 4: day, 5: { ...day, end: '16:45' } };
const org = { timeZone: EKB, workingHours: week };

// 2026-11-23 is a Monday; 2026-11-27 a Friday.
describe('isWithinWorkingHours', () => {
  it.each([
    ['2026-11-23T08:59', false],
    ['2026-11-23T09:00', true],
    ['2026-11-23T12:59', true],
    ['2026-11-23T13:00', false], // lunch
    ['2026-11-23T13:47', false],
    ['2026-11-23T13:48', true],
    ['2026-11-23T17:59', true],
    ['2026-11-23T18:00', false],
    ['2026-11-27T16:44', true],
    ['2026-11-27T16:45', false], // short Friday
    ['2026-11-28T11:00', false], // Saturday
  ])('%s Yekaterinburg → %s', (iso, expected) => {
    expect(isWithinWorkingHours(ekb(iso), week, EKB)).toBe(expected);
  });

  it('reads the clock of the organisation zone: 09:30 Moscow is 11:30 in Yekaterinburg', () => {
    const mskOrg: WeekSchedule = { 1: { start: '09:00', end: '11:00' } };
    const instant = msk('2026-11-23T10:30');
    expect(isWithinWorkingHours(instant, mskOrg, MSK)).toBe(true);
    expect(isWithinWorkingHours(instant, mskOrg, EKB)).toBe(false);
  });
});

describe('endOfWorkingDay / nextWorkingMoment', () => {
  it('ends the day at its own end time, or not at all on a day off', () => {
    expect(endOfWorkingDay(ekb('2026-11-23T10:00'), week, EKB)).toBe(ekb('2026-11-23T18:00'));
    expect(endOfWorkingDay(ekb('2026-11-27T10:00'), week, EKB)).toBe(ekb('2026-11-27T16:45'));
    expect(endOfWorkingDay(ekb('2026-11-28T10:00'), week, EKB)).toBeNull();
  });

  it('finds the next staffed moment across lunch, the night and the weekend', () => {
    expect(nextWorkingMoment(ekb('2026-11-23T10:00'), week, EKB)).toBe(ekb('2026-11-23T10:00'));
    expect(nextWorkingMoment(ekb('2026-11-23T13:10'), week, EKB)).toBe(ekb('2026-11-23T13:48'));
    expect(nextWorkingMoment(ekb('2026-11-23T19:00'), week, EKB)).toBe(ekb('2026-11-24T09:00'));
    expect(nextWorkingMoment(ekb('2026-11-27T17:00'), week, EKB)).toBe(ekb('2026-11-30T09:00'));
    expect(nextWorkingMoment(ekb('2026-11-23T10:00'), {}, EKB)).toBeNull();
  });
});

describe('addWorkingMinutes', () => {
  it('skips the lunch break', () => {
    expect(addWorkingMinutes(ekb('2026-11-23T12:30'), 60, week, EKB)).toBe(ekb('2026-11-23T14:18'));
  });
  it('carries over the night and the weekend', () => {
    expect(addWorkingMinutes(ekb('2026-11-23T17:30'), 60, week, EKB)).toBe(ekb('2026-11-24T09:30'));
    expect(addWorkingMinutes(ekb('2026-11-27T16:30'), 60, week, EKB)).toBe(ekb('2026-11-30T09:45'));
  });
});

describe('callbackPresets', () => {
  const ids = (now: number) =>
    Object.fromEntries(callbackPresets(now, org).map((p) => [p.id, formatDeadline(p.deadlineMs, now, EKB)]));

  it('offers an hour, the end of the day and tomorrow noon on a normal morning', () => {
    expect(ids(ekb('2026-11-23T10:15'))).toEqual({
      inOneHour: 'до 11:15 сегодня',
      endOfDay: 'до 18:00 сегодня',
      nextDayNoon: 'завтра до 12:00',
    });
  });

  it('keeps every deadline inside working hours late in the day', () => {
    const now = ekb('2026-11-23T17:30');
    expect(ids(now)).toEqual({
      inOneHour: 'завтра до 09:30',
      endOfDay: 'до 18:00 сегодня',
      nextDayNoon: 'завтра до 12:00',
    });
    for (const p of callbackPresets(now, org)) {
      expect(isWithinWorkingHours(p.deadlineMs - 1, week, EKB)).toBe(true);
    }
  });

  it('on Friday evening moves everything to Monday', () => {
    expect(ids(ekb('2026-11-27T17:00'))).toEqual({
      inOneHour: 'в понедельник, 30 ноября, до 10:00',
      endOfDay: 'в понедельник, 30 ноября, до 18:00',
      nextDayNoon: 'в понедельник, 30 ноября, до 12:00',
    });
  });

  it('after midnight in the organisation zone "tomorrow" is counted from the new day', () => {
    // 20:30 UTC Monday = 01:30 Tuesday in Yekaterinburg.
    const now = Date.parse('2026-11-23T20:30Z');
    expect(ids(now)).toEqual({
      inOneHour: 'до 10:00 сегодня',
      endOfDay: 'до 18:00 сегодня',
      nextDayNoon: 'завтра до 12:00',
    });
  });

  it('offers nothing when the organisation has no working days', () => {
    expect(callbackPresets(ekb('2026-11-23T10:00'), { timeZone: EKB, workingHours: {} })).toEqual([]);
  });
});
