// Property-based checks of the pure helpers: invariants over many random inputs, beyond the examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeekSchedule } from '../../src/calls/organisation';
import { formatDeadline } from '../../src/flows/dates';
import { formatRuPhone, normalizeRuPhone } from '../../src/flows/phone';
import { MINUTES_ACC, pluralForm } from '../../src/flows/plural';
import { parseFlowFile, restoreFlow } from '../../src/flows/restore';
import { KNOWN_VARIABLES, renderLine } from '../../src/flows/templates';
import type { TemplateVars } from '../../src/flows/types';
import { callbackPresets } from '../../src/calls/callbackTimes';
import { isWithinWorkingHours } from '../../src/calls/workingHours';
import { calendarDaysBetween, zonedParts, zonedToUtc } from '../../src/flows/zonedTime';

const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Asia/Vladivostok',
  'Asia/Kamchatka',
];
// 2020–2030: wide enough to cross years, months and leap days.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) });
const zone = fc.constantFrom(...ZONES);

describe('properties', () => {
  it('the plural form depends only on the last two digits', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (n) => {
        expect(pluralForm(n, MINUTES_ACC)).toBe(pluralForm(n % 100, MINUTES_ACC));
      }),
    );
  });

  it('local wall time converts back to the same instant (to the minute) in every Russian zone used', () => {
    fc.assert(
      fc.property(instant, zone, (ms, tz) => {
        const p = zonedParts(ms, tz);
        const back = zonedToUtc(p.year, p.month, p.day, p.hour * 60 + p.minute, tz);
        expect(back).toBe(ms - (ms % 60_000));
      }),
    );
  });

  it('a deadline reads "сегодня" exactly when it falls on the same local date, "завтра" on the next', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 * 86_400_000 }), zone, (now, ahead, tz) => {
        const text = formatDeadline(now + ahead, now, tz);
        const days = calendarDaysBetween(now, now + ahead, tz);
        expect(text.endsWith(' сегодня')).toBe(days === 0);
        expect(text.startsWith('завтра до ')).toBe(days === 1);
        expect(text).toMatch(/\d\d:\d\d( сегодня)?$/);
      }),
    );
  });

  it('any way of writing a Russian number normalises to +7 and the spoken form reads back to it', () => {
    const national = fc
      .tuple(fc.constantFrom('3', '4', '8', '9'), fc.stringMatching(/^\d{9}$/))
      .map(([a, b]) => a + b);
    const style = fc.constantFrom(
      (d: string) => `8${d}`,
      (d: string) => `+7${d}`,
      (d: string) => `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
      (d: string) => `8 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`,
      (d: string) => d,
    );
    fc.assert(
      fc.property(national, style, (d, write) => {
        const phone = normalizeRuPhone(write(d));
        expect(phone).toBe(`+7${d}`);
        expect(normalizeRuPhone(formatRuPhone(phone ?? ''))).toBe(phone);
      }),
    );
  });

  it('a line is either whole, with every value in place, or lists exactly the empty variables', () => {
    const fixed = KNOWN_VARIABLES.filter((v) => v.includes('.'));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...fixed), { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(fc.constant(''), fc.stringMatching(/^[а-я ]{1,12}$/)), {
          minLength: 5,
          maxLength: 5,
        }),
        (names, values) => {
          const vars: TemplateVars = {};
          const record = vars as Record<string, Record<string, string>>; // test-only: fill groups by name
          names.forEach((name, i) => {
            const [group = '', key = ''] = name.split('.');
            record[group] = { ...record[group], [key]: values[i] ?? '' };
          });
          const template = names.map((n) => `{{${n}}}`).join(' и ');
          const r = renderLine(template, vars);
          const empty = names.filter((_, i) => (values[i] ?? '').trim() === '');
          if (empty.length > 0) expect(r).toEqual({ kind: 'missing', missing: empty });
          else {
            expect(r.kind).toBe('ready');
            if (r.kind === 'ready') {
              expect(r.text).not.toContain('{{');
              for (const v of values.slice(0, names.length)) expect(r.text).toContain(v.trim());
            }
          }
        },
      ),
    );
  });

  it('every callback preset lies ahead and inside working hours', () => {
    const day = { start: '09:00', end: '18:00', breakStart: '13:00', breakEnd: '13:48' };
    const week: WeekSchedule = { 1: day, 2: day, 3: day, 4: day, 5: { ...day, end: '16:45' } };
    fc.assert(
      fc.property(instant, zone, (now, tz) => {
        const presets = callbackPresets(now, { timeZone: tz, workingHours: week });
        expect(presets.map((p) => p.id)).toContain('endOfDay');
        for (const p of presets) {
          expect(p.deadlineMs).toBeGreaterThan(now);
          // The deadline is a moment the line is staffed right up to.
          expect(isWithinWorkingHours(p.deadlineMs - 1, week, tz)).toBe(true);
        }
      }),
    );
  });

  it('restoring never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = restoreFlow(raw);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseFlowFile(text)).not.toThrow();
      }),
    );
  });
});
