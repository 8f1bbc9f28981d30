import type { Kysely } from 'kysely';
import type { BookingSuggestion } from '#contract/front-desk.ts';
import type { AppointmentStatus, Database } from '#db/schema.ts';
import type { ServiceDeps } from '../core/context.ts';
import type { ScheduleViewService } from '../schedule/index.ts';
import { requirePatient } from './appointment-rules.ts';

/** Statuses of a visit where the patient was seen by the doctor. */
const SEEN: readonly AppointmentStatus[] = ['in_consultation', 'completed'];

/** The patient's appointments with doctors who still take bookings (an inactive or paused doctor is never suggested). */
function withBookableDoctors(db: Kysely<Database>, patientId: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('doctors as d', 'd.doctor_id', 'a.doctor_id')
    .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
    .select(['a.doctor_id', 'u.name', 'd.specialization'])
    .where('a.patient_id', '=', patientId)
    .where('d.is_available', '=', 1)
    .where('u.status', '!=', 'inactive')
    .limit(1);
}

/** The usual doctor: of the latest visit seen, else of the latest booking made. */
async function usualDoctor(db: Kysely<Database>, patientId: number): Promise<BookingSuggestion['doctor']> {
  const seen = await withBookableDoctors(db, patientId)
    .where('a.status', 'in', SEEN)
    .orderBy('a.appointment_date', 'desc')
    .orderBy('a.appointment_time', 'desc')
    .executeTakeFirst();
  if (seen)
    return { doctorId: seen.doctor_id, name: seen.name, specialization: seen.specialization, basis: 'last_seen' };
  const booked = await withBookableDoctors(db, patientId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.appointment_id', 'desc')
    .executeTakeFirst();
  if (!booked) return null;
  return { doctorId: booked.doctor_id, name: booked.name, specialization: booked.specialization, basis: 'last_booked' };
}

/** What the booking dialog preselects for a returning patient: their usual doctor and that doctor's first free slot. */
export function createBookingSuggestionService(
  { db }: ServiceDeps,
  scheduleView: Pick<ScheduleViewService, 'nextFree'>,
) {
  async function suggest(patientId: number): Promise<BookingSuggestion> {
    await requirePatient(db, patientId);
    const doctor = await usualDoctor(db, patientId);
    if (!doctor) return { doctor: null, slot: null };
    const [slot] = await scheduleView.nextFree({ doctorId: doctor.doctorId, limit: 1 });
    return { doctor, slot: slot ?? null };
  }
  return { suggest };
}
