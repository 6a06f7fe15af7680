import { describe, expect, it } from 'vitest';
import { spokenFieldValue, validateField } from '../../src/flows/fields';
import type { CaptureField, FieldKind } from '../../src/flows/types';

const field = (kind: FieldKind, extra: Partial<CaptureField> = {}): CaptureField => ({
  id: 'x',
  label: 'x',
  kind,
  required: true,
  ...extra,
});

describe('validateField', () => {
  it('accepts and tidies a name and patronymic in Cyrillic', () => {
    expect(validateField(field('personName'), '  иван   петрович ')).toEqual({
      ok: true,
      value: 'Иван Петрович',
    });
    expect(validateField(field('personName'), 'анна-мария')).toEqual({ ok: true, value: 'Анна-Мария' });
    expect(validateField(field('personName'), 'Салтыков-Щедрин Михаил Евграфович')).toEqual({
      ok: true,
      value: 'Салтыков-Щедрин Михаил Евграфович',
    });
  });

  it('refuses Latin letters, digits and too many words in a name', () => {
    expect(validateField(field('personName'), 'Ivan Petrovich')).toEqual({
      ok: false,
      code: 'name.notCyrillic',
    });
    expect(validateField(field('personName'), 'Иван2')).toEqual({ ok: false, code: 'name.notCyrillic' });
    expect(validateField(field('personName'), 'Иван -Петрович')).toEqual({
      ok: false,
      code: 'name.notCyrillic',
    });
    expect(validateField(field('personName'), 'А Б В Г')).toEqual({ ok: false, code: 'name.tooManyWords' });
  });

  it('normalises phones and reports why a phone is refused', () => {
    expect(validateField(field('phone'), '8 (343) 312-00-50')).toEqual({ ok: true, value: '+73433120050' });
    expect(validateField(field('phone'), '312-00-50')).toEqual({ ok: false, code: 'phone.tooShort' });
  });

  it('accepts appeal numbers as ministries write them', () => {
    expect(validateField(field('appealNumber'), '№ 01-15/1234')).toEqual({ ok: true, value: '01-15/1234' });
    expect(validateField(field('appealNumber'), 'ог-123')).toEqual({ ok: true, value: 'ОГ-123' });
    expect(validateField(field('appealNumber'), 'ОГ#12')).toEqual({ ok: false, code: 'appeal.invalidChars' });
    expect(validateField(field('appealNumber'), 'нет номера')).toEqual({
      ok: false,
      code: 'appeal.noDigits',
    });
  });

  it('accepts real dates only', () => {
    expect(validateField(field('date'), '25.11.2026')).toEqual({ ok: true, value: '2026-11-25' });
    expect(validateField(field('date'), '5.1.26')).toEqual({ ok: true, value: '2026-01-05' });
    expect(validateField(field('date'), '2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(validateField(field('date'), '29.02.2026')).toEqual({ ok: false, code: 'date.invalid' });
    expect(validateField(field('date'), '31.04.2026')).toEqual({ ok: false, code: 'date.invalid' });
    expect(validateField(field('date'), 'вчера')).toEqual({ ok: false, code: 'date.invalid' });
  });

  it('needs words in a need', () => {
    expect(validateField(field('need'), 'как подать обращение')).toEqual({
      ok: true,
      value: 'как подать обращение',
    });
    expect(validateField(field('need'), '???')).toEqual({ ok: false, code: 'need.noLetters' });
  });

  it('requires a value only when the field is required', () => {
    expect(validateField(field('text'), '  ')).toEqual({ ok: false, code: 'field.required' });
    expect(validateField(field('phone', { required: false }), ' ')).toEqual({ ok: true, value: '' });
  });

  it('applies the field pattern and length to the normalised value', () => {
    const mobile = field('phone', { pattern: '^\\+79' });
    expect(validateField(mobile, '8 912 345 67 89')).toEqual({ ok: true, value: '+79123456789' });
    expect(validateField(mobile, '8 343 312 00 50')).toEqual({ ok: false, code: 'field.patternMismatch' });
    expect(validateField(field('text', { maxLength: 5 }), 'абвгде')).toEqual({
      ok: false,
      code: 'field.tooLong',
    });
  });

  it('ignores a broken pattern rather than blocking the operator', () => {
    expect(validateField(field('text', { pattern: '([' }), 'что угодно')).toEqual({
      ok: true,
      value: 'что угодно',
    });
  });
});

describe('spokenFieldValue', () => {
  it('reads stored values the way they are said', () => {
    expect(spokenFieldValue('date', '2026-11-05')).toBe('5 ноября 2026 года');
    expect(spokenFieldValue('phone', '+73433120050')).toBe('+7 (343) 312-00-50');
    expect(spokenFieldValue('appealNumber', 'ОГ-123')).toBe('ОГ-123');
    expect(spokenFieldValue('date', 'не дата')).toBe('не дата');
  });
});
