import { z } from 'zod';
import { APPOINTMENT_STATUSES, CALL_OUTCOMES } from '#shared/statuses.ts';
import { channel, DESK } from './channel.ts';
import { dateSchema, idSchema, optionalTextSchema } from './fields.ts';
import { exportFileSchema } from './exports.ts';

// The confirmation call list (a day's appointments with phone numbers, each marked with the
// outcome of the call, who and when) and the printed sheets of a day: the day list to write on
// and the small appointment card for the patient. No messages are sent: the desk calls.
// A doctor reads only their own appointments (the service scopes it); the desk marks.

const STAFF = ['admin', 'receptionist', 'doctor'] as const;

export const callOutcomeSchema = z.enum(CALL_OUTCOMES, {
  error: 'Choose confirmed, left message, no answer or cancelled.',
});

export const callMarkSchema = z.object({
  outcome: callOutcomeSchema,
  note: z.string().nullable(),
  markedBy: z.string(),
  markedAt: z.string(),
});
export type CallMark = z.infer<typeof callMarkSchema>;

export const callListEntrySchema = z.object({
  appointmentId: z.number(),
  date: z.string(),
  time: z.string(),
  doctorId: z.number(),
  doctorName: z.string(),
  patientId: z.number(),
  patientName: z.string(),
  patientNumber: z.string(),
  phone: z.string().nullable(),
  status: z.enum(APPOINTMENT_STATUSES),
  /** The latest call's outcome; null before the first call. */
  mark: callMarkSchema.nullable(),
  /** How many calls were marked (the history is `calls.history`). */
  calls: z.number(),
});
export type CallListEntry = z.infer<typeof callListEntrySchema>;

export const callListSchema = z.object({
  date: z.string(),
  doctorId: z.number().nullable(),
  entries: z.array(callListEntrySchema),
  /** Entries with at least one call marked. */
  called: z.number(),
});
export type CallList = z.infer<typeof callListSchema>;

/** A day and, optionally, one doctor (a doctor always gets their own). Without a date: tomorrow. */
const dayInput = z.object({ date: dateSchema.optional(), doctorId: idSchema.optional() });

const pdfSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });

export const callListChannels = {
  'calls.day': channel({
    description:
      'A day’s appointments to confirm (default tomorrow, clinic time), with phone numbers and each one’s latest call mark.',
    access: STAFF,
    input: dayInput,
    output: callListSchema,
  }),
  'calls.mark': channel({
    description:
      'Marks the outcome of a call (kept with who and when; earlier marks stay as history). "cancelled" also cancels the appointment with the note as reason.',
    access: DESK,
    input: z
      .object({
        appointmentId: idSchema,
        outcome: callOutcomeSchema,
        note: optionalTextSchema(300, 'note'),
      })
      .refine((v) => v.outcome !== 'cancelled' || v.note !== null, {
        message: 'Enter the reason for cancelling.',
        path: ['note'],
      }),
    output: callListEntrySchema,
  }),
  'calls.history': channel({
    description: 'Every call marked about one appointment, newest first.',
    access: STAFF,
    input: z.object({ appointmentId: idSchema }),
    output: z.array(callMarkSchema),
  }),
  'calls.csv': channel({
    description: 'The day’s call list as a CSV spreadsheet, for a clinic that sends reminders with its own SMS tool.',
    access: STAFF,
    input: dayInput.extend({ bom: z.boolean({ error: 'Choose whether to add a byte order mark.' }).optional() }),
    output: exportFileSchema,
  }),
  'printouts.dayList': channel({
    description:
      'A doctor’s or the whole clinic’s day list as an A4 PDF: time, patient, type, room, phone and a column for notes.',
    access: STAFF,
    input: z.object({ date: dateSchema, doctorId: idSchema.optional() }),
    output: pdfSchema,
  }),
  'printouts.appointmentCard': channel({
    description: 'A small appointment card PDF for the patient: clinic, patient, doctor, date and time.',
    access: STAFF,
    input: z.object({ appointmentId: idSchema }),
    output: pdfSchema,
  }),
} as const;
