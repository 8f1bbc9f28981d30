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
  textSchema,
  versionSchema,
} from './fields.ts';
import { boardAppointmentSchema, rescheduleSchema } from './front-desk.ts';
import { languageTag } from '#shared/languages.ts';

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
  /** Set when what was typed is (the start of) the patient's ID or insurance member number. */
  matchedIdentifier: z.object({ kind: z.enum(['idNumber', 'insuranceMemberNumber']), value: z.string() }).optional(),
});
export type PatientSearchResult = z.infer<typeof patientSearchResultSchema>;

/** Another patient named on this one's page: their guardian, or a child they are guardian of. */
export const patientLinkSchema = z.object({
  patientId: z.number(),
  patientNumber: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
});
export type PatientLink = z.infer<typeof patientLinkSchema>;

export const ID_KINDS = ['national_id', 'passport', 'other'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** Demographics as stored: every one may be missing (a dash on screen). */
export const demographicsOutputSchema = z.object({
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  postcode: z.string().nullable(),
  country: z.string().nullable(),
  idNumber: z.string().nullable(),
  idKind: z.enum(ID_KINDS).nullable(),
  insuranceProvider: z.string().nullable(),
  insuranceMemberNumber: z.string().nullable(),
  /** A language code (BCP 47), e.g. "si" or "fr-CA". */
  preferredLanguage: z.string().nullable(),
  emergencyName: z.string().nullable(),
  emergencyRelation: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  guardianPatientId: z.number().nullable(),
});
export type Demographics = z.infer<typeof demographicsOutputSchema>;

export const patientDetailSchema = patientSummarySchema.extend({
  ...demographicsOutputSchema.shape,
  /** The guardian's name and number (linked both ways: the guardian's page lists this patient). */
  guardian: patientLinkSchema.nullable(),
  /** The patients this one is guardian of. */
  children: z.array(patientLinkSchema),
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

/** Letters A–Z, digits and the separators printed on cards; the search ignores the separators. */
const identifierSchema = (label: string) =>
  textSchema(label)
    .trim()
    .max(40, `Use at most 40 characters for the ${label}.`)
    .refine((v) => /^[A-Za-z0-9 ./-]*$/.test(v), `A ${label} may contain only letters A–Z, digits, spaces and - . /`)
    .refine((v) => v === '' || /[A-Za-z0-9]/.test(v), `Enter the ${label} with its letters or digits.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const languageSchema = textSchema('preferred language')
  .trim()
  .max(60, 'Choose a language from the list.')
  .nullable()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const tag = languageTag(v);
    if (tag !== null) return tag;
    ctx.issues.push({
      code: 'custom',
      input: v,
      message: 'Choose a language from the list, for example English or si.',
    });
    return z.NEVER;
  });

/** The demographic fields of the register and edit channels. */
const demographicFields = {
  addressLine1: optionalTextSchema(200, 'address'),
  addressLine2: optionalTextSchema(200, 'second address line'),
  city: optionalTextSchema(100, 'city'),
  postcode: optionalTextSchema(20, 'postcode'),
  country: optionalTextSchema(100, 'country'),
  idNumber: identifierSchema('ID number'),
  idKind: z
    .enum(ID_KINDS, { error: 'Choose national ID, passport or other.' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  insuranceProvider: optionalTextSchema(120, 'insurance provider'),
  insuranceMemberNumber: identifierSchema('insurance member number'),
  preferredLanguage: languageSchema,
  emergencyName: optionalTextSchema(120, 'emergency contact name'),
  emergencyRelation: optionalTextSchema(60, 'emergency contact relation'),
  emergencyPhone: optionalPhoneSchema,
  /** Another patient; never the patient themself. */
  guardianPatientId: idSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
};

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
  ...demographicFields,
};

/**
 * The patient fields a clinic can make required (settings.requiredPatientFields); name and
 * phone always are, and a second address line or a guardian never is.
 */
export const REQUIRABLE_PATIENT_FIELDS = [
  'email',
  'gender',
  'dateOfBirth',
  'addressLine1',
  'city',
  'postcode',
  'country',
  'idNumber',
  'idKind',
  'insuranceProvider',
  'insuranceMemberNumber',
  'preferredLanguage',
  'emergencyName',
  'emergencyRelation',
  'emergencyPhone',
] as const;
export type RequirablePatientField = (typeof REQUIRABLE_PATIENT_FIELDS)[number];

export const requiredPatientFieldsSchema = z
  .array(z.enum(REQUIRABLE_PATIENT_FIELDS, { error: 'Choose fields from the list.' }), {
    error: 'Choose the fields registration requires.',
  })
  .max(REQUIRABLE_PATIENT_FIELDS.length)
  .transform((fields) => [...new Set(fields)]);

export const patientsChannels = {
  'patients.search': channel({
    description:
      'Patients whose name, phone, email or number contains the typed text, or whose ID or insurance member number starts with it; whole surname, phone or number first, then the start of one, then recent visits.',
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
