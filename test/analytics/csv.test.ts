import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/analytics/csv';

describe('CSV for Russian Excel', () => {
  const csv = toCsv([
    ['Оператор', 'Итог', 'Длительность, мин'],
    ['Смирнова Е. В.', 'Решён; "быстро"', 2.5],
    ['=HYPERLINK("http://x")', '+7 912', null],
  ]);

  it('starts with a UTF-8 BOM, separates by semicolons and ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFF"Оператор";"Итог";"Длительность, мин"\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('quotes every field, doubles quotes inside, writes decimals with a comma', () => {
    expect(csv).toContain('"Смирнова Е. В.";"Решён; ""быстро""";"2,5"');
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";"'+7 912";""`);
  });
  it('writes phones as text Excel shows bare: no apostrophe, no lost plus', () => {
    const phones = toCsv([[{ text: '+79123456789' }, { text: '8 (912) 345-67-89' }]]);
    expect(phones).toContain('"=""+79123456789""";"=""8 (912) 345-67-89"""');
    expect(phones).not.toContain("'");
  });

  it('never puts anything but digits into a text formula', () => {
    const hostile = toCsv([[{ text: '=1+1' }, { text: '+7"&cmd' }, { text: '@x' }]]);
    expect(hostile).toBe(`\uFEFF"'=1+1";"'+7""&cmd";"'@x"\r\n`);
  });
});
