import type { Selectable } from 'kysely';
import type { MergeField } from '#contract/patient-merge.ts';
import type { PatientsTable, UsersTable } from '#db/schema.ts';
import { patientNumber } from './patient-number.ts';

// The columns behind each field the desk chooses when merging, and how a field reads as text.

export type PatientRow = Selectable<PatientsTable>;
export type PatientUserRow = Selectable<UsersTable>;

/** A patient record as stored: its users row (name, phone, email) and its patients row. */
export interface PatientRecordRows {
  user: PatientUserRow;
  patient: PatientRow;
}

type UserColumn = 'name' | 'phone' | 'email';
type PatientColumn = Exclude<keyof PatientRow, 'patient_id' | 'user_role' | 'version' | 'merged_into_patient_id'>;

interface FieldColumns {
  users?: readonly UserColumn[];
  patients?: readonly PatientColumn[];
}

/** Columns that belong together (an address, an ID and its kind) move together. */
export const FIELD_COLUMNS: Readonly<Record<MergeField, FieldColumns>> = {
  name: { users: ['name'] },
  phone: { users: ['phone'] },
  email: { users: ['email'] },
  gender: { patients: ['gender'] },
  birth: { patients: ['date_of_birth', 'age'] },
  medicalNotes: { patients: ['medical_notes'] },
  address: { patients: ['address_line1', 'address_line2', 'city', 'postcode', 'country'] },
  idNumber: { patients: ['id_number', 'id_kind'] },
  insurance: { patients: ['insurance_provider', 'insurance_member_number'] },
  preferredLanguage: { patients: ['preferred_language'] },
  emergencyContact: { patients: ['emergency_name', 'emergency_relation', 'emergency_phone'] },
  guardian: { patients: ['guardian_patient_id'] },
};

/** The field as one line of text, or null when the record has none of it. */
export function fieldText(field: MergeField, rows: PatientRecordRows): string | null {
  const { patient, user } = rows;
  if (field === 'guardian') return patient.guardian_patient_id ? patientNumber(patient.guardian_patient_id) : null;
  if (field === 'birth') {
    if (patient.date_of_birth) return patient.date_of_birth;
    return patient.age === null ? null : `age ${patient.age}`;
  }
  const columns = FIELD_COLUMNS[field];
  const values = [
    ...(columns.users ?? []).map((c) => user[c]),
    ...(columns.patients ?? []).map((c) => patient[c]),
  ].filter((v): v is string | number => v !== null && v !== '');
  return values.length === 0 ? null : values.map(String).join(' · ');
}

const pick = <T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

/**
 * The kept record's new users and patients values: each field from the side chosen (the kept
 * side when not chosen). A guardian that would be the kept record itself or the tombstone is
 * dropped: nobody is their own guardian.
 */
export function chosenValues(
  kept: PatientRecordRows,
  merged: PatientRecordRows,
  choices: Partial<Record<MergeField, 'kept' | 'merged'>>,
) {
  const user: Partial<Pick<PatientUserRow, UserColumn>> = {};
  const patient: Partial<Pick<PatientRow, PatientColumn>> = {};
  for (const [field, columns] of Object.entries(FIELD_COLUMNS) as [MergeField, FieldColumns][]) {
    const from = choices[field] === 'merged' ? merged : kept;
    Object.assign(user, pick(from.user, columns.users ?? []));
    Object.assign(patient, pick(from.patient, columns.patients ?? []));
  }
  const guardian = patient.guardian_patient_id;
  if (guardian === kept.patient.patient_id || guardian === merged.patient.patient_id) {
    patient.guardian_patient_id = null;
  }
  return { user, patient };
}
