import { z } from 'zod';
import type { ChannelInput, ChannelOutput } from '#contract/index.ts';
import { contract } from '#contract/index.ts';
import { parseWith } from '../../lib/form-schema.ts';
import { typedTime } from './schedule-forms.ts';

const leaveShape = z.object({
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  partDay: z.boolean(),
  startTime: z.string(),
  endTime: z.string(),
  reason: z.string(),
  onBooked: z.enum(['', 'keep', 'cancel', 'reschedule']),
  cancelReason: z.string(),
});
export type LeaveFormValues = z.input<typeof leaveShape>;
export type LeaveInput = z.output<(typeof contract)['exceptions.addLeave']['input']>;
export type AffectedAppointment = ChannelOutput<'exceptions.previewLeave'>[number];

export const leaveSchema = (doctorId: number) =>
  leaveShape.transform((v, ctx) =>
    parseWith(
      contract['exceptions.addLeave'].input,
      {
        doctorId,
        startDate: v.startDate ?? undefined,
        // A one-day leave needs only its first day.
        endDate: v.endDate ?? v.startDate ?? undefined,
        startTime: v.partDay ? typedTime(v.startTime) : null,
        endTime: v.partDay ? typedTime(v.endTime) : null,
        reason: v.reason,
        onBooked: v.onBooked === '' ? undefined : v.onBooked,
        cancelReason: v.onBooked === 'cancel' ? v.cancelReason : null,
      },
      ctx,
    ),
  );

export const LEAVE_FIELD_NAMES = [
  'startDate',
  'endDate',
  'startTime',
  'endTime',
  'reason',
  'onBooked',
  'cancelReason',
] as const;

export const leaveDefaults = (today: string): LeaveFormValues => ({
  startDate: today,
  endDate: null,
  partDay: false,
  startTime: '',
  endTime: '',
  reason: '',
  onBooked: '',
  cancelReason: '',
});

/** The part of a leave that decides which appointments it covers. */
export function previewInput(input: LeaveInput): ChannelInput<'exceptions.previewLeave'> {
  const { doctorId, startDate, endDate, startTime, endTime } = input;
  return { doctorId, startDate, endDate, startTime: startTime ?? null, endTime: endTime ?? null };
}

export const previewKey = (input: LeaveInput): string => JSON.stringify(previewInput(input));

export const sameAppointments = (a: AffectedAppointment[], b: AffectedAppointment[]): boolean =>
  a.length === b.length && a.every((item, index) => item.appointmentId === b[index]?.appointmentId);
