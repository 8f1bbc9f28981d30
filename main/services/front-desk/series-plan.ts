import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { addDays, minutesToTime, timeToMinutes } from '#shared/dates.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { SERIES_MAX_VISITS, type SeriesConflict, type SeriesRule } from '#contract/series.ts';
import type { ClinicCalendar } from '../core/clinic-clock.ts';
import { AppError } from '../core/errors.ts';
import { leaveCovering, leaveOn, requireDoctor } from '../schedule/index.ts';
import { assertBookable, loadSlot, patientClashes, type SlotForBooking } from './appointment-rules.ts';

// The dates of a recurring series and whether each can be booked. Every check is the single
// booking's own (assertBookable, patientClashes), run on whatever connection the caller gives:
// the plan reads outside a transaction, the booking runs it again inside its one transaction.

const invalid = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: message });

export interface SeriesStart {
  doctor: Awaited<ReturnType<typeof requireDoctor>>;
  date: string;
  time: string;
}

/** Where the series starts: the first slot's doctor, date and time, or the ones given. */
export async function seriesStart(db: Kysely<Database>, rule: SeriesRule): Promise<SeriesStart> {
  if (rule.firstSlotId !== undefined) {
    const slot = await loadSlot(db, rule.firstSlotId, 'firstSlotId');
    if (rule.doctorId !== undefined && rule.doctorId !== slot.doctor_id)
      throw invalid('firstSlotId', 'Choose a first slot of the doctor the series is with.');
    return { doctor: await requireDoctor(db, slot.doctor_id), date: slot.available_date, time: slot.start_time };
  }
  const { doctorId, date, time } = rule;
  // The contract refuses a rule without a first slot and without all three of these.
  if (doctorId === undefined || date === undefined || time === undefined)
    throw invalid('firstSlotId', 'Choose the first slot of the series.');
  return { doctor: await requireDoctor(db, doctorId), date, time };
}

/** Every date of the series, the first included; refuses a series of fewer than 2 or more than the maximum. */
export function seriesDates(first: string, rule: SeriesRule): string[] {
  const step = rule.every * (rule.unit === 'weeks' ? 7 : 1);
  if (rule.until === undefined) return Array.from({ length: rule.count ?? 1 }, (_, i) => addDays(first, i * step));
  if (rule.until < first) throw invalid('until', 'The last day must be on or after the first visit.');
  const dates: string[] = [];
  for (let date = first; date <= rule.until; date = addDays(date, step)) {
    if (dates.length === SERIES_MAX_VISITS)
      throw invalid('until', `A series can have at most ${SERIES_MAX_VISITS} visits: choose an earlier last day.`);
    dates.push(date);
  }
  if (dates.length < 2) throw invalid('until', 'A series needs at least 2 visits: choose a later last day.');
  return dates;
}

export type SlotCheck =
  | { status: 'free'; slot: SlotForBooking; reason: null }
  | { status: SeriesConflict; slot: SlotForBooking | null; reason: string };

const hasActiveAppointment = async (db: Kysely<Database>, availabilityId: number): Promise<boolean> =>
  (await db
    .selectFrom('appointments')
    .select('appointment_id')
    .where('availability_id', '=', availabilityId)
    .where('status', 'not in', [...INACTIVE_STATUSES])
    .executeTakeFirst()) !== undefined;

/** Whether the patient can be booked into this slot, by the single booking's rules; never throws for a conflict. */
export async function checkSlot(
  db: Kysely<Database>,
  calendar: ClinicCalendar,
  patientId: number,
  availabilityId: number,
  field: string,
): Promise<SlotCheck> {
  const slot = await loadSlot(db, availabilityId, field);
  try {
    await assertBookable(db, slot, calendar, field);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const leave = leaveCovering(
      await leaveOn(db, [slot.available_date], [slot.doctor_id]),
      slot.doctor_id,
      slot.available_date,
      slot.start_time,
      slot.end_time,
    );
    // A slot booked before the plan was made was not "just booked at another desk": say so plainly.
    if (await hasActiveAppointment(db, slot.availability_id))
      return { status: 'taken', slot, reason: 'That slot is already booked.' };
    return { status: leave ? 'on_leave' : 'unavailable', slot, reason: error.message };
  }
  const [clash] = await patientClashes(db, patientId, slot);
  if (clash)
    return {
      status: 'patient_busy',
      slot,
      reason: `The patient already has an appointment with ${clash.name} at ${clash.start_time} that day.`,
    };
  return { status: 'free', slot, reason: null };
}

/** One date of the series: the doctor's slot covering the time that day, checked; or why there is none. */
export async function checkDate(
  db: Kysely<Database>,
  calendar: ClinicCalendar,
  patientId: number,
  start: SeriesStart,
  date: string,
): Promise<SlotCheck> {
  const { doctor, time } = start;
  const found = await db
    .selectFrom('doctor_availability')
    .select('availability_id')
    .where('doctor_id', '=', doctor.doctorId)
    .where('available_date', '=', date)
    .where('start_time', '<=', time)
    .where('end_time', '>', time)
    .executeTakeFirst();
  if (found) return checkSlot(db, calendar, patientId, found.availability_id, 'date');
  const leave = leaveCovering(
    await leaveOn(db, [date], [doctor.doctorId]),
    doctor.doctorId,
    date,
    time,
    minutesToTime(timeToMinutes(time) + 1),
  );
  if (leave)
    return {
      status: 'on_leave',
      slot: null,
      reason: `${doctor.name} is on leave then${leave.reason ? `: ${leave.reason}` : ''}.`,
    };
  return { status: 'no_slot', slot: null, reason: `${doctor.name} has no hours at ${time} that day.` };
}
