// Validation of captured values by field kind, shared by the call engine, the editor and the tests.
// Values come back normalised (a phone as +7XXXXXXXXXX, a date as YYYY-MM-DD) so the card stays clean.

import { MONTHS_GENITIVE } from './dates';
import { formatRuPhone, parseRuPhone, type PhoneError } from './phone';
import type { CaptureField } from './types';

export const FIELD_ERRORS = [
  'field.required',
  'field.tooLong',
  'field.patternMismatch',
  'name.notCyrillic',
  'name.tooManyWords',
  'appeal.noDigits',
  'appeal.invalidChars',
  'date.invalid',
  'need.noLetters',
] as const;
export type FieldError = (typeof FIELD_ERRORS)[number] | PhoneError;

export type FieldResult = { ok: true; value: string } | { ok: false; code: FieldError };

const fail = (code: FieldError): FieldResult => ({ ok: false, code });
const collapse = (v: string): string => v.trim().replace(/\s+/g, ' ');

/** Name parts in Cyrillic; hyphens and apostrophes inside a part ("Анна-Мария", "Д'Артаньян"). */
const NAME_PART = /^[А-ЯЁа-яё]+(?:[-'’][А-ЯЁа-яё]+)*$/u;

/**
 * One to three words: the name; name and patronymic (how the caller is addressed, 001 §3.1.3); or
 * surname, name, patronymic. One word is allowed because not every caller has a patronymic.
 */
function personName(value: string): FieldResult {
  const parts = value.split(' ');
  if (parts.length > 3) return fail('name.tooManyWords');
  if (!parts.every((p) => NAME_PART.test(p))) return fail('name.notCyrillic');
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  return { ok: true, value: parts.map((p) => p.split('-').map(cap).join('-')).join(' ') };
}

/** "№ 01-15/1234", "ОГ-123.45": letters, digits, "-", "/", "."; at least one digit. */
function appealNumber(value: string): FieldResult {
  const v = value.replace(/^№\s*/u, '').replace(/\s+/g, '');
  if (!/^[\p{L}\d\-/.]+$/u.test(v)) return fail('appeal.invalidChars');
  if (!/\d/.test(v)) return fail('appeal.noDigits');
  return { ok: true, value: v.toUpperCase() };
}

/** "25.11.2026", "25.11.26", "2026-11-25" → "2026-11-25", if the day exists. */
function date(value: string): FieldResult {
  let y: number, m: number, d: number;
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (ru) {
    d = Number(ru[1]);
    m = Number(ru[2]);
    y = Number(ru[3]);
    if (ru[3]?.length === 2) y += 2000;
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else return fail('date.invalid');
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return fail('date.invalid');
  }
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A bad pattern is the validator's error (field.badPattern), not the operator's: it is skipped here. */
function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

function byKind(field: CaptureField, value: string): FieldResult {
  switch (field.kind) {
    case 'personName':
      return personName(value);
    case 'phone': {
      const r = parseRuPhone(value);
      return r.ok ? { ok: true, value: r.phone } : fail(r.code);
    }
    case 'appealNumber':
      return appealNumber(value);
    case 'date':
      return date(value);
    case 'need':
      return /\p{L}/u.test(value) ? { ok: true, value } : fail('need.noLetters');
    case 'text':
      return { ok: true, value };
  }
}

/**
 * Validates one captured value. Empty is an error only for a required field (an empty optional field
 * is ok and stays empty). The field's own pattern and maxLength apply to the normalised value.
 */
export function validateField(field: CaptureField, raw: string): FieldResult {
  const value = collapse(raw);
  if (value === '') return field.required ? fail('field.required') : { ok: true, value: '' };
  const r = byKind(field, value);
  if (!r.ok) return r;
  if (field.maxLength !== undefined && r.value.length > field.maxLength) return fail('field.tooLong');
  if (field.pattern !== undefined) {
    const re = compilePattern(field.pattern);
    if (re && !re.test(r.value)) return fail('field.patternMismatch');
  }
  return r;
}

/**
 * A stored value as it is read out in a line: a date as «20 ноября 2026 года», a phone as
 * «+7 (343) 312-00-50»; other kinds as stored. For filling `{{fields.<id>}}` and `caller.*`.
 */
export function spokenFieldValue(kind: CaptureField['kind'], value: string): string {
  if (kind === 'phone') return formatRuPhone(value);
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const month = m ? MONTHS_GENITIVE[Number(m[2]) - 1] : undefined;
    return m && month ? `${Number(m[3])} ${month} ${m[1]} года` : value;
  }
  return value;
}
