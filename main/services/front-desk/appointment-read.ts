import type { Kysely } from 'kysely';
import { hotQuery } from '#db/hot-query.ts';
import type { Database } from '#db/schema.ts';
import type { Appointment } from '#contract/front-desk.ts';

// Reading appointments the way every screen shows them: with doctor and patient names, the
// slot's end time and the moment of check-in.

/**
 * The base select of appointments: the booking's own columns, the slot's end time and both
 * names. Screens add the moment of check-in; exports add the cancellation reason.
 */
export function appointmentRowsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('doctor_availability as s', 's.availability_id', 'a.availability_id')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'a.patient_id')
    .select([
      'a.appointment_id',
      'a.doctor_id',
      'a.patient_id',
      'a.availability_id',
      'a.appointment_date',
      'a.appointment_time',
      's.end_time',
      'a.status',
      'a.is_walk_in',
      'a.created_at',
      'd.name as doctor_name',
      'p.name as patient_name',
    ]);
}

type AppointmentRowRecord = Awaited<ReturnType<ReturnType<typeof appointmentRowsQuery>['execute']>>[number];

/** The fields every reading of an appointment shares, from a row of `appointmentRowsQuery`. */
export const toAppointmentRow = (r: AppointmentRowRecord) => ({
  appointmentId: r.appointment_id,
  doctorId: r.doctor_id,
  doctorName: r.doctor_name,
  patientId: r.patient_id,
  patientName: r.patient_name,
  availabilityId: r.availability_id,
  date: r.appointment_date,
  time: r.appointment_time,
  endTime: r.end_time,
  status: r.status,
  isWalkIn: r.is_walk_in === 1,
  createdAt: r.created_at,
});

export function appointmentsQuery(db: Kysely<Database>) {
  return appointmentRowsQuery(db)
    .leftJoin('appointment_types as atype', 'atype.appointment_type_id', 'a.appointment_type_id')
    .leftJoin('resources as res', 'res.resource_id', 'a.resource_id')
    .select([
      'a.appointment_type_id',
      'atype.name as type_name',
      'atype.colour as type_colour',
      'a.resource_id',
      'res.name as resource_name',
    ])
    .select((eb) => [
      'a.needs_reschedule_reason',
      eb
        .selectFrom('appointment_status_history as h')
        .select('h.changed_at')
        .whereRef('h.appointment_id', '=', 'a.appointment_id')
        .where('h.to_status', '=', 'checked_in')
        .orderBy('h.history_id', 'desc')
        .limit(1)
        .as('checked_in_at'),
    ]);
}

type AppointmentRecord = Awaited<ReturnType<ReturnType<typeof appointmentsQuery>['execute']>>[number];

export function toAppointment(r: AppointmentRecord): Appointment {
  const { createdAt, ...row } = toAppointmentRow(r);
  return {
    ...row,
    needsRescheduleReason: r.needs_reschedule_reason,
    checkedInAt: r.status === 'scheduled' ? null : (r.checked_in_at ?? null),
    createdAt,
    appointmentTypeId: r.appointment_type_id,
    typeName: r.type_name,
    typeColour: r.type_colour,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
  };
}

/** One appointment by id: every booking, step and lookup reads it, so it is compiled once. */
const appointmentById = hotQuery((db, appointmentId: number) =>
  appointmentsQuery(db).where('a.appointment_id', '=', appointmentId),
);

export async function listAppointments(
  db: Kysely<Database>,
  filter: { patientId?: number; date?: string; appointmentId?: number },
): Promise<Appointment[]> {
  if (filter.appointmentId !== undefined && filter.patientId === undefined && filter.date === undefined) {
    return (await appointmentById(db, filter.appointmentId)).map(toAppointment);
  }
  let q = appointmentsQuery(db);
  if (filter.patientId !== undefined) q = q.where('a.patient_id', '=', filter.patientId);
  if (filter.date !== undefined) q = q.where('a.appointment_date', '=', filter.date);
  if (filter.appointmentId !== undefined) q = q.where('a.appointment_id', '=', filter.appointmentId);
  const rows = await q.orderBy('a.appointment_date', 'desc').orderBy('a.appointment_time', 'desc').execute();
  return rows.map(toAppointment);
}

function reschedulesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('appointment_reschedules as r')
    .innerJoin('appointments as a', 'a.appointment_id', 'r.appointment_id')
    .leftJoin('users as u', 'u.user_id', 'r.rescheduled_by')
    .select([
      'r.appointment_id',
      'r.old_date',
      'r.old_time',
      'r.new_date',
      'r.new_time',
      'r.reason',
      'r.rescheduled_at',
      'u.name',
    ]);
}

const reschedulesOf = hotQuery((db, appointmentId: number) =>
  reschedulesQuery(db).where('r.appointment_id', '=', appointmentId).orderBy('r.reschedule_id'),
);

export async function listReschedules(db: Kysely<Database>, filter: { patientId?: number; appointmentId?: number }) {
  let rows;
  if (filter.appointmentId !== undefined && filter.patientId === undefined) {
    rows = await reschedulesOf(db, filter.appointmentId);
  } else {
    let q = reschedulesQuery(db);
    if (filter.patientId !== undefined) q = q.where('a.patient_id', '=', filter.patientId);
    if (filter.appointmentId !== undefined) q = q.where('r.appointment_id', '=', filter.appointmentId);
    rows = await q.orderBy('r.reschedule_id').execute();
  }
  return rows.map(toReschedule);
}

type RescheduleRecord = Awaited<ReturnType<typeof reschedulesOf>>[number];

/** One move of an appointment, from a row of `reschedulesQuery`'s shape. */
export const toReschedule = (r: RescheduleRecord) => ({
  appointmentId: r.appointment_id,
  oldDate: r.old_date,
  oldTime: r.old_time,
  newDate: r.new_date,
  newTime: r.new_time,
  reason: r.reason,
  rescheduledAt: r.rescheduled_at,
  rescheduledBy: r.name,
});
