import { z } from 'zod';
import { ADMIN, channel, noInput } from './channel.ts';
import {
  affectedAppointmentSchema,
  clinicNowSchema,
  dayDoctorSchema,
  doctorSchema,
  exceptionSchema,
  slotViewSchema,
  templateSchema,
} from './schedule-records.ts';
import {
  dateRangeCheck,
  dateSchema,
  doctorProfileSchema,
  idSchema,
  optionalTextSchema,
  reasonSchema,
  searchQuerySchema,
  slotMinutesSchema,
  textSchema,
  timeSchema,
  versionSchema,
  weekdaysSchema,
} from './fields.ts';

// Doctor profiles, weekly templates, leave and extra sessions, slots and the calendar views.
// Schedules are kept by admins and receptionists, and by each doctor for their own.
// The records these channels return are in schedule-records.ts.

const SCHEDULERS = ['admin', 'receptionist', 'doctor'] as const;

/** The most doctors one day-view read returns when paged: a page is what fits on a screen. */
export const DAY_PAGE_MAX = 50;

export * from './schedule-records.ts';

const templateFields = {
  weekdays: weekdaysSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  /** Defaults to the clinic's slot length. */
  slotMinutes: slotMinutesSchema.optional(),
  validFrom: dateSchema,
  validTo: dateSchema.nullable().optional(),
};

const endAfterStart = <T extends { startTime?: string | null | undefined; endTime?: string | null | undefined }>(
  value: T,
) => !value.startTime || !value.endTime || value.startTime < value.endTime;
const endAfterStartIssue = { message: 'The end time must be after the start time.', path: ['endTime'] };

/** Leave runs from its first to its last day, in order. */
const leaveDays = dateRangeCheck({ from: 'startDate', to: 'endDate' });

const generationSchema = z.object({ created: z.number(), removed: z.number() });

const doctorEditSchema = doctorProfileSchema.extend({ doctorId: idSchema, version: versionSchema });

