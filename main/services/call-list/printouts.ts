import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { clinicNow } from '#shared/dates.ts';
import type { DayListData } from '../../pdf/day-list.ts';
import { deskSettings } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { patientNumber } from '../patients/index.ts';
import { scopedDoctor } from './call-list.ts';

// The printed sheets of a day: a doctor's (or every doctor's) day list and the appointment card.
// Rendered on this thread, as receipts are: a day list is a few pages.

/** @react-pdf/renderer is large: loaded on the first PDF, so the CLI and workers start fast. */
const pdfModules = async () => {
  const [dayList, card, render] = await Promise.all([
    import('../../pdf/day-list.ts'),
    import('../../pdf/appointment-card.ts'),
    import('../../pdf/render.ts'),
  ]);
  return { ...dayList, ...card, ...render };
};

export interface PdfFile {
  fileName: string;
  pdfBase64: string;
}

function dayRowsQuery(db: Kysely<Database>, date: string, doctorId: number | null) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('doctor_availability as s', 's.availability_id', 'a.availability_id')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .innerJoin('doctors as doc', 'doc.doctor_id', 'a.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'a.patient_id')
    .leftJoin('appointment_types as t', 't.appointment_type_id', 'a.appointment_type_id')
    .leftJoin('resources as r', 'r.resource_id', 'a.resource_id')
    .select([
      'a.doctor_id',
      'a.patient_id',
      'a.appointment_time',
      't.name as type_name',
      'r.name as room_name',
      's.end_time',
      'd.name as doctor_name',
      'doc.specialization',
      'p.name as patient_name',
      'p.phone',
    ])
    .where('a.appointment_date', '=', date)
    .where('a.status', 'not in', INACTIVE_STATUSES);
  if (doctorId !== null) q = q.where('a.doctor_id', '=', doctorId);
  return q.orderBy('d.name').orderBy('a.doctor_id').orderBy('a.appointment_time').orderBy('a.appointment_id');
}

export function createPrintoutsService({ db, clock }: ServiceDeps) {
  async function clinic() {
    const settings = await deskSettings(db);
    const timeZone = settings?.time_zone ?? 'UTC';
    const now = clinicNow(timeZone, clock.now());
    return {
      clinicName: settings?.clinic_name ?? 'Clinic',
      clinicAddress: settings?.clinic_address ?? null,
      printedAt: `${now.date} ${now.time}`,
    };
  }

  async function dayList(actor: Actor, input: { date: string; doctorId?: number | undefined }): Promise<PdfFile> {
    const doctorId = await scopedDoctor(db, actor, input.doctorId);
    const rows = await dayRowsQuery(db, input.date, doctorId).execute();
    const doctors = new Map<number, DayListData['doctors'][number]>();
    for (const r of rows) {
      const doctor = doctors.get(r.doctor_id) ?? { name: r.doctor_name, specialization: r.specialization, rows: [] };
      doctor.rows.push({
        time: r.appointment_time,
        endTime: r.end_time,
        patientName: r.patient_name,
        patientNumber: patientNumber(r.patient_id),
        type: r.type_name,
        room: r.room_name,
        phone: r.phone,
      });
      doctors.set(r.doctor_id, doctor);
    }
    const data: DayListData = {
      ...(await clinic()),
      date: input.date,
      wholeClinic: doctorId === null,
      doctors: [...doctors.values()],
    };
    const { dayListDocument, renderPdfBase64 } = await pdfModules();
    const who = doctorId === null ? 'clinic' : `doctor-${doctorId}`;
    return { fileName: `day-list-${input.date}-${who}.pdf`, pdfBase64: await renderPdfBase64(dayListDocument(data)) };
  }

  async function appointmentCard(actor: Actor, appointmentId: number): Promise<PdfFile> {
    const row = await db
      .selectFrom('appointments as a')
      .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
      .innerJoin('doctors as doc', 'doc.doctor_id', 'a.doctor_id')
      .innerJoin('users as p', 'p.user_id', 'a.patient_id')
      .select([
        'a.doctor_id',
        'a.status',
        'a.appointment_date',
        'a.appointment_time',
        'd.name as doctor_name',
        'doc.specialization',
        'p.name as patient_name',
      ])
      .where('a.appointment_id', '=', appointmentId)
      .executeTakeFirst();
    if (!row) throw notFound('appointment');
    if (actor.role === 'doctor' && row.doctor_id !== actor.userId) {
      throw new AppError('FORBIDDEN', 'Doctors can print only their own appointments.');
    }
    if ((INACTIVE_STATUSES as readonly string[]).includes(row.status)) {
      throw new AppError('CONFLICT', 'This appointment was cancelled or missed, so there is no card to print.');
    }
    const { clinicName, clinicAddress } = await clinic();
    const { appointmentCardDocument, renderPdfBase64 } = await pdfModules();
    const pdfBase64 = await renderPdfBase64(
      appointmentCardDocument({
        clinicName,
        clinicAddress,
        patientName: row.patient_name,
        doctorName: row.doctor_name,
        specialization: row.specialization,
        date: row.appointment_date,
        time: row.appointment_time,
      }),
    );
    return { fileName: `appointment-card-${row.appointment_date}-${appointmentId}.pdf`, pdfBase64 };
  }

  return { dayList, appointmentCard };
}
