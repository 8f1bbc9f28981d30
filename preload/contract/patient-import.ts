import { z } from 'zod';
import { ADMIN, channel } from './channel.ts';
import { exportFileSchema } from './exports.ts';
import { textSchema } from './fields.ts';
import { patientsChannels } from './patients.ts';

// Importing patients from a spreadsheet (CSV, or CSV saved by Excel). The file travels as
// bytes (base64) so main decides its encoding; every call is stateless except the import
// itself, which keeps its counts and cancel flag in `patient_imports`. Admin only: an import
// writes thousands of patient records at once.

const registerShape = patientsChannels['patients.register'].input.shape;
type RegisterField = keyof typeof registerShape;

/** Register inputs a spreadsheet cell cannot give (a flag, or a link to another record). */
const NOT_FROM_A_FILE: ReadonlySet<string> = new Set(['confirmedNotDuplicate', 'guardianPatientId']);

export type ImportField = Exclude<RegisterField, 'confirmedNotDuplicate' | 'guardianPatientId'>;

/** Every patient field a column can fill: the register channel's own fields, read from its schema. */
export const IMPORT_FIELDS = Object.keys(registerShape).filter((key) => !NOT_FROM_A_FILE.has(key)) as [
  ImportField,
  ...ImportField[],
];

/** Fields a patient cannot be registered without (the register schema refuses them missing). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter(
  (field) => !registerShape[field].safeParse(undefined).success,
);

/** How a date like 03/04/1980 is read; ISO dates (1980-04-03) are always read as they are. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** What happens to a row that is a likely duplicate of an existing patient or an earlier row. */
export const DUPLICATE_CHOICES = ['skip', 'merge'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** Rows written in one transaction; a cancelled import stops between two of them. */
export const IMPORT_BATCH_ROWS = 1000;
/** Rows shown as they will be stored before anything is written. */
export const PREVIEW_ROWS = 5;
/** 40 MB of file (base64 is 4/3 of that): the command line's large files fit. */
const MAX_FILE_BASE64 = 56_000_000;

const fileSchema = z.object({
  fileName: textSchema('file name', 'Choose a file.').trim().min(1, 'Choose a file.').max(255),
  contentBase64: textSchema('file', 'Choose a file.')
    .max(MAX_FILE_BASE64, 'The file is larger than 40 MB: split it, or use the command line.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read. Choose it again.'),
});

const columnsSchema = z
  .array(z.enum(IMPORT_FIELDS, { error: 'Choose a patient field or leave the column out.' }).nullable(), {
    error: 'Map the columns to patient fields.',
  })
  .max(500)
  .superRefine((columns, ctx) => {
    const seen = new Set<ImportField>();
    for (const field of columns) {
      if (field === null) continue;
      if (seen.has(field)) ctx.addIssue({ code: 'custom', message: `Map only one column to ${field}.` });
      seen.add(field);
    }
    for (const field of REQUIRED_IMPORT_FIELDS) {
      if (!seen.has(field)) ctx.addIssue({ code: 'custom', message: `Map a column to ${field}: it is required.` });
    }
  });

const mappedFileSchema = z.object({
  file: fileSchema,
  /** One entry per column of the file, in order: the field it fills, or null to leave it out. */
  columns: columnsSchema,
  dateOrder: z.enum(DATE_ORDERS, { error: 'Choose how dates are written.' }),
});

/** A row refused, or a problem in one: the spreadsheet row number (the header is row 1) and the field. */
export const rowProblemSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const likelyDuplicateSchema = z.object({
  row: z.number(),
  name: z.string(),
  /** An existing patient it matches, or null when it matches an earlier row of the file. */
  patientNumber: z.string().nullable(),
  /** The earlier row of the file it matches, or null when it matches an existing patient. */
  sameAsRow: z.number().nullable(),
});
export type LikelyDuplicate = z.infer<typeof likelyDuplicateSchema>;

export const previewRowSchema = z.object({
  row: z.number(),
  /** Each mapped field's value as it will be stored (null: empty). */
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(rowProblemSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const importSummarySchema = z.object({
  totalRows: z.number(),
  imported: z.number(),
  merged: z.number(),
  skipped: z.number(),
});

export const patientImportChannels = {
  'imports.read': channel({
    description:
      "A spreadsheet's headers, each mapped to the field it was last mapped to or that its name suggests, and its size.",
    access: ADMIN,
    input: z.object({ file: fileSchema }),
    output: z.object({
      headers: z.array(z.string()),
      columns: z.array(z.string().nullable()),
      rowCount: z.number(),
      encoding: z.string(),
      delimiter: z.string(),
    }),
  }),
  'imports.preview': channel({
    description: 'The first rows as they will be stored, with what is wrong in each; nothing is written.',
    access: ADMIN,
    input: mappedFileSchema,
    output: z.object({ rows: z.array(previewRowSchema), rowCount: z.number() }),
  }),
  'imports.dryRun': channel({
    description:
      'Every row the import would refuse (row and field) and every likely duplicate, of existing patients and within the file; nothing is written.',
    access: ADMIN,
    input: mappedFileSchema,
    output: z.object({
      rowCount: z.number(),
      refused: z.array(rowProblemSchema),
      /** Rows refused (a row with several problems counts once). */
      refusedRows: z.number(),
      duplicates: z.array(likelyDuplicateSchema),
    }),
  }),
  'imports.run': channel({
    description:
      'Imports the rows in batches of one transaction each, with progress; a cancel stops between batches. Returns the report as CSV.',
    access: ADMIN,
    input: mappedFileSchema.extend({
      duplicates: z.enum(DUPLICATE_CHOICES, { error: 'Choose what to do with likely duplicates.' }),
      runId: textSchema('import run').trim().min(1).max(64),
    }),
    output: importSummarySchema.extend({
      importId: z.number(),
      status: z.enum(['done', 'cancelled']),
      report: exportFileSchema,
    }),
  }),
  'imports.cancel': channel({
    description: 'Asks a running import to stop after the batch it is writing.',
    access: ADMIN,
    input: z.object({ runId: textSchema('import run').trim().min(1).max(64) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
} as const;

export const patientImportEvents = {
  /** A running import finished a batch: rows done of all. */
  'imports.progress': z.object({ runId: z.string(), done: z.number(), total: z.number() }),
} as const;
