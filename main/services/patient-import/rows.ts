import { z } from 'zod';
import { patientsChannels } from '#contract/patients.ts';
import type { DateOrder, ImportField, RowProblem } from '#contract/patient-import.ts';
import { ageOn } from '../patients/index.ts';
import type { SheetRow } from './read-file.ts';

// One spreadsheet row to a patient, through the register channel's own schema, so an
// imported patient obeys every rule a typed one does. Cells are text: numbers (age) and
// dates (03/04/1980, with the chosen order) are read first, and a choice list's value is
// matched without case ("F" is female, "Passport" is passport). Text is stored as text:
// a cell starting with = + - @ is never run, only kept.

const registerInput = patientsChannels['patients.register'].input;
export type PatientValues = z.output<typeof registerInput>;
const shape = registerInput.shape as Record<string, z.ZodType>;

function innerType(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else return current;
  }
}

const takesNumber = (field: string): boolean => innerType(shape[field] ?? z.never()) instanceof z.ZodNumber;
const choicesOf = (field: string): readonly string[] => {
  const inner = innerType(shape[field] ?? z.never());
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : [];
};
/** The birth date is the only date a patient has. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['dateOfBirth']);

const pad = (n: string): string => n.padStart(2, '0');

/** A date in any common spreadsheet form as YYYY-MM-DD; anything else is left for the schema to refuse. */
export function readDate(value: string, order: DateOrder): string {
  const text = value.replace(/[ T]00:00(:00)?$/, '');
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!local || order === 'ymd') return text;
  const [, first = '', second = '', year = ''] = local;
  return order === 'dmy' ? `${year}-${pad(second)}-${pad(first)}` : `${year}-${pad(first)}-${pad(second)}`;
}

function readChoice(value: string, choices: readonly string[]): string {
  const typed = value.toLowerCase().replace(/[\s-]+/g, '_');
  if (choices.includes(typed)) return typed;
  const starting = choices.filter((choice) => choice.startsWith(typed));
  return starting.length === 1 && starting[0] !== undefined ? starting[0] : value;
}

function readCell(field: ImportField, cell: string, order: DateOrder): unknown {
  if (takesNumber(field)) return /^-?\d+(\.0+)?$/.test(cell) ? Number(cell) : cell;
  if (DATE_FIELDS.has(field)) return readDate(cell, order);
  const choices = choicesOf(field);
  return choices.length > 0 ? readChoice(cell, choices) : cell;
}

/** `name`: the name cell as typed, so a refused row can still be told apart in the report. */
export type CheckedRow =
  | { row: number; name: string; values: PatientValues; problems: [] }
  | { row: number; name: string; values: null; problems: RowProblem[] };

/** The row as the register channel would take it, or every problem in it, each naming its field. */
export function checkRow(
  sheetRow: SheetRow,
  columns: readonly (ImportField | null)[],
  order: DateOrder,
  today: string,
  clinicRequires: readonly string[] = [],
): CheckedRow {
  const input: Record<string, unknown> = { confirmedNotDuplicate: true };
  columns.forEach((field, index) => {
    const cell = sheetRow.cells[index]?.trim() ?? '';
    if (field !== null && cell !== '') input[field] = readCell(field, cell, order);
  });
  const name = typeof input.name === 'string' ? input.name : '';
  const missing: RowProblem[] = clinicRequires
    .filter((field) => input[field] === undefined)
    .map((field) => ({ row: sheetRow.row, field, message: 'This clinic requires this field.' }));
  const parsed = registerInput.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      row: sheetRow.row,
      field: issue.path.map(String).join('.') || 'row',
      message: issue.message,
    }));
    const named = new Set(problems.map((p) => p.field));
    return {
      row: sheetRow.row,
      name,
      values: null,
      problems: [...problems, ...missing.filter((m) => !named.has(m.field))],
    };
  }
  if (missing.length > 0) return { row: sheetRow.row, name, values: null, problems: missing };
  const dateOfBirth = parsed.data.dateOfBirth;
  if (dateOfBirth && (dateOfBirth > today || ageOn(dateOfBirth, today) > 130)) {
    const message = 'Enter a date of birth in the past, at most 130 years ago.';
    return { row: sheetRow.row, name, values: null, problems: [{ row: sheetRow.row, field: 'dateOfBirth', message }] };
  }
  return { row: sheetRow.row, name: parsed.data.name, values: parsed.data, problems: [] };
}

/** The mapped fields' values as text, as the preview shows them. */
export function storedText(
  values: PatientValues,
  columns: readonly (ImportField | null)[],
): Record<string, string | null> {
  const record = values as Record<string, unknown>;
  const shown: Record<string, string | null> = {};
  for (const field of columns) {
    if (field === null) continue;
    const value = record[field];
    shown[field] = value === null || value === undefined ? null : String(value);
  }
  return shown;
}
