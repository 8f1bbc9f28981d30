import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import {
  REQUIRABLE_PATIENT_FIELDS,
  requiredPatientFieldsSchema,
  type Demographics,
  type RequirablePatientField,
} from '#contract/patients.ts';
import { AppError } from '../core/errors.ts';

// The rules on demographics that need the database: the fields the clinic requires (a
// setting), and a guardian who is another registered patient, never the patient themself nor
// one of the patients they are guardian of. The database holds the first two as well (a CHECK
// and a foreign key); the last needs a walk up the guardians.

const REQUIRED_MESSAGE: Record<RequirablePatientField, string> = {
  email: 'This clinic requires an email address.',
  gender: 'This clinic requires the gender.',
  dateOfBirth: 'This clinic requires the date of birth.',
  addressLine1: 'This clinic requires the address.',
  city: 'This clinic requires the city.',
  postcode: 'This clinic requires the postcode.',
  country: 'This clinic requires the country.',
  idNumber: 'This clinic requires an ID number.',
  idKind: 'This clinic requires the kind of ID.',
  insuranceProvider: 'This clinic requires the insurance provider.',
  insuranceMemberNumber: 'This clinic requires the insurance member number.',
  preferredLanguage: 'This clinic requires the preferred language.',
  emergencyName: 'This clinic requires an emergency contact.',
  emergencyRelation: 'This clinic requires the emergency contact’s relation.',
  emergencyPhone: 'This clinic requires the emergency contact’s phone.',
};

/** The clinic's list as stored; a list the service cannot read requires nothing more. */
export function parseRequiredFields(stored: string): RequirablePatientField[] {
  try {
    const parsed = requiredPatientFieldsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function requiredPatientFields(db: Kysely<Database>): Promise<RequirablePatientField[]> {
  const row = await db.selectFrom('settings').select('required_patient_fields').where('id', '=', 1).executeTakeFirst();
  return row ? parseRequiredFields(row.required_patient_fields) : [];
}

type CheckedFields = Partial<Demographics> & {
  email?: string | null | undefined;
  gender?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
};

/** Refuses a patient missing a field the clinic requires, naming every such field. */
export async function checkRequiredFields(db: Kysely<Database>, input: CheckedFields): Promise<void> {
  const required = await requiredPatientFields(db);
  const missing = REQUIRABLE_PATIENT_FIELDS.filter(
    (field) => required.includes(field) && (input[field] === null || input[field] === undefined || input[field] === ''),
  );
  if (missing.length === 0) return;
  const fields = Object.fromEntries(missing.map((field) => [field, REQUIRED_MESSAGE[field]]));
  const message =
    missing.length === 1
      ? REQUIRED_MESSAGE[missing[0] ?? 'email']
      : `This clinic requires ${missing.length} more fields: fill in the ones marked.`;
  throw new AppError('VALIDATION', message, fields);
}

const refuseGuardian = (message: string): AppError =>
  new AppError('VALIDATION', message, { guardianPatientId: message });

/** Guardians nest at most this deep in practice; a longer walk means a loop elsewhere. */
const MAX_GUARDIAN_DEPTH = 50;

/** A guardian is another registered patient, and not one of the patients this one is (indirectly) guardian of. */
export async function checkGuardian(
  trx: Kysely<Database>,
  patientId: number | null,
  guardianPatientId: number | null,
): Promise<void> {
  if (guardianPatientId === null) return;
  if (guardianPatientId === patientId) throw refuseGuardian('A patient cannot be their own guardian.');
  let current: number | null = guardianPatientId;
  for (let depth = 0; current !== null && depth < MAX_GUARDIAN_DEPTH; depth++) {
    const row = await trx
      .selectFrom('patients')
      .select('guardian_patient_id')
      .where('patient_id', '=', current)
      .executeTakeFirst();
    if (!row) throw refuseGuardian('Choose a registered patient as the guardian.');
    current = row.guardian_patient_id;
    if (patientId !== null && current === patientId) {
      throw refuseGuardian(
        'This patient is the guardian of the one chosen: a child cannot be their guardian’s guardian.',
      );
    }
  }
}
