import Papa from 'papaparse';
import { AppError } from '../core/errors.ts';
import type { RowProblem } from '#contract/patient-import.ts';

// A spreadsheet file as rows of text cells. The encoding is read from the bytes: a byte order
// mark says UTF-8 or UTF-16 (Excel's "Unicode text"); text that is valid UTF-8 is UTF-8; anything
// else is Windows-1252, which is what Excel on a Western European PC saves as "CSV". The
// separator is guessed by papaparse (`,` or `;` from a European Excel, tab, `|`).

export interface SheetRow {
  /** The spreadsheet row number: the header is row 1. */
  row: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
  /** Rows the parser could not read whole (an unclosed quote), each refused with its row. */
  problems: RowProblem[];
  encoding: string;
  delimiter: string;
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  try {
    // TextDecoder drops a leading UTF-8 byte order mark by itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

export function readSheet(contentBase64: string): Sheet {
  const { text, encoding } = decode(Buffer.from(contentBase64, 'base64'));
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const [headerCells, ...records] = parsed.data;
  if (!headerCells || isBlank(headerCells)) {
    throw new AppError('VALIDATION', 'The file is empty: it needs a header row, then one patient a row.', {
      file: 'The file is empty: it needs a header row, then one patient a row.',
    });
  }
  const broken = new Set<number>();
  const problems: RowProblem[] = [];
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const row = error.row + 1;
    if (broken.has(row)) continue;
    broken.add(row);
    problems.push({ row, field: 'row', message: 'A quote in this row is not closed, so the row could not be read.' });
  }
  const rows = records.flatMap((cells, index) => {
    const row = index + 2;
    return isBlank(cells) || broken.has(row) ? [] : [{ row, cells }];
  });
  return { headers: headerCells.map((h) => h.trim()), rows, problems, encoding, delimiter: parsed.meta.delimiter };
}
