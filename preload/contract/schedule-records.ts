import { z } from 'zod';

// The schedule domain's records, as the schedule channels return them.

export const doctorSchema = z.object({
  doctorId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  specialization: z.string(),
  experienceYears: z.number(),
  consultationFee: z.number(),
  about: z.string().nullable(),
  rating: z.number().nullable(),
  isAvailable: z.boolean(),
  /** False when the doctor's account is deactivated. */
  accountActive: z.boolean(),
  version: z.number(),
});
export type Doctor = z.infer<typeof doctorSchema>;

export const templateSchema = z.object({
  templateId: z.number(),
  doctorId: z.number(),
  weekdays: z.array(z.number()),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});
export type Template = z.infer<typeof templateSchema>;

export const exceptionSchema = z.object({
  exceptionId: z.number(),
  doctorId: z.number(),
  kind: z.enum(['leave', 'extra']),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  slotMinutes: z.number().nullable(),
  reason: z.string().nullable(),
});
export type ScheduleException = z.infer<typeof exceptionSchema>;

export const SLOT_STATES = ['free', 'booked', 'blocked', 'leave', 'past'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const slotViewSchema = z.object({
  availabilityId: z.number(),
  doctorId: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  state: z.enum(SLOT_STATES),
  source: z.enum(['template', 'extra', 'manual', 'walk_in']),
  blockedReason: z.string().nullable(),
  appointment: z
    .object({
      appointmentId: z.number(),
      patientId: z.number(),
      patientName: z.string(),
      status: z.string(),
      /** Its appointment type's name and colour, and its room; null or left out: none. */
      typeName: z.string().nullable().optional(),
      typeColour: z.string().nullable().optional(),
      resourceId: z.number().nullable().optional(),
      resourceName: z.string().nullable().optional(),
    })
    .nullable(),
  /** Why this slot cannot be booked, as a sentence; null when it can. */
  unavailableReason: z.string().nullable(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

const leavePeriodSchema = z.object({
  exceptionId: z.number(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  reason: z.string().nullable(),
});

export const dayDoctorSchema = z.object({
  doctorId: z.number(),
  name: z.string(),
  specialization: z.string(),
  isAvailable: z.boolean(),
  /** Leave on this date (whole day when the times are null). */
  leave: z.array(leavePeriodSchema),
});

export const clinicNowSchema = z.object({ date: z.string(), time: z.string() });

export const affectedAppointmentSchema = z.object({
  appointmentId: z.number(),
  patientName: z.string(),
  date: z.string(),
  time: z.string(),
  status: z.string(),
});
