import { z } from 'zod';
import { canonicalTimeZone, isUtcOffset } from '#shared/time-zones.ts';

// Field schemas shared by the contract (main validates with them) and the renderer's forms
// (react-hook-form uses the same ones), so a field is judged the same way on both sides.
// Messages are whole sentences a receptionist understands.

export const STAFF_ROLES = ['admin', 'receptionist', 'doctor'] as const;
export const ROLES = [...STAFF_ROLES, 'patient'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

/**
 * Control characters other than tab and new line (C0, DEL and C1): invisible on screen,
 * PostgreSQL refuses U+0000 in any text, and a stored one stops the move to a server.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Pasted text keeps its line breaks as \n: Windows' \r\n and a lone \r become \n. */
export const normalizeLineBreaks = (value: string): string => value.replace(/\r\n?/g, '\n');

function refuseInvisible(schema: z.ZodString, label: string): z.ZodString {
  return schema
    .refine((v) => !CONTROL_CHARACTER.test(v), {
      error: `Remove the invisible control character from the ${label}.`,
      abort: true,
    })
    .refine((v) => v.isWellFormed(), {
      // A lone UTF-16 surrogate: half of an emoji, from a broken paste or a buggy client.
      error: `Type the ${label} again: it contains a broken character (half of an emoji or symbol).`,
      abort: true,
    });
}

/**
 * Every text input of the contract starts here (tests/unit/contract-text.test.ts walks every
 * channel to make sure): line breaks normalised, then control and broken characters refused
 * with a sentence naming the field. Chain `.trim()`, `.min()`, `.max()` after it.
 */
export const textSchema = (label: string, error = `Enter the ${label} as text.`): z.ZodString =>
  refuseInvisible(z.string({ error }).overwrite(normalizeLineBreaks), label);

/** The same refusals for a secret (passwords), kept exactly as typed: nothing is normalised. */
export const secretTextSchema = (label: string, error = `Enter the ${label}.`): z.ZodString =>
  refuseInvisible(z.string({ error }), label);

/** A search box's text. */
export const searchQuerySchema = textSchema('search text').trim().max(120, 'Use at most 120 characters to search.');

export const idSchema = z.number({ error: 'Choose a record.' }).int().positive();
export const versionSchema = z.number({ error: 'Reload the record and try again.' }).int().positive();

export const personNameSchema = textSchema('name', 'Enter a name.')
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters for the name.');

export const emailSchema = textSchema('email address', 'Enter an email address.')
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

export const phoneSchema = textSchema('phone number', 'Enter a phone number.')
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
export const passwordSchema = secretTextSchema('password', 'Enter a password.')
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`)
  .max(200, 'Use at most 200 characters for the password.');

/** A password being checked (sign-in, unlock): any non-empty text, the service decides. */
export const passwordAttemptSchema = secretTextSchema('password', 'Enter your password.')
  .min(1, 'Enter your password.')
  .max(200, 'Use at most 200 characters for the password.');

/** A staff member's email and password: signing in, and an administrator confirming a step. */
export const credentialsSchema = z.object({ email: emailSchema, password: passwordAttemptSchema });

/** A zone Intl knows, stored by its canonical IANA name (europe/berlin → Europe/Berlin, Asia/Calcutta → Asia/Kolkata). */
export const timeZoneSchema = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (canonical !== null) return canonical;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: isUtcOffset(value)
        ? 'Choose a time zone by its name, for example Asia/Kolkata, not a UTC offset: the name follows daylight saving time.'
        : 'Choose a time zone from the list, for example Europe/London.',
    });
    return z.NEVER;
  });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string({ error: 'Choose a currency.' })
  .trim()
  .toUpperCase()
  .refine((v) => CURRENCIES.has(v), 'Choose a currency code from the list, for example USD or EUR.');

export const clinicNameSchema = textSchema('clinic name', 'Enter the clinic name.')
  .trim()
  .min(1, 'Enter the clinic name.')
  .max(120, 'Use at most 120 characters for the clinic name.');

export const optionalTextSchema = (max: number, label: string) =>
  textSchema(label)
    .trim()
    .max(max, `Use at most ${max} characters for the ${label}.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const doctorProfileSchema = z.object({
  specialization: textSchema('specialization', 'Enter the specialization.')
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

const REAL_DATE_MESSAGE = 'Enter a real date as YYYY-MM-DD, for example 2026-03-14.';

/** A birth date: any real calendar date (the clinic calendar's bounds below do not apply). */
export const birthDateSchema = z.string({ error: 'Enter a date.' }).refine(isRealDate, REAL_DATE_MESSAGE);

/** The clinic's calendar: every appointment, schedule, report and export date lies in it. */
export const FIRST_CLINIC_DATE = '2000-01-01';
export const LAST_CLINIC_DATE = '2199-12-31';

const isClinicDate = (value: string): boolean =>
  isRealDate(value) && value >= FIRST_CLINIC_DATE && value <= LAST_CLINIC_DATE;

/**
 * A date on the clinic's calendar. The bounds keep every date (and the day after it) four
 * digits long, so string order is date order and no day-by-day walk can run to year 10000,
 * which would sort before 9999 and never end.
 */
export const dateSchema = z.string({ error: 'Enter a date.' }).superRefine((value, ctx) => {
  if (!isRealDate(value)) ctx.addIssue({ code: 'custom', message: REAL_DATE_MESSAGE });
  else if (!isClinicDate(value))
    ctx.addIssue({ code: 'custom', message: `Choose a date between ${FIRST_CLINIC_DATE} and ${LAST_CLINIC_DATE}.` });
});

/** The longest range one report or export covers, in days (both ends included). */
export const RANGE_MAX_DAYS = 366;

const dayNumber = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/** Days from `from` to `to`, both included. */
export const rangeDays = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from)) + 1;

/**
 * The one check of every pair of dates in the contract: the last day is not before the first
 * and, with `maxDays` (reports, exports), the range is at most that long. The refusal names
 * the last day, where the user fixes it; a pair with a bad date is left to that date's message.
 */
export function dateRangeCheck<F extends string, T extends string>(keys: { from: F; to: T }, maxDays?: number) {
  return (value: Partial<Record<F | T, string | null | undefined>>, ctx: z.RefinementCtx): void => {
    const from = value[keys.from];
    const to = value[keys.to];
    if (typeof from !== 'string' || typeof to !== 'string' || !isClinicDate(from) || !isClinicDate(to)) return;
    if (to < from)
      ctx.addIssue({ code: 'custom', path: [keys.to], message: 'The last day must be on or after the first day.' });
    else if (maxDays !== undefined && rangeDays(from, to) > maxDays)
      ctx.addIssue({ code: 'custom', path: [keys.to], message: `Choose at most ${maxDays} days.` });
  };
}

/** `from`/`to` in order; for lists and filters, whose reads are paged or limited. */
export const orderedRange = dateRangeCheck({ from: 'from', to: 'to' });
/** `from`/`to` in order and at most RANGE_MAX_DAYS long: every report and export. */
export const boundedRange = dateRangeCheck({ from: 'from', to: 'to' }, RANGE_MAX_DAYS);

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
  textSchema(label, `Enter the ${label}.`)
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(300, `Use at most 300 characters for the ${label}.`);
