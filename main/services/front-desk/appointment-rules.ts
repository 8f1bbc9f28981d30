import type { Kysely } from 'kysely';
import { hotQuery } from '#db/hot-query.ts';
import type { Database } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { INACTIVE_STATUSES, OPEN_STATUSES } from '#shared/statuses.ts';
import type { ClinicCalendar } from '../core/clinic-clock.ts';
import { AppError } from '../core/errors.ts';
import { isPast, leaveCovering, leaveOn } from '../schedule/index.ts';

export interface SlotForBooking {
  availability_id: number;
  doctor_id: number;
  available_date: string;
  start_time: string;
  end_time: string;
  blocked_reason: string | null;
  doctor_name: string;
  is_available: number;
  doctor_status: string;
  consultation_fee: number;
}

/** A slot with what booking needs to know about its doctor (compiled once: every booking reads it). */
const slotById = hotQuery((db, availabilityId: number) =>
  db
    .selectFrom('doctor_availability as s')
    .innerJoin('doctors as d', 'd.doctor_id', 's.doctor_id')
    .innerJoin('users as u', 'u.user_id', 's.doctor_id')
    .select([
      's.availability_id',
      's.doctor_id',
      's.available_date',
      's.start_time',
      's.end_time',
      's.blocked_reason',
      'u.name as doctor_name',
      'd.is_available',
      'u.status as doctor_status',
      'd.consultation_fee',
    ])
    .where('s.availability_id', '=', availabilityId),
);

export async function loadSlot(trx: Tx, availabilityId: number, field: string): Promise<SlotForBooking> {
  const [slot] = await slotById(trx, availabilityId);
  if (!slot)
    throw new AppError('VALIDATION', 'Choose a slot from the calendar.', {
      [field]: 'Choose a slot from the calendar.',
    });
  return slot;
}

const taken = (field: string, message: string) => new AppError('SLOT_TAKEN', message, { [field]: message });

/**
 * Refuses a slot that cannot be booked, with the same reasons the calendar shows. The
 * partial unique index is the last word on "already booked"; this gives the friendly reason.
 */
export async function assertBookable(
  trx: Tx,
  slot: SlotForBooking,
  calendar: ClinicCalendar,
  field: string,
  ignoreAppointmentId?: number,
): Promise<void> {
  if (slot.is_available !== 1 || slot.doctor_status === 'inactive') {
    throw taken(field, `${slot.doctor_name} is not taking bookings at the moment. Choose another doctor.`);
  }
  if (isPast(calendar, slot.available_date, slot.start_time))
    throw taken(field, 'That slot has already started or passed. Choose a later one.');
  if (slot.blocked_reason !== null)
    throw taken(field, `That slot is blocked: ${slot.blocked_reason}. Choose another one.`);
  const leave = leaveCovering(
    await leaveOn(trx, [slot.available_date], [slot.doctor_id]),
    slot.doctor_id,
    slot.available_date,
    slot.start_time,
    slot.end_time,
  );
  if (leave)
    throw taken(
      field,
      `${slot.doctor_name} is on leave then${leave.reason ? `: ${leave.reason}` : ''}. Choose another slot.`,
    );
  const active = await activeOn(trx, slot.availability_id, ignoreAppointmentId ?? 0);
  if (active.length > 0)
    throw taken(field, 'This slot was just booked at another desk. Choose one of the next free slots.');
}

/** The slot's live appointments other than the one given (0: none), compiled once. */
const activeOn = hotQuery((db, availabilityId: number, ignoreAppointmentId: number) =>
  db
    .selectFrom('appointments')
    .select('appointment_id')
    .where('availability_id', '=', availabilityId)
    .where('status', 'not in', [...INACTIVE_STATUSES])
    .where('appointment_id', '!=', ignoreAppointmentId)
    .limit(1),
);

/** The patient's other live appointments that overlap the slot (with any doctor). */
export async function patientClashes(trx: Tx, patientId: number, slot: SlotForBooking, ignoreAppointmentId?: number) {
  return clashesOf(trx, patientId, slot.available_date, slot.start_time, slot.end_time, ignoreAppointmentId ?? 0);
}

const clashesOf = hotQuery(
  (db, patientId: number, date: string, start: string, end: string, ignoreAppointmentId: number) =>
    db
      .selectFrom('appointments as a')
      .innerJoin('doctor_availability as s', 's.availability_id', 'a.availability_id')
      .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
      .select(['a.appointment_id', 's.start_time', 'd.name'])
      .where('a.patient_id', '=', patientId)
      // The appointment's own date (always its slot's) too, so the (patient, date) index answers
      // it: without it, at a million patients SQLite read every slot of that day instead.
      .where('a.appointment_date', '=', date)
      .where('a.status', 'in', [...OPEN_STATUSES])
      .where('s.available_date', '=', date)
      .where('s.start_time', '<', end)
      .where('s.end_time', '>', start)
      .where('a.appointment_id', '!=', ignoreAppointmentId),
);

const patientNameOf = hotQuery((db, patientId: number) =>
  db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.user_id', 'p.patient_id')
    .select('u.name')
    .where('p.patient_id', '=', patientId),
);

/** The patient must be registered: a VALIDATION error on `patientId` otherwise. Returns their name. */
export async function requirePatient(db: Kysely<Database>, patientId: number): Promise<string> {
  const [patient] = await patientNameOf(db, patientId);
  if (!patient)
    throw new AppError('VALIDATION', 'Choose a registered patient.', { patientId: 'Choose a registered patient.' });
  return patient.name;
}
