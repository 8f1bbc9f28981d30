import { z } from 'zod';
import { channel, DESK } from './channel.ts';
import { boundedRange, dateSchema, idSchema, RANGE_MAX_DAYS, rangeDays } from './fields.ts';

// Exports: spreadsheets (CSV), calendars (iCalendar) and FHIR R4 bundles, made in main and
// handed to the window as text to save. Every export writes an audit row: it is patient data
// leaving the app.

const STAFF = ['admin', 'receptionist', 'doctor'] as const;

/** The longest range one export covers, in days (both ends included): the contract's shared bound. */
export const EXPORT_MAX_DAYS = RANGE_MAX_DAYS;
export { rangeDays };

/** Start a CSV with a UTF-8 byte order mark, so spreadsheet programs read accents right. */
const bomSchema = z.boolean({ error: 'Choose whether to add a byte order mark.' }).optional();

export const exportFileSchema = z.object({
  /** A suggested file name, e.g. appointments-2026-03-01-to-2026-03-31.csv */
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportsChannels = {
  'exports.patientsCsv': channel({
    description: 'Every patient as a CSV spreadsheet (no medical notes).',
    access: DESK,
    input: z.object({ bom: bomSchema }),
    output: exportFileSchema,
  }),
  'exports.appointmentsCsv': channel({
    description: 'Appointments in a date range as a CSV spreadsheet; a doctor gets only their own.',
    access: STAFF,
    input: z
      .object({ from: dateSchema, to: dateSchema, doctorId: idSchema.optional(), bom: bomSchema })
      .superRefine(boundedRange),
    output: exportFileSchema,
  }),
  'exports.doctorIcs': channel({
    description: 'A doctor’s appointments in a date range as an iCalendar file in the clinic’s time zone.',
    access: STAFF,
    input: z.object({ from: dateSchema, to: dateSchema, doctorId: idSchema }).superRefine(boundedRange),
    output: exportFileSchema,
  }),
  'exports.fhirBundle': channel({
    description: 'A FHIR R4 bundle of patients, practitioners, schedules, slots and appointments in a date range.',
    access: STAFF,
    input: z.object({ from: dateSchema, to: dateSchema, doctorId: idSchema.optional() }).superRefine(boundedRange),
    output: exportFileSchema,
  }),
};
