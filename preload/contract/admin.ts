import { z } from 'zod';
import { ADMIN, channel, done, noInput } from './channel.ts';
import {
  clinicNameSchema,
  currencySchema,
  doctorProfileSchema,
  emailSchema,
  idSchema,
  optionalPhoneSchema,
  optionalTextSchema,
  passwordSchema,
  personNameSchema,
  searchQuerySchema,
  STAFF_ROLES,
  timeZoneSchema,
  versionSchema,
} from './fields.ts';
import { sessionSchema } from './auth.ts';
import { REQUIRABLE_PATIENT_FIELDS, requiredPatientFieldsSchema } from './patients.ts';

// admin: first-run setup, clinic settings and staff accounts.

export const settingsSchema = z.object({
  clinicName: z.string(),
  clinicAddress: z.string().nullable(),
  timeZone: z.string(),
  currency: z.string(),
  defaultSlotMinutes: z.number(),
  idleLockMinutes: z.number(),
  timeFormat: z.enum(['24h', '12h']),
  /** How many weeks ahead slots are generated. */
  scheduleHorizonWeeks: z.number(),
  /** Refunds above this (major units) need an admin; 0 means every refund needs one. */
  refundApprovalThreshold: z.number(),
  /** A patient still scheduled this many minutes after their time is marked a likely no-show. */
  likelyNoShowMinutes: z.number(),
  /** The patient fields registering and editing a patient requires, beyond name and phone. */
  requiredPatientFields: z.array(z.enum(REQUIRABLE_PATIENT_FIELDS)),
  version: z.number(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.object({
  version: versionSchema,
  clinicName: clinicNameSchema,
  clinicAddress: optionalTextSchema(300, 'clinic address'),
  timeZone: timeZoneSchema,
  currency: currencySchema,
  defaultSlotMinutes: z
    .number({ error: 'Enter the slot length in minutes.' })
    .int('Enter whole minutes for the slot length.')
    .min(5, 'Slots must be at least 5 minutes long.')
    .max(240, 'Slots must be at most 240 minutes long.'),
  idleLockMinutes: z
    .number({ error: 'Enter the idle lock time in minutes.' })
    .int('Enter whole minutes for the idle lock.')
    .min(1, 'The idle lock must be at least 1 minute.')
    .max(240, 'The idle lock must be at most 240 minutes.'),
  timeFormat: z.enum(['24h', '12h'], { error: 'Choose 24-hour or 12-hour time.' }),
  /** How many weeks ahead slots are generated. Left out: unchanged. */
  scheduleHorizonWeeks: z
    .number({ error: 'Enter the booking horizon in weeks.' })
    .int('Enter whole weeks for the booking horizon.')
    .min(1, 'The booking horizon must be at least 1 week.')
    .max(104, 'The booking horizon must be at most 104 weeks.')
    .optional(),
  /** Refunds above this amount (major units) need an admin. Left out: unchanged. */
  refundApprovalThreshold: z
    .number({ error: 'Enter the refund approval limit as a number.' })
    .min(0, 'The refund approval limit cannot be negative.')
    .max(1_000_000_000, 'The refund approval limit must be at most 1,000,000,000.')
    .optional(),
  /** Minutes after the appointment time a scheduled patient is marked a likely no-show. Left out: unchanged. */
  likelyNoShowMinutes: z
    .number({ error: 'Enter the likely no-show time in minutes.' })
    .int('Enter whole minutes for the likely no-show time.')
    .min(1, 'The likely no-show time must be at least 1 minute.')
    .max(480, 'The likely no-show time must be at most 480 minutes.')
    .optional(),
  /** The patient fields the clinic requires. Left out: unchanged. */
  requiredPatientFields: requiredPatientFieldsSchema.optional(),
});

export const setupInputSchema = z.object({
  clinicName: clinicNameSchema,
  clinicAddress: optionalTextSchema(300, 'clinic address'),
  timeZone: timeZoneSchema,
  currency: currencySchema,
  adminName: personNameSchema,
  adminEmail: emailSchema,
  adminPassword: passwordSchema,
});

export const doctorProfileOutputSchema = z.object({
  specialization: z.string(),
  experienceYears: z.number(),
  consultationFee: z.number(),
  about: z.string().nullable(),
  rating: z.number().nullable(),
  isAvailable: z.boolean(),
});

export const staffUserSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(['active', 'inactive', 'locked']),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  doctor: doctorProfileOutputSchema.nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

const staffFields = {
  name: personNameSchema,
  email: emailSchema,
  phone: optionalPhoneSchema,
};

export const userCreateSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ ...staffFields, role: z.literal('admin'), password: passwordSchema }),
    z.object({ ...staffFields, role: z.literal('receptionist'), password: passwordSchema }),
    z.object({ ...staffFields, role: z.literal('doctor'), password: passwordSchema, doctor: doctorProfileSchema }),
  ],
  { error: 'Choose a role: admin, receptionist or doctor.' },
);

export const userUpdateSchema = z.object({
  userId: idSchema,
  version: versionSchema,
  ...staffFields,
  /** Required for doctors, ignored for other roles. */
  doctor: doctorProfileSchema.optional(),
});

/** First run (public until the clinic exists). */
export const adminSetupChannels = {
  'setup.status': channel({
    description: 'Tells whether first-run setup is still needed.',
    access: 'public',
    input: noInput,
    output: z.object({ needsSetup: z.boolean(), clinicName: z.string().nullable() }),
  }),
  'setup.complete': channel({
    description: 'First run: saves the clinic settings, creates the first admin and signs them in.',
    access: 'public',
    input: setupInputSchema,
    output: sessionSchema,
  }),
} as const;

export const adminChannels = {
  'settings.get': channel({
    description: 'The clinic settings.',
    access: 'staff',
    input: noInput,
    output: settingsSchema,
  }),
  'settings.update': channel({
    description: 'Saves the clinic settings (admins only).',
    access: ADMIN,
    input: settingsUpdateSchema,
    output: settingsSchema,
  }),
  'users.list': channel({
    description: 'Staff accounts, filtered by text, role and status.',
    access: ADMIN,
    input: z.object({
      query: searchQuerySchema.optional(),
      role: z.enum(STAFF_ROLES).optional(),
      status: z.enum(['active', 'inactive', 'locked']).optional(),
    }),
    output: z.array(staffUserSchema),
  }),
  'users.get': channel({
    description: 'One staff account with its doctor profile.',
    access: ADMIN,
    input: z.object({ userId: idSchema }),
    output: staffUserSchema,
  }),
  'users.create': channel({
    description: 'Creates a staff account (a doctor account gets its doctor profile).',
    access: ADMIN,
    input: userCreateSchema,
    output: staffUserSchema,
  }),
  'users.update': channel({
    description: 'Edits a staff account; refused if someone else saved it first.',
    access: ADMIN,
    input: userUpdateSchema,
    output: staffUserSchema,
  }),
  'users.setStatus': channel({
    description: 'Deactivates or reactivates a staff account (also clears a lockout).',
    access: ADMIN,
    input: z.object({
      userId: idSchema,
      status: z.enum(['active', 'inactive'], { error: 'Choose active or inactive.' }),
    }),
    output: staffUserSchema,
  }),
  'users.resetPassword': channel({
    description: 'Sets a new password for a staff account and clears its lockout.',
    access: ADMIN,
    input: z.object({ userId: idSchema, newPassword: passwordSchema }),
    output: done,
  }),
} as const;
