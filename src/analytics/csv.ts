// CSV that opens right in Russian Excel: UTF-8 with a BOM (else Excel guesses cp1251), ';' between
// fields (the Russian list separator), CRLF rows, every field quoted, and formulas defused.

/** A value Excel must keep as text though it reads as a number (a phone: "+7…" would become 79123456789). */
export interface CsvText {
  text: string;
}

export type CsvCell = string | number | null | CsvText;

/** Only digits and phone punctuation go into the text formula: nothing in it can run. */
const DIGITS = /^\+?\d[\d ()-]*$/;

/**
 * A cell Excel would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. A text-only value
 * is written as the formula ="…", which Excel shows as the bare text with no mark.
 */
function cellText(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'object') return DIGITS.test(value.text) ? `="${value.text}"` : cellText(value.text);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One row of the file with its CRLF: a stream writes the rows one at a time after CSV_BOM. */
export function csvLine(row: readonly CsvCell[]): string {
  return row.map((v) => `"${cellText(v).replace(/"/g, '""')}"`).join(';') + '\r\n';
}

export const CSV_BOM = '\uFEFF';

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map(csvLine).join('');
}
