import { z } from 'zod';

// Field schemas shared by the contract (main validates with them) and the renderer's forms
// (react-hook-form uses the same ones), so a field is judged the same way on both sides.
// Messages are whole sentences a receptionist understands.

export const STAFF_ROLES = ['admin', 'receptionist', 'doctor'] as const;
export const ROLES = [...STAFF_ROLES, 'patient'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const idSchema = z.number({ error: 'Choose a record.' }).int().positive();
export const versionSchema = z.number({ error: 'Reload the record and try again.' }).int().positive();

export const personNameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters for the name.');

export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'This email address is too long.')
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

/** Phone numbers are stored as digits with an optional leading +, whatever was typed around them. */
export function normalizePhone(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

export const phoneSchema = z
  .string({ error: 'Enter a phone number.' })
  .max(40, 'This phone number is too long.')
  .refine((v) => /^[+\d\s().-]*$/.test(v.trim()), 'A phone number may contain only digits, spaces, + ( ) - and .')
  .transform(normalizePhone)
  .refine(
    (v) => v.replace('+', '').length >= 6 && v.replace('+', '').length <= 15,
    'Enter a phone number of 6 to 15 digits.',
  );

/** Optional phone: an empty string means "no phone". */
export const optionalPhoneSchema = z
  .union([z.literal('').transform(() => null), z.null(), phoneSchema])
  .optional()
  .transform((v) => v ?? null);

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`)
  .max(200, 'Use at most 200 characters for the password.');

/** A password being checked (sign-in, unlock): any non-empty text, the service decides. */
export const passwordAttemptSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(200, 'Use at most 200 characters for the password.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .refine(isTimeZone, 'Choose a time zone from the list, for example Europe/London.');

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string({ error: 'Choose a currency.' })
  .trim()
  .toUpperCase()
  .refine((v) => CURRENCIES.has(v), 'Choose a currency code from the list, for example USD or EUR.');

export const clinicNameSchema = z
  .string({ error: 'Enter the clinic name.' })
  .trim()
  .min(1, 'Enter the clinic name.')
  .max(120, 'Use at most 120 characters for the clinic name.');

export const optionalTextSchema = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label} as text.` })
    .trim()
    .max(max, `Use at most ${max} characters for the ${label}.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const doctorProfileSchema = z.object({
  specialization: z
    .string({ error: 'Enter the specialization.' })
    .trim()
    .min(1, 'Enter the specialization.')
    .max(80, 'Use at most 80 characters for the specialization.'),
  experienceYears: z
    .number({ error: 'Enter the years of experience as a number.' })
    .int('Enter whole years of experience.')
    .min(0, 'Years of experience cannot be negative.')
    .max(80, 'Years of experience must be 80 or fewer.'),
  consultationFee: z
    .number({ error: 'Enter the consultation fee as a number.' })
    .min(0, 'The consultation fee cannot be negative.')
    .max(1_000_000, 'The consultation fee must be at most 1,000,000.')
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'Use at most two decimals for the fee.'),
  about: optionalTextSchema(2000, 'about text'),
  rating: z
    .number({ error: 'Enter the rating as a number.' })
    .min(0, 'The rating must be between 0 and 5.')
    .max(5, 'The rating must be between 0 and 5.')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  isAvailable: z.boolean({ error: 'Choose whether the doctor takes bookings.' }),
});
export type DoctorProfileInput = z.input<typeof doctorProfileSchema>;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const dateSchema = z
  .string({ error: 'Enter a date.' })
  .refine(isRealDate, 'Enter a real date as YYYY-MM-DD, for example 2026-03-14.');

export const timeSchema = z
  .string({ error: 'Enter a time.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM on the 24-hour clock, for example 09:30 or 14:00.');

export const slotMinutesSchema = z
  .number({ error: 'Enter the slot length in minutes.' })
  .int('Enter whole minutes for the slot length.')
  .min(5, 'Slots must be at least 5 minutes long.')
  .max(240, 'Slots must be at most 240 minutes long.');

/** 0 = Sunday ... 6 = Saturday, as JavaScript numbers weekdays. */
export const weekdaysSchema = z
  .array(z.number().int().min(0).max(6), { error: 'Choose at least one weekday.' })
  .min(1, 'Choose at least one weekday.')
  .max(7, 'Choose at most seven weekdays.')
  .refine((days) => new Set(days).size === days.length, 'Choose each weekday only once.');

export const reasonSchema = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(300, `Use at most 300 characters for the ${label}.`);
