import { z } from 'zod';
import { ADMIN, channel, done, noInput, type ChannelSpec } from './channel.ts';
import { connectionChannels } from './connection.ts';
import { exportsChannels } from './exports.ts';
import { frontDeskChannels } from './front-desk.ts';
import { operationsChannels, operationsEvents } from './operations.ts';
import { messagesChannels, messagesEvents } from './messages.ts';
import { paymentEvents, paymentsChannels } from './payments.ts';
import { scheduleChannels } from './schedule.ts';
import {
  clinicNameSchema,
  currencySchema,
  doctorProfileSchema,
  emailSchema,
  idSchema,
  optionalPhoneSchema,
  optionalTextSchema,
  passwordAttemptSchema,
  passwordSchema,
  personNameSchema,
  ROLES,
  searchQuerySchema,
  STAFF_ROLES,
  timeZoneSchema,
  versionSchema,
} from './fields.ts';

/**
 * The single source of truth for every channel between renderer and main: input and output
 * schemas, who may call it, and what it does. Main's dispatcher, the Electron preload and the
 * web-shell bridge are all built from this object, and their types are derived from it.
 */

export const sessionUserSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
});
export const sessionSchema = z.object({
  user: sessionUserSchema,
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

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

export const contract = {
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
  ...connectionChannels,
  'auth.session': channel({
    description: 'The session of this window, or null when nobody is signed in.',
    access: 'public',
    whileLocked: true,
    input: noInput,
    output: sessionSchema.nullable(),
  }),
  'auth.signIn': channel({
    description: 'Signs a staff member in with email and password.',
    access: 'public',
    input: z.object({ email: emailSchema, password: passwordAttemptSchema }),
    output: sessionSchema,
  }),
  'auth.signOut': channel({
    description: 'Signs this window out.',
    access: 'staff',
    whileLocked: true,
    input: noInput,
    output: done,
  }),
  'auth.lock': channel({
    description: 'Locks this window until the password is entered again.',
    access: 'staff',
    whileLocked: true,
    input: noInput,
    output: sessionSchema,
  }),
  'auth.unlock': channel({
    description: 'Unlocks a locked window with the signed-in user’s password.',
    access: 'staff',
    whileLocked: true,
    input: z.object({ password: passwordAttemptSchema }),
    output: sessionSchema,
  }),
  'auth.touch': channel({
    description: 'Tells main the user is active, so the idle lock starts counting again.',
    access: 'staff',
    input: noInput,
    output: done,
  }),
  'auth.changePassword': channel({
    description: 'Changes the signed-in user’s own password.',
    access: 'staff',
    input: z.object({ currentPassword: passwordAttemptSchema, newPassword: passwordSchema }),
    output: done,
  }),
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
  ...scheduleChannels,
  ...frontDeskChannels,
  ...operationsChannels,
  ...exportsChannels,
  ...messagesChannels,
  ...paymentsChannels,
} as const satisfies Record<string, ChannelSpec>;

/** Events main pushes to windows. Each payload is validated before it is sent. */
export const events = {
  /** This window's session was locked or ended by main (idle lock, deactivation). */
  'session.changed': z.object({ reason: z.enum(['locked', 'deactivated', 'restored']) }),
  /** The clinic settings changed at some desk. */
  'settings.changed': settingsSchema,
  /** Slots, templates or leave of a doctor changed: calendars refresh those dates. */
  'schedule.changed': z.object({ doctorId: z.number().nullable() }),
  /** An appointment was booked, moved or changed status: boards and calendars refresh. */
  'appointment.changed': z.object({
    appointmentId: z.number(),
    doctorId: z.number(),
    date: z.string(),
    status: z.string(),
  }),
  /** A staff account was created or changed (admins' windows refresh their lists). */
  'users.changed': z.object({ userId: z.number() }),
  ...operationsEvents,
  ...messagesEvents,
  ...paymentEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'SLOT_TAKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'UNKNOWN_CHANNEL',
  /** main cannot be reached (web shell server stopped, database server down) */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ClinicError {
  code: ErrorCode;
  /** A whole sentence for the user; never SQL, a stack trace or a file path. */
  message: string;
  /** Field path ("doctor.consultationFee") to a sentence about that field. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClinicError };

export { ROLES };
export type { Access, ChannelSpec } from './channel.ts';
