import type { Kysely } from 'kysely';
import type { Database, ExceptionRow } from '#db/schema.ts';
import { hotQuery } from '#db/hot-query.ts';
import type { SlotState, SlotView } from '#contract/schedule.ts';
import { timeToMinutes } from '#shared/dates.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import type { ClinicCalendar } from '../core/clinic-clock.ts';

// Reading slots with what the calendar needs to show about each: state, patient, and the
// reason it cannot be booked. One query per view; the indexes are (doctor_id, date, start)
// and (date, start).

export interface SlotQuery {
  doctorIds?: readonly number[];
  dates: readonly string[];
  specialization?: string | undefined;
}

export interface SlotContext {
  calendar: ClinicCalendar;
  leave: readonly ExceptionRow[];
  doctors: ReadonlyMap<number, { name: string; available: boolean }>;
}

export async function selectSlots(db: Kysely<Database>, query: SlotQuery) {
  let q = db
    .selectFrom('doctor_availability as s')
    .innerJoin('doctors as d', 'd.doctor_id', 's.doctor_id')
    .leftJoin('appointments as a', (join) =>
      join.onRef('a.availability_id', '=', 's.availability_id').on('a.status', 'not in', [...INACTIVE_STATUSES]),
    )
    .leftJoin('users as p', 'p.user_id', 'a.patient_id')
    .leftJoin('appointment_types as atype', 'atype.appointment_type_id', 'a.appointment_type_id')
    .leftJoin('resources as res', 'res.resource_id', 'a.resource_id')
    .select([
      's.availability_id',
      's.doctor_id',
      's.available_date',
      's.start_time',
      's.end_time',
      's.source',
      's.blocked_reason',
      'a.appointment_id',
      'a.patient_id',
      'a.status',
      'p.name as patient_name',
      'atype.name as type_name',
      'atype.colour as type_colour',
      'a.resource_id',
      'res.name as resource_name',
    ])
    .where('s.available_date', 'in', [...query.dates]);
  if (query.doctorIds) q = q.where('s.doctor_id', 'in', [...query.doctorIds]);
  if (query.specialization) q = q.where('d.specialization', '=', query.specialization);
  return q.orderBy('s.available_date').orderBy('s.start_time').orderBy('s.doctor_id').execute();
}

export type SlotRecord = Awaited<ReturnType<typeof selectSlots>>[number];

export function leaveCovering(
  leave: readonly ExceptionRow[],
  doctorId: number,
  date: string,
  start: string,
  end: string,
): ExceptionRow | undefined {
  return leave.find(
    (e) =>
      e.kind === 'leave' &&
      e.doctor_id === doctorId &&
      e.start_date <= date &&
      date <= e.end_date &&
      (e.start_time === null || e.end_time === null || (e.start_time < end && start < e.end_time)),
  );
}

export const isPast = (calendar: ClinicCalendar, date: string, time: string): boolean =>
  date < calendar.now.date || (date === calendar.now.date && timeToMinutes(time) < timeToMinutes(calendar.now.time));

export function toSlotView(record: SlotRecord, context: SlotContext): SlotView {
  const doctor = context.doctors.get(record.doctor_id);
  const leave = leaveCovering(
    context.leave,
    record.doctor_id,
    record.available_date,
    record.start_time,
    record.end_time,
  );
  const booked = record.appointment_id !== null;
  const past = isPast(context.calendar, record.available_date, record.start_time);
  let state: SlotState = 'free';
  let reason: string | null = null;
  if (booked) {
    state = 'booked';
    reason = 'This slot is already booked.';
  } else if (past) {
    state = 'past';
    reason = 'This time has passed.';
  } else if (record.blocked_reason !== null) {
    state = 'blocked';
    reason = `Blocked: ${record.blocked_reason}`;
  } else if (leave) {
    state = 'leave';
    reason = leave.reason ? `The doctor is on leave: ${leave.reason}` : 'The doctor is on leave.';
  } else if (doctor && !doctor.available) {
    reason = `${doctor.name} is not taking bookings at the moment.`;
  }
  return {
    availabilityId: record.availability_id,
    doctorId: record.doctor_id,
    date: record.available_date,
    startTime: record.start_time,
    endTime: record.end_time,
    state,
    source: record.source,
    blockedReason: record.blocked_reason,
    appointment:
      booked && record.appointment_id !== null && record.patient_id !== null
        ? {
            appointmentId: record.appointment_id,
            patientId: record.patient_id,
            patientName: record.patient_name ?? '',
            status: record.status ?? 'scheduled',
            typeName: record.type_name,
            typeColour: record.type_colour,
            resourceId: record.resource_id,
            resourceName: record.resource_name,
          }
        : null,
    unavailableReason: reason,
  };
}

/** One doctor's leave over a range of dates (every booking asks it): compiled once. */
const leaveOfDoctor = hotQuery((db, doctorId: number, first: string, last: string) =>
  db
    .selectFrom('schedule_exceptions')
    .selectAll()
    .where('kind', '=', 'leave')
    .where('start_date', '<=', last)
    .where('end_date', '>=', first)
    .where('doctor_id', '=', doctorId)
    .orderBy('start_date'),
);

export async function leaveOn(
  db: Kysely<Database>,
  dates: readonly string[],
  doctorIds?: readonly number[],
): Promise<ExceptionRow[]> {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const onlyDoctor = doctorIds?.length === 1 ? doctorIds[0] : undefined;
  if (onlyDoctor !== undefined) return leaveOfDoctor(db, onlyDoctor, first, last);
  let q = db
    .selectFrom('schedule_exceptions')
    .selectAll()
    .where('kind', '=', 'leave')
    .where('start_date', '<=', last)
    .where('end_date', '>=', first);
  if (doctorIds) q = q.where('doctor_id', 'in', [...doctorIds]);
  return q.orderBy('start_date').execute();
}
