import type { Kysely } from 'kysely';
import type { AppointmentStatus, Database } from '#db/schema.ts';
import { appointmentRowsQuery, toAppointmentRow } from '../front-desk/index.ts';
import { DEMOGRAPHIC_SELECT, demographicsOf } from '../patients/index.ts';
import type { Demographics } from '#contract/patients.ts';

// The rows every export is made from, read straight from the tables (no screen shapes), so a
// year of appointments is a handful of queries whatever the format.

export interface ExportRange {
  from: string;
  to: string;
  /** One doctor, or every doctor when absent. */
  doctorId?: number | undefined;
}

export interface ExportAppointment {
  appointmentId: number;
  doctorId: number;
  doctorName: string;
  patientId: number;
  patientName: string;
  availabilityId: number;
  date: string;
  time: string;
  endTime: string;
  status: AppointmentStatus;
  isWalkIn: boolean;
  createdAt: string;
  /** The reason of the latest cancellation step, for cancelled appointments. */
  cancelReason: string | null;
}

/** The most rows one export reads: with the 366-day range this bounds an export's memory at a big clinic. */
export const EXPORT_MAX_ROWS = 100_000;

/** How many appointments (or, with `slots`, slots) the range holds, counted before anything is read. */
export async function countInRange(db: Kysely<Database>, range: ExportRange, what: 'appointments' | 'slots') {
  const row =
    what === 'appointments'
      ? await db
          .selectFrom('appointments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('appointment_date', '>=', range.from)
          .where('appointment_date', '<=', range.to)
          .$if(range.doctorId !== undefined, (qb) => qb.where('doctor_id', '=', range.doctorId ?? 0))
          .executeTakeFirst()
      : await db
          .selectFrom('doctor_availability')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('available_date', '>=', range.from)
          .where('available_date', '<=', range.to)
          .$if(range.doctorId !== undefined, (qb) => qb.where('doctor_id', '=', range.doctorId ?? 0))
          .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function readAppointments(db: Kysely<Database>, range: ExportRange): Promise<ExportAppointment[]> {
  let q = appointmentRowsQuery(db)
    .select((eb) =>
      eb
        .selectFrom('appointment_status_history as h')
        .select('h.reason')
        .whereRef('h.appointment_id', '=', 'a.appointment_id')
        .where('h.to_status', '=', 'cancelled')
        .orderBy('h.history_id', 'desc')
        .limit(1)
        .as('cancel_reason'),
    )
    .where('a.appointment_date', '>=', range.from)
    .where('a.appointment_date', '<=', range.to);
  if (range.doctorId !== undefined) q = q.where('a.doctor_id', '=', range.doctorId);
  const rows = await q
    .orderBy('a.appointment_date')
    .orderBy('a.appointment_time')
    .orderBy('d.name')
    .orderBy('a.appointment_id')
    .execute();
  return rows.map((r) => ({
    ...toAppointmentRow(r),
    cancelReason: r.status === 'cancelled' ? (r.cancel_reason ?? null) : null,
  }));
}

export interface ExportPatient {
  patientId: number;
  name: string;
  phone: string | null;
  email: string | null;
  gender: string | null;
  age: number | null;
  dateOfBirth: string | null;
  createdAt: string;
  /** Demographics (0022), with the guardian's name and phone for an export that may not hold the guardian. */
  demographics: Demographics;
  guardian: { name: string; phone: string | null } | null;
}

/** Every patient, or only those with an appointment in the range. Medical notes never leave in an export. */
export async function readPatients(db: Kysely<Database>, range?: ExportRange): Promise<ExportPatient[]> {
  let q = db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.user_id', 'p.patient_id')
    .leftJoin('users as g', 'g.user_id', 'p.guardian_patient_id')
    .select(['p.patient_id', 'u.name', 'u.phone', 'u.email', 'p.gender', 'p.age', 'p.date_of_birth', 'u.created_at'])
    .select(DEMOGRAPHIC_SELECT)
    .select(['g.name as guardian_name', 'g.phone as guardian_phone'])
    // A record merged into another is no longer a patient of its own (the kept one carries it).
    .where('p.merged_into_patient_id', 'is', null);
  if (range !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('appointments as a')
          .select('a.appointment_id')
          .whereRef('a.patient_id', '=', 'p.patient_id')
          .where('a.appointment_date', '>=', range.from)
          .where('a.appointment_date', '<=', range.to)
          .$if(range.doctorId !== undefined, (qb) => qb.where('a.doctor_id', '=', range.doctorId ?? 0)),
      ),
    );
  }
  const rows = await q.orderBy('p.patient_id').execute();
  return rows.map((r) => ({
    patientId: r.patient_id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    gender: r.gender,
    age: r.age,
    dateOfBirth: r.date_of_birth,
    createdAt: r.created_at,
    demographics: demographicsOf(r),
    guardian: r.guardian_name === null ? null : { name: r.guardian_name, phone: r.guardian_phone },
  }));
}

export interface ExportDoctor {
  doctorId: number;
  name: string;
  email: string | null;
  phone: string | null;
  specialization: string;
  active: boolean;
}

/** The chosen doctor, or every doctor with a slot or an appointment in the range. */
export async function readDoctors(db: Kysely<Database>, range: ExportRange): Promise<ExportDoctor[]> {
  let q = db
    .selectFrom('doctors as d')
    .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
    .select(['d.doctor_id', 'u.name', 'u.email', 'u.phone', 'd.specialization', 'u.status']);
  if (range.doctorId !== undefined) q = q.where('d.doctor_id', '=', range.doctorId);
  else {
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('doctor_availability as s')
            .select('s.availability_id')
            .whereRef('s.doctor_id', '=', 'd.doctor_id')
            .where('s.available_date', '>=', range.from)
            .where('s.available_date', '<=', range.to),
        ),
        eb.exists(
          eb
            .selectFrom('appointments as a')
            .select('a.appointment_id')
            .whereRef('a.doctor_id', '=', 'd.doctor_id')
            .where('a.appointment_date', '>=', range.from)
            .where('a.appointment_date', '<=', range.to),
        ),
      ]),
    );
  }
  const rows = await q.orderBy('d.doctor_id').execute();
  return rows.map((r) => ({
    doctorId: r.doctor_id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    specialization: r.specialization,
    active: r.status !== 'inactive',
  }));
}

export interface ExportSlot {
  availabilityId: number;
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  isBooked: boolean;
  isBlocked: boolean;
}

export async function readSlots(db: Kysely<Database>, range: ExportRange): Promise<ExportSlot[]> {
  let q = db
    .selectFrom('doctor_availability')
    .select(['availability_id', 'doctor_id', 'available_date', 'start_time', 'end_time', 'is_booked', 'blocked_reason'])
    .where('available_date', '>=', range.from)
    .where('available_date', '<=', range.to);
  if (range.doctorId !== undefined) q = q.where('doctor_id', '=', range.doctorId);
  const rows = await q.orderBy('doctor_id').orderBy('available_date').orderBy('start_time').execute();
  return rows.map((r) => ({
    availabilityId: r.availability_id,
    doctorId: r.doctor_id,
    date: r.available_date,
    startTime: r.start_time,
    endTime: r.end_time,
    isBooked: r.is_booked === 1,
    isBlocked: r.blocked_reason !== null,
  }));
}
