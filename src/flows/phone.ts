// Russian phone numbers as callers dictate them: "8 (343) 312-00-50", "+7 343 312 00 50", "912 345-67-89".
// Normalised to "+7XXXXXXXXXX" for storage and dialling, formatted "+7 (343) 312-00-50" for reading.

export const PHONE_ERRORS = [
  'phone.empty',
  'phone.invalidChars',
  'phone.tooShort',
  'phone.tooLong',
  'phone.notRussian',
] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

export type PhoneResult = { ok: true; phone: string } | { ok: false; code: PhoneError };

/**
 * Russian numbers after +7 start with 3, 4, 8 (geographic and 8-800) or 9 (mobile). +7 6xx and +7 7xx
 * are Kazakhstan: same country code, not a Russian number, so a callback from a Russian body may not reach it.
 */
const RUSSIAN_FIRST_DIGIT = /^[3489]/;

export function parseRuPhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, code: 'phone.empty' };
  // Separators people write: spaces (incl. no-break), brackets, hyphens, dashes, dots.
  if (!/^\+?[\d\s\u00a0()\-\u2010-\u2015.]+$/.test(trimmed)) return { ok: false, code: 'phone.invalidChars' };
  const plus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');
  let national: string;
  if (plus) {
    if (!digits.startsWith('7')) return { ok: false, code: 'phone.notRussian' };
    national = digits.slice(1);
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    return { ok: false, code: digits.length < 10 ? 'phone.tooShort' : 'phone.tooLong' };
  }
  if (national.length < 10) return { ok: false, code: 'phone.tooShort' };
  if (national.length > 10) return { ok: false, code: 'phone.tooLong' };
  if (!RUSSIAN_FIRST_DIGIT.test(national)) return { ok: false, code: 'phone.notRussian' };
  return { ok: true, phone: `+7${national}` };
}

/** "+7XXXXXXXXXX", or null when the input is not a Russian phone number. */
export function normalizeRuPhone(input: string): string | null {
  const r = parseRuPhone(input);
  return r.ok ? r.phone : null;
}

/** "+7 (343) 312-00-50"; input that is not a Russian number is returned trimmed, unchanged. */
export function formatRuPhone(input: string): string {
  const phone = normalizeRuPhone(input);
  if (phone === null) return input.trim();
  const d = phone.slice(2);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
