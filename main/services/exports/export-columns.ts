import type { CsvColumn } from './csv.ts';
import type { ExportAppointment, ExportPatient } from './export-data.ts';
import { ageOn, patientNumber } from '../patients/index.ts';

// The columns of the CSV exports, with headers a spreadsheet user reads. Medical notes are
// never exported.

/** Age as the app shows it: from the date of birth on the clinic's today, else as recorded. */
export const patientsCsvColumns = (today: string): CsvColumn<ExportPatient>[] => [
  { header: 'Patient number', value: (p) => patientNumber(p.patientId) },
  { header: 'Name', value: (p) => p.name },
  { header: 'Phone', value: (p) => p.phone },
  { header: 'Email', value: (p) => p.email },
  { header: 'Gender', value: (p) => p.gender },
  { header: 'Date of birth', value: (p) => p.dateOfBirth },
  { header: 'Age', value: (p) => (p.dateOfBirth ? ageOn(p.dateOfBirth, today) : p.age) },
  { header: 'Address line 1', value: (p) => p.demographics.addressLine1 },
  { header: 'Address line 2', value: (p) => p.demographics.addressLine2 },
  { header: 'City', value: (p) => p.demographics.city },
  { header: 'Postcode', value: (p) => p.demographics.postcode },
  { header: 'Country', value: (p) => p.demographics.country },
  { header: 'ID number', value: (p) => p.demographics.idNumber },
  { header: 'ID kind', value: (p) => p.demographics.idKind },
  { header: 'Insurance provider', value: (p) => p.demographics.insuranceProvider },
  { header: 'Insurance member number', value: (p) => p.demographics.insuranceMemberNumber },
  { header: 'Preferred language', value: (p) => p.demographics.preferredLanguage },
  { header: 'Emergency contact', value: (p) => p.demographics.emergencyName },
  { header: 'Emergency contact relation', value: (p) => p.demographics.emergencyRelation },
  { header: 'Emergency contact phone', value: (p) => p.demographics.emergencyPhone },
  { header: 'Guardian', value: (p) => p.guardian?.name ?? null },
  { header: 'Guardian phone', value: (p) => p.guardian?.phone ?? null },
  { header: 'Registered (UTC)', value: (p) => p.createdAt },
];

const STATUS: Record<ExportAppointment['status'], string> = {
  scheduled: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const appointmentsCsvColumns: CsvColumn<ExportAppointment>[] = [
  { header: 'Appointment', value: (a) => a.appointmentId },
  { header: 'Date', value: (a) => a.date },
  { header: 'Start', value: (a) => a.time },
  { header: 'End', value: (a) => a.endTime },
  { header: 'Doctor', value: (a) => a.doctorName },
  { header: 'Patient number', value: (a) => patientNumber(a.patientId) },
  { header: 'Patient', value: (a) => a.patientName },
  { header: 'Status', value: (a) => STATUS[a.status] },
  { header: 'Walk-in', value: (a) => (a.isWalkIn ? 'yes' : 'no') },
  { header: 'Cancellation reason', value: (a) => a.cancelReason },
  { header: 'Booked at (UTC)', value: (a) => a.createdAt },
];
