import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import type { ExportFile } from '#contract/exports.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { toCsv } from './csv.ts';
import { appointmentsCsvColumns, patientsCsvColumns } from './export-columns.ts';
import {
  countInRange,
  EXPORT_MAX_ROWS,
  readAppointments,
  readDoctors,
  readPatients,
  readSlots,
  type ExportRange,
} from './export-data.ts';
import { AppError } from '../core/errors.ts';
import { buildFhirBundle } from './fhir.ts';
import { buildDoctorIcs } from './ical.ts';
import { requireDoctor } from '../schedule/index.ts';

// Exports of patient data leave the app, so each one is checked against the caller's role and
// leaves an audit row saying who exported what range and how many records.

const CSV = 'text/csv;charset=utf-8';
const ICS = 'text/calendar;charset=utf-8';
const FHIR = 'application/fhir+json';

/** A file-name-safe slug of a name ("Dr Zoë O'Neil" → "dr-zoe-o-neil"). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The doctor an export is limited to: a doctor always gets only their own records (asking for
 * another doctor's is refused); admins and receptionists get the one they chose, or everyone.
 */
async function scopeDoctor(db: Kysely<Database>, actor: Actor, doctorId: number | undefined) {
  if (actor.role === 'doctor') {
    if (doctorId !== undefined && doctorId !== actor.userId) {
      throw new AppError('FORBIDDEN', 'Doctors can export only their own appointments.');
    }
    return requireDoctor(db, actor.userId);
  }
  return doctorId === undefined ? null : requireDoctor(db, doctorId);
}

/**
 * Refuses, on the last day, an export whose range holds more rows than one file takes: the
 * file is built in memory and handed to the window whole, so its size must stay bounded.
 */
async function assertExportSize(db: Kysely<Database>, range: ExportRange, what: 'appointments' | 'slots') {
  const count = await countInRange(db, range, what);
  if (count <= EXPORT_MAX_ROWS) return;
  const message = `These days hold ${count.toLocaleString('en-US')} ${what}; one export takes at most ${EXPORT_MAX_ROWS.toLocaleString('en-US')}. Choose fewer days or one doctor.`;
  throw new AppError('VALIDATION', message, { to: message });
}

export interface RangeInput {
  from: string;
  to: string;
}

export function createExportsService({ db, clock }: ServiceDeps) {
  async function clinic() {
    const calendar = await clinicCalendar(db, clock);
    const row = await db.selectFrom('settings').select('clinic_name').where('id', '=', 1).executeTakeFirst();
    return { timeZone: calendar.timeZone, today: calendar.now.date, clinicName: row?.clinic_name ?? 'Clinic' };
  }

  async function audited(actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
    await writeTx(db, (trx) =>
      writeAudit(trx, clock, { userId: actor.userId, action, entity: 'export', entityId: null, after: details }),
    );
  }

  async function patientsCsv(actor: Actor, input: { bom?: boolean | undefined }): Promise<ExportFile> {
    if (actor.role === 'doctor') throw new AppError('FORBIDDEN', 'Only the front desk and admins can export patients.');
    const { today } = await clinic();
    const patients = await readPatients(db);
    const content = toCsv(patients, patientsCsvColumns(today), { bom: input.bom });
    await audited(actor, 'export.patients_csv', { rows: patients.length, bom: input.bom === true });
    return { fileName: `patients-${today}.csv`, mimeType: CSV, content };
  }

  async function appointmentsCsv(
    actor: Actor,
    input: RangeInput & { doctorId?: number | undefined; bom?: boolean | undefined },
  ): Promise<ExportFile> {
    const doctor = await scopeDoctor(db, actor, input.doctorId);
    const range: ExportRange = { from: input.from, to: input.to, doctorId: doctor?.doctorId };
    await assertExportSize(db, range, 'appointments');
    const appointments = await readAppointments(db, range);
    const content = toCsv(appointments, appointmentsCsvColumns, { bom: input.bom });
    await audited(actor, 'export.appointments_csv', { ...range, rows: appointments.length });
    const who = doctor ? `-${slug(doctor.name) || `doctor-${doctor.doctorId}`}` : '';
    return { fileName: `appointments${who}-${input.from}-to-${input.to}.csv`, mimeType: CSV, content };
  }

  async function doctorIcs(actor: Actor, input: RangeInput & { doctorId: number }): Promise<ExportFile> {
    if (actor.role === 'doctor' && input.doctorId !== actor.userId) {
      throw new AppError('FORBIDDEN', 'Doctors can export only their own calendar.');
    }
    const doctor = await requireDoctor(db, input.doctorId);
    const { timeZone, clinicName } = await clinic();
    const range: ExportRange = { from: input.from, to: input.to, doctorId: doctor.doctorId };
    await assertExportSize(db, range, 'appointments');
    const appointments = await readAppointments(db, range);
    const content = buildDoctorIcs({ clinicName, timeZone, doctorName: doctor.name, appointments, now: clock.now() });
    await audited(actor, 'export.doctor_ics', { ...range, rows: appointments.length });
    const name = slug(doctor.name) || `doctor-${doctor.doctorId}`;
    return { fileName: `calendar-${name}-${input.from}-to-${input.to}.ics`, mimeType: ICS, content };
  }

  async function fhirBundle(actor: Actor, input: RangeInput & { doctorId?: number | undefined }): Promise<ExportFile> {
    const doctor = await scopeDoctor(db, actor, input.doctorId);
    const { timeZone } = await clinic();
    const range: ExportRange = { from: input.from, to: input.to, doctorId: doctor?.doctorId };
    await assertExportSize(db, range, 'appointments');
    await assertExportSize(db, range, 'slots');
    const [patients, doctors, slots, appointments] = [
      await readPatients(db, range),
      await readDoctors(db, range),
      await readSlots(db, range),
      await readAppointments(db, range),
    ];
    const bundle = buildFhirBundle({ ...range, timeZone, now: clock.now(), patients, doctors, slots, appointments });
    await audited(actor, 'export.fhir_bundle', {
      ...range,
      patients: patients.length,
      practitioners: doctors.length,
      slots: slots.length,
      appointments: appointments.length,
    });
    const who = doctor ? `-${slug(doctor.name) || `doctor-${doctor.doctorId}`}` : '';
    return {
      fileName: `fhir${who}-${input.from}-to-${input.to}.json`,
      mimeType: FHIR,
      // Compact: a year of slots for a large clinic is big enough without indentation.
      content: JSON.stringify(bundle),
    };
  }

  return { patientsCsv, appointmentsCsv, doctorIcs, fhirBundle };
}