export const scheduleChannels = {
  'doctors.list': channel({
    description: 'Doctors, searched by name or specialization.',
    access: 'staff',
    input: z.object({
      query: searchQuerySchema.optional(),
      specialization: textSchema('specialization').trim().max(80).optional(),
      availableOnly: z.boolean().optional(),
    }),
    output: z.array(doctorSchema),
  }),
  'doctors.get': channel({
    description: 'One doctor’s profile.',
    access: 'staff',
    input: z.object({ doctorId: idSchema }),
    output: doctorSchema,
  }),
  'doctors.specializations': channel({
    description: 'The specializations of the clinic’s doctors, for filters.',
    access: 'staff',
    input: noInput,
    output: z.array(z.string()),
  }),
  'doctors.update': channel({
    description: 'Edits a doctor’s profile (admins only).',
    access: ADMIN,
    input: doctorEditSchema,
    output: doctorSchema,
  }),
  'doctors.updateAbout': channel({
    description: 'A doctor edits the about text of their own profile.',
    access: ['admin', 'doctor'],
    input: z.object({ doctorId: idSchema, version: versionSchema, about: optionalTextSchema(2000, 'about text') }),
    output: doctorSchema,
  }),
  'templates.list': channel({
    description: 'A doctor’s weekly schedule rules.',
    access: 'staff',
    input: z.object({ doctorId: idSchema }),
    output: z.array(templateSchema),
  }),
  'templates.create': channel({
    description: 'Adds a weekly rule and generates its slots.',
    access: SCHEDULERS,
    input: z.object({ doctorId: idSchema, ...templateFields }).refine(endAfterStart, endAfterStartIssue),
    output: z.object({ template: templateSchema, generation: generationSchema }),
  }),
  'templates.update': channel({
    description: 'Changes a weekly rule and regenerates its free slots.',
    access: SCHEDULERS,
    input: z
      .object({ templateId: idSchema, version: versionSchema, ...templateFields })
      .refine(endAfterStart, endAfterStartIssue),
    output: z.object({ template: templateSchema, generation: generationSchema }),
  }),
  'templates.delete': channel({
    description: 'Removes a weekly rule and its free future slots; booked slots stay.',
    access: SCHEDULERS,
    input: z.object({ templateId: idSchema }),
    output: z.object({ generation: generationSchema }),
  }),
  'exceptions.list': channel({
    description: 'A doctor’s leave and extra sessions that end on or after a date.',
    access: 'staff',
    input: z.object({ doctorId: idSchema, from: dateSchema.optional() }),
    output: z.array(exceptionSchema),
  }),
  'exceptions.previewLeave': channel({
    description: 'The booked appointments that a planned leave would cover.',
    access: SCHEDULERS,
    input: z
      .object({
        doctorId: idSchema,
        startDate: dateSchema,
        endDate: dateSchema,
        startTime: timeSchema.nullable().optional(),
        endTime: timeSchema.nullable().optional(),
      })
      .superRefine(leaveDays)
      .refine(endAfterStart, endAfterStartIssue),
    output: z.array(affectedAppointmentSchema),
  }),
  'exceptions.addLeave': channel({
    description: 'Adds leave; booked appointments in it are kept, cancelled or listed for rescheduling as chosen.',
    access: SCHEDULERS,
    input: z
      .object({
        doctorId: idSchema,
        startDate: dateSchema,
        endDate: dateSchema,
        startTime: timeSchema.nullable().optional(),
        endTime: timeSchema.nullable().optional(),
        reason: reasonSchema('reason for the leave'),
        /** Required when the leave covers booked appointments. */
        onBooked: z
          .enum(['keep', 'cancel', 'reschedule'], { error: 'Choose what happens to the booked appointments.' })
          .optional(),
        cancelReason: optionalTextSchema(300, 'cancellation reason'),
      })
      .superRefine(leaveDays)
      .refine((v) => (v.startTime == null) === (v.endTime == null), {
        message: 'Give both a start and an end time, or neither for whole days.',
        path: ['endTime'],
      })
      .refine(endAfterStart, endAfterStartIssue)
      .refine((v) => v.onBooked !== 'cancel' || Boolean(v.cancelReason), {
        message: 'Enter the reason the appointments are cancelled.',
        path: ['cancelReason'],
      }),
    output: z.object({
      exception: exceptionSchema,
      affected: z.array(affectedAppointmentSchema),
      generation: generationSchema,
    }),
  }),
  'exceptions.addExtra': channel({
    description: 'Adds an extra session on a date and generates its slots.',
    access: SCHEDULERS,
    input: z
      .object({
        doctorId: idSchema,
        date: dateSchema,
        startTime: timeSchema,
        endTime: timeSchema,
        slotMinutes: slotMinutesSchema.optional(),
        reason: optionalTextSchema(300, 'note'),
      })
      .refine(endAfterStart, endAfterStartIssue),
    output: z.object({ exception: exceptionSchema, generation: generationSchema }),
  }),
  'exceptions.delete': channel({
    description: 'Removes a leave or extra session and regenerates the affected days.',
    access: SCHEDULERS,
    input: z.object({ exceptionId: idSchema }),
    output: z.object({ generation: generationSchema }),
  }),
  'slots.addManual': channel({
    description: 'Adds a one-off slot for a doctor.',
    access: SCHEDULERS,
    input: z
      .object({ doctorId: idSchema, date: dateSchema, startTime: timeSchema, endTime: timeSchema })
      .refine(endAfterStart, endAfterStartIssue),
    output: slotViewSchema,
  }),
  'slots.block': channel({
    description: 'Blocks a free slot (meeting, lunch) with a reason.',
    access: SCHEDULERS,
    input: z.object({ availabilityId: idSchema, reason: reasonSchema('reason for the block') }),
    output: slotViewSchema,
  }),
  'slots.unblock': channel({
    description: 'Makes a blocked slot bookable again.',
    access: SCHEDULERS,
    input: z.object({ availabilityId: idSchema }),
    output: slotViewSchema,
  }),
  'slots.generate': channel({
    description: 'Regenerates slots up to the horizon for one doctor or all (admins only).',
    access: ADMIN,
    input: z.object({ doctorId: idSchema.optional() }),
    output: generationSchema,
  }),
  'schedule.day': channel({
    description:
      'One day of every doctor’s slots (or one specialization’s, or one doctor’s), for the calendar; paged by doctor when a limit is given.',
    access: 'staff',
    input: z.object({
      date: dateSchema,
      specialization: textSchema('specialization').trim().max(80).optional(),
      doctorId: idSchema.optional(),
      /** The first doctor of the page, counted from 0 in name order; past the end, the last page. */
      offset: z
        .number({ error: 'The first doctor must be a number.' })
        .int({ error: 'The first doctor must be a whole number.' })
        .min(0, { error: 'The first doctor cannot be below 0.' })
        .optional(),
      /** Doctors per page; without it, every doctor of the day. */
      limit: z
        .number({ error: 'The page size must be a number.' })
        .int({ error: 'The page size must be a whole number.' })
        .min(1, { error: 'The page size must be at least 1.' })
        .max(DAY_PAGE_MAX, { error: `The page size can be at most ${DAY_PAGE_MAX} doctors.` })
        .optional(),
    }),
    output: z.object({
      date: z.string(),
      now: clinicNowSchema,
      doctors: z.array(dayDoctorSchema),
      slots: z.array(slotViewSchema),
      /** Every doctor matching the filters, on this page or not. */
      totalDoctors: z.number(),
      /** The first doctor of this page (0 without paging). */
      offset: z.number(),
    }),
  }),
  'schedule.week': channel({
    description: 'Seven days of one doctor’s slots from the Monday of the given date’s week.',
    access: 'staff',
    input: z.object({ doctorId: idSchema, date: dateSchema }),
    output: z.object({
      weekStart: z.string(),
      days: z.array(z.string()),
      now: clinicNowSchema,
      doctor: dayDoctorSchema,
      leave: z.array(exceptionSchema),
      slots: z.array(slotViewSchema),
    }),
  }),
  'schedule.myDay': channel({
    description: 'The signed-in doctor’s slots and patients for a day.',
    access: ['doctor'],
    input: z.object({ date: dateSchema.optional() }),
    output: z.object({
      date: z.string(),
      now: clinicNowSchema,
      doctor: dayDoctorSchema,
      slots: z.array(slotViewSchema),
    }),
  }),
  'schedule.whyNot': channel({
    description: 'Says whether a doctor can be booked at a date and time, and if not, every reason why.',
    access: 'staff',
    input: z.object({ doctorId: idSchema, date: dateSchema, time: timeSchema }),
    output: z.object({
      bookable: z.boolean(),
      reasons: z.array(
        z.object({
          code: z.enum(['doctor_unavailable', 'past', 'on_leave', 'blocked', 'booked', 'outside_hours']),
          message: z.string(),
        }),
      ),
      slot: slotViewSchema.nullable(),
    }),
  }),
  'schedule.nextFree': channel({
    description:
      'The next free slots of a doctor, or of any doctor of a specialization (with minutes: only starts with that much free time, for a long appointment type).',
    access: 'staff',
    input: z
      .object({
        doctorId: idSchema.optional(),
        specialization: textSchema('specialization').trim().min(1).max(80).optional(),
        fromDate: dateSchema.optional(),
        fromTime: timeSchema.optional(),
        limit: z.number().int().min(1).max(50).optional(),
        minutes: z
          .number({ error: 'Give the length in minutes.' })
          .int('Give whole minutes.')
          .min(5, 'Give at least 5 minutes.')
          .max(480, 'Give at most 480 minutes.')
          .optional(),
      })
      .refine((v) => v.doctorId !== undefined || v.specialization !== undefined, {
        message: 'Choose a doctor or a specialization.',
        path: ['doctorId'],
      }),
    output: z.array(slotViewSchema.extend({ doctorName: z.string(), specialization: z.string() })),
  }),
} as const;
