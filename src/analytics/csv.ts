// CSV that opens right in Russian Excel: UTF-8 with a BOM (else Excel guesses cp1251), ';' between
// fields (the Russian list separator), CRLF rows, every field quoted, and formulas defused.

export type CsvCell = string | number | null;

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
function cellText(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const lines = rows.map((row) => row.map((v) => `"${cellText(v).replace(/"/g, '""')}"`).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
