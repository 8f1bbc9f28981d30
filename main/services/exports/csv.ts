import Papa from 'papaparse';

// The app's one CSV writer (papaparse): RFC 4180 quoting of commas, quotes and line breaks,
// CRLF line ends, and an optional UTF-8 byte order mark so Excel reads accented names right.

export type CsvValue = string | number | boolean | null;

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvValue;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for spreadsheet programs. */
  bom?: boolean | undefined;
}

export const UTF8_BOM = '\uFEFF';

/**
 * Cells a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM(...)", "-2+3") get a
 * leading apostrophe. Plain numbers and phone numbers (-2.05, +44 7700 900123) are left alone.
 */
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s.,]*$)/;

export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], options: CsvOptions = {}): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    },
    { newline: '\r\n', escapeFormulae: FORMULA },
  );
  return `${options.bom ? UTF8_BOM : ''}${csv}\r\n`;
}
