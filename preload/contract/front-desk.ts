import { z } from 'zod';
import { APPOINTMENT_STATUSES, CALL_OUTCOMES, type StatusMoveTarget } from '#shared/statuses.ts';
import { ADMIN, channel, DESK } from './channel.ts';
import type { StaffRole } from './fields.ts';
import { dateRangeCheck, dateSchema, idSchema, optionalTextSchema, reasonSchema, textSchema } from './fields.ts';
import { slotViewSchema } from './schedule-records.ts';

// front-desk: the life of an appointment, walk-ins and the waitlist.

/**
 * Who may make each status move (the moves themselves are STATUS_MOVES in #shared/statuses.ts).
 * The channels' access below is built from it; main's service and the window's buttons read it.
 * A doctor moves only appointments with themselves (the service checks that scope).
 */
export const STATUS_MOVE_ROLES = {
  checked_in: DESK,
  in_consultation: ['admin', 'doctor'],
  completed: ['admin', 'doctor'],
  cancelled: DESK,
  no_show: DESK,
} as const satisfies Record<StatusMoveTarget, readonly StaffRole[]>;

/** Whether this role may move an appointment to `to` (ignoring the doctor's own-patients scope). */
export const mayMoveTo = (role: StaffRole, to: StatusMoveTarget): boolean =>
  (STATUS_MOVE_ROLES[to] as readonly StaffRole[]).includes(role);

