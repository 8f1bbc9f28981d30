import { z } from 'zod';
import { channel, DESK } from './channel.ts';
import {
  birthDateSchema,
  emailSchema,
  idSchema,
  optionalPhoneSchema,
  optionalTextSchema,
  personNameSchema,
  phoneSchema,
  searchQuerySchema,
  versionSchema,
} from './fields.ts';
import { boardAppointmentSchema, rescheduleSchema } from './front-desk.ts';

// patients: the patient registry.

export const patientSummarySchema = z.object({
  patientId: z.number(),
  /** The number printed on cards and receipts, e.g. P-000042. */
  patientNumber: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gender: z.string().nullable(),
  age: z.number().nullable(),
  dateOfBirth: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** A search hit: enough to tell two patients of one name apart without opening either. */
export const patientSearchResultSchema = patientSummarySchema.extend({
  /** The date of the latest visit the patient came to (checked in or later), up to today. */
  lastVisit: z.string().nullable(),
  /** The next booked appointment, today or later, still to come. */
  nextAppointment: z.object({ date: z.string(), time: z.string() }).nullable(),
});
export type PatientSearchResult = z.infer<typeof patientSearchResultSchema>;

export const patientDetailSchema = patientSummarySchema.extend({
  medicalNotes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  /** With the reason of each cancellation or no-show, as the board shows it. */
  appointments: z.array(boardAppointmentSchema),
  reschedules: z.array(rescheduleSchema.extend({ appointmentId: z.number() })),
});

const genderSchema = z.enum(['female', 'male', 'other', 'unknown'], {
  error: 'Choose female, male, other or unknown.',
});

const patientFields = {
  name: personNameSchema,
  phone: phoneSchema,
  email: z
    .union([z.literal('').transform(() => null), z.null(), emailSchema])
    .optional()
    .transform((v) => v ?? null),
  gender: genderSchema.nullable().optional(),
  age: z
    .number({ error: 'Enter the age in years.' })
    .int('Enter the age in whole years.')
    .min(0, 'The age cannot be negative.')
    .max(130, 'Enter an age of 130 or less.')
    .nullable()
    .optional(),
  dateOfBirth: birthDateSchema.nullable().optional(),
  medicalNotes: optionalTextSchema(4000, 'medical notes'),
};

export const patientsChannels = {
  'patients.search': channel({
    description:
      'Patients whose name, phone, email or number contains the typed text; whole surname, phone or number first, then the start of one, then recent visits.',
    access: 'staff',
    input: z.object({
      query: searchQuerySchema,
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: z.array(patientSearchResultSchema),
  }),
  'patients.findDuplicates': channel({
    description: 'Existing patients with the same name and phone, or the same email.',
    access: DESK,
    input: z.object({ name: personNameSchema, phone: optionalPhoneSchema, email: patientFields.email }),
    output: z.array(patientSummarySchema),
  }),
  'patients.register': channel({
    description: 'Registers a patient; refused while possible duplicates are not confirmed as different people.',
    access: DESK,
    input: z.object({ ...patientFields, confirmedNotDuplicate: z.boolean().optional() }),
    output: patientDetailSchema,
  }),
  'patients.update': channel({
    description: 'Edits a patient; refused if another desk saved first.',
    access: DESK,
    input: z.object({ patientId: idSchema, version: versionSchema, ...patientFields }),
    output: patientDetailSchema,
  }),
  'patients.get': channel({
    description: 'A patient with their appointments and reschedule history.',
    access: 'staff',
    input: z.object({ patientId: idSchema }),
    output: patientDetailSchema,
  }),
} as const;
