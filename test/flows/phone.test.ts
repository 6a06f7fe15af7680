import { describe, expect, it } from 'vitest';
import { formatRuPhone, normalizeRuPhone, parseRuPhone } from '../../src/flows/phone';

describe('normalizeRuPhone', () => {
  it.each([
    ['8 (343) 312-00-50', '+73433120050'],
    ['+7 343 312 00 50', '+73433120050'],
    ['83433120050', '+73433120050'],
    ['73433120050', '+73433120050'],
    ['+7(912)345-67-89', '+79123456789'],
    ['912 345-67-89', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['8 800 100-00-00', '+78001000000'],
    ['  8.343.312.00.50 ', '+73433120050'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRuPhone(input)).toBe(expected);
  });

  it.each([
    ['', 'phone.empty'],
    ['343 312 00 5', 'phone.tooShort'],
    ['312-00-50', 'phone.tooShort'],
    ['+7 343 312 00 500', 'phone.tooLong'],
    ['8 343 312 00 500', 'phone.tooLong'],
    ['+375 29 123-45-67', 'phone.notRussian'],
    ['+1 212 555 0100', 'phone.notRussian'],
    ['+7 701 123 45 67', 'phone.notRussian'], // Kazakhstan shares +7
    ['1234567890', 'phone.notRussian'],
    ['8 343 abc 00 50', 'phone.invalidChars'],
    ['343+3120050', 'phone.invalidChars'],
  ])('%s is refused with %s', (input, code) => {
    expect(parseRuPhone(input)).toEqual({ ok: false, code });
    expect(normalizeRuPhone(input)).toBeNull();
  });
});

describe('formatRuPhone', () => {
  it('reads a number back the way it is dictated', () => {
    expect(formatRuPhone('83433120050')).toBe('+7 (343) 312-00-50');
    expect(formatRuPhone('+79123456789')).toBe('+7 (912) 345-67-89');
  });
  it('leaves something that is not a number alone', () => {
    expect(formatRuPhone(' 12-34 ')).toBe('12-34');
  });
});