export const appointmentSchema = z.object({
  appointmentId: z.number(),
  doctorId: z.number(),
  doctorName: z.string(),
  patientId: z.number(),
  patientName: z.string(),
  availabilityId: z.number(),
  date: z.string(),
  time: z.string(),
  endTime: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  isWalkIn: z.boolean(),
  needsRescheduleReason: z.string().nullable(),
  /** When the patient checked in (UTC), for the waiting timer. */
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
  /** Its appointment type (name and calendar colour); null or left out: none. */
  appointmentTypeId: z.number().nullable().optional(),
  typeName: z.string().nullable().optional(),
  typeColour: z.string().nullable().optional(),
  /** The room or resource it uses; null or left out: none. */
  resourceId: z.number().nullable().optional(),
  resourceName: z.string().nullable().optional(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

const historyStepSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  isUndo: z.boolean(),
});

export const rescheduleSchema = z.object({
  oldDate: z.string(),
  oldTime: z.string(),
  newDate: z.string(),
  newTime: z.string(),
  reason: z.string().nullable(),
  rescheduledAt: z.string(),
  rescheduledBy: z.string().nullable(),
});

const idOnly = z.object({ appointmentId: idSchema });

export const waitlistEntrySchema = z.object({
  waitlistId: z.number(),
  patientId: z.number(),
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  doctorId: z.number().nullable(),
  doctorName: z.string().nullable(),
  specialization: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});

export const waitlistMatchSchema = z.object({
  entry: waitlistEntrySchema,
  /** The earliest free slot that fits the entry. */
  slot: z.object({
    availabilityId: z.number(),
    doctorId: z.number(),
    doctorName: z.string(),
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
  }),
});

/** What booking preselects for a returning patient (`appointments.suggestBooking`). */
export const bookingSuggestionSchema = z.object({
  /** The usual doctor: of the last visit seen, else of the last booking; null for a new patient. */
  doctor: z
    .object({
      doctorId: z.number(),
      name: z.string(),
      specialization: z.string(),
      basis: z.enum(['last_seen', 'last_booked']),
    })
    .nullable(),
  /** That doctor's first free slot from now; null when there is none. */
  slot: slotViewSchema.extend({ doctorName: z.string(), specialization: z.string() }).nullable(),
});
export type BookingSuggestion = z.infer<typeof bookingSuggestionSchema>;

/** The most appointments one board read returns: the board pages through a big clinic's day. */
export const BOARD_PAGE_MAX = 200;

export const boardAppointmentSchema = appointmentSchema.extend({
  /** Why it was cancelled or marked a no-show (the last status step's reason), else null. */
  statusReason: z.string().nullable(),
  /** The latest confirmation call's outcome (the call list), else null; the board reads it, other screens leave it out. */
  callMark: z.enum(CALL_OUTCOMES).nullable().optional(),
});
export type BoardAppointment = z.infer<typeof boardAppointmentSchema>;

const boardSchema = z.object({
  date: z.string(),
  now: z.object({ date: z.string(), time: z.string() }),
  /** This page, in time order (a doctor's own appointments first when a doctor reads it). */
  appointments: z.array(boardAppointmentSchema),
  /** The first appointment of this page. */
  offset: z.number(),
  /** Every appointment of the day matching the doctor filter, on this page or not. */
  total: z.number(),
  /** The whole day's appointments per status, for the same doctor filter. */
  statusCounts: z.record(z.enum(APPOINTMENT_STATUSES), z.number()),
  /** Every doctor with appointments that day (ignoring the filter), by name, with their count. */
  doctors: z.array(z.object({ doctorId: z.number(), name: z.string(), count: z.number() })),
  /** The clinic's setting: minutes after the time a scheduled patient is a likely no-show. */
  likelyNoShowMinutes: z.number(),
});
export type Board = z.infer<typeof boardSchema>;

export const frontDeskChannels = {
  'appointments.book': channel({
    description:
      'Books a free slot for a patient, as a type (joining slots for a long one) and with a room when asked.',
    access: DESK,
    input: z.object({
      availabilityId: idSchema,
      patientId: idSchema,
      /** Given when the desk confirms booking over the patient's other appointment at that time. */
      overlapOverrideReason: optionalTextSchema(300, 'reason for the double appointment'),
      /** A type longer than the slot joins the free slots after it into one. */
      appointmentTypeId: idSchema.nullable().optional(),
      /** The desk's choice of room; without it, a type that needs one gets the first free one. */
      resourceId: idSchema.nullable().optional(),
    }),
    output: appointmentSchema,
  }),
  'appointments.suggestBooking': channel({
    description: 'A returning patient’s usual doctor (last seen, else last booked) and that doctor’s first free slot.',
    access: DESK,
    input: z.object({ patientId: idSchema }),
    output: bookingSuggestionSchema,
  }),
  'appointments.get': channel({
    description: 'One appointment with every status step.',
    access: 'staff',
    input: idOnly,
    output: appointmentSchema.extend({ history: z.array(historyStepSchema), reschedules: z.array(rescheduleSchema) }),
  }),
  'appointments.checkIn': channel({
    description: 'The patient has arrived.',
    access: STATUS_MOVE_ROLES.checked_in,
    input: idOnly,
    output: appointmentSchema,
  }),
  'appointments.startConsultation': channel({
    description: 'The doctor calls the patient in.',
    access: STATUS_MOVE_ROLES.in_consultation,
    input: idOnly,
    output: appointmentSchema,
  }),
  'appointments.complete': channel({
    description: 'The visit is over.',
    access: STATUS_MOVE_ROLES.completed,
    input: idOnly,
    output: appointmentSchema,
  }),
  'appointments.noShow': channel({
    description: 'The patient did not come; frees the slot. What the desk knows (optional) is kept as the reason.',
    access: STATUS_MOVE_ROLES.no_show,
    input: z.object({ appointmentId: idSchema, reason: optionalTextSchema(200, 'reason for the no-show') }),
    output: appointmentSchema,
  }),
  'appointments.cancel': channel({
    description: 'Cancels with a reason and frees the slot; the appointment stays in history.',
    access: STATUS_MOVE_ROLES.cancelled,
    input: z.object({ appointmentId: idSchema, reason: reasonSchema('reason for cancelling') }),
    output: appointmentSchema,
  }),
  'appointments.undoLastStep': channel({
    description: 'Undoes the last status step of an appointment (admins only, audited).',
    access: ADMIN,
    input: z.object({ appointmentId: idSchema, reason: reasonSchema('reason for the undo') }),
    output: appointmentSchema,
  }),
  'appointments.reschedule': channel({
    description: 'Moves an appointment to another free slot in one step, keeping its payment and history.',
    access: DESK,
    input: z.object({
      appointmentId: idSchema,
      newAvailabilityId: idSchema,
      reason: reasonSchema('reason for the change'),
    }),
    output: appointmentSchema,
  }),
  'appointments.walkIn': channel({
    description:
      'Sees a patient today without an appointment: the next free slot, or a new one now, checked in at once.',
    access: DESK,
    input: z.object({
      patientId: idSchema,
      doctorId: idSchema,
      overlapOverrideReason: optionalTextSchema(300, 'reason for the double appointment'),
    }),
    output: appointmentSchema,
  }),
  'appointments.board': channel({
    description:
      'One page of a day’s appointments (every doctor, or one), in time order, for the flow board; with the whole day’s counts.',
    access: 'staff',
    input: z.object({
      date: dateSchema.optional(),
      doctorId: idSchema.optional(),
      /** The first appointment of the page, counted from 0. */
      offset: z
        .number({ error: 'The first appointment must be a number.' })
        .int({ error: 'The first appointment must be a whole number.' })
        .min(0, { error: 'The first appointment cannot be below 0.' })
        .optional(),
      /** Appointments per page; without it, BOARD_PAGE_MAX. */
      limit: z
        .number({ error: 'The page size must be a number.' })
        .int({ error: 'The page size must be a whole number.' })
        .min(1, { error: 'The page size must be at least 1.' })
        .max(BOARD_PAGE_MAX, { error: `The page size can be at most ${BOARD_PAGE_MAX} appointments.` })
        .optional(),
    }),
    output: boardSchema,
  }),
  'waitlist.add': channel({
    description: 'Puts a patient on the waitlist for a doctor or a specialization between two dates.',
    access: DESK,
    input: z
      .object({
        patientId: idSchema,
        doctorId: idSchema.optional(),
        specialization: textSchema('specialization').trim().min(1).max(80).optional(),
        fromDate: dateSchema,
        toDate: dateSchema,
        notes: optionalTextSchema(300, 'note'),
      })
      .refine((v) => v.doctorId !== undefined || v.specialization !== undefined, {
        message: 'Choose a doctor or a specialization.',
        path: ['doctorId'],
      })
      .superRefine(dateRangeCheck({ from: 'fromDate', to: 'toDate' })),
    output: waitlistEntrySchema,
  }),
  'waitlist.list': channel({
    description: 'Everyone still waiting, earliest first.',
    access: 'staff',
    input: z.object({}),
    output: z.array(waitlistEntrySchema),
  }),
  'waitlist.remove': channel({
    description: 'Takes a patient off the waitlist.',
    access: DESK,
    input: z.object({ waitlistId: idSchema }),
    output: z.object({ done: z.literal(true) }),
  }),
  'waitlist.matches': channel({
    description: 'Waiting patients for whom a free slot exists now, with the earliest such slot.',
    access: DESK,
    input: z.object({}),
    output: z.array(waitlistMatchSchema),
  }),
  'waitlist.book': channel({
    description: 'Books a free slot for a waiting patient and takes them off the waitlist, in one step.',
    access: DESK,
    input: z.object({ waitlistId: idSchema, availabilityId: idSchema }),
    output: appointmentSchema,
  }),
} as const;
