import type { Kysely, Selectable } from 'kysely';
import type { Database, PatientsTable } from '#db/schema.ts';
import { ID_KINDS, type Demographics, type IdKind, type PatientLink } from '#contract/patients.ts';
import { patientNumber } from './patient-number.ts';

// A patient's demographics between the contract's names and the patients table's columns, and
// the patients linked to one through a guardian.

/** The columns, as selected with the patients table aliased `p`. */
export const DEMOGRAPHIC_SELECT = [
  'p.address_line1',
  'p.address_line2',
  'p.city',
  'p.postcode',
  'p.country',
  'p.id_number',
  'p.id_kind',
  'p.insurance_provider',
  'p.insurance_member_number',
  'p.preferred_language',
  'p.emergency_name',
  'p.emergency_relation',
  'p.emergency_phone',
  'p.guardian_patient_id',
] as const;

type DemographicRow = Pick<
  Selectable<PatientsTable>,
  (typeof DEMOGRAPHIC_SELECT)[number] extends `p.${infer C}` ? C & keyof PatientsTable : never
>;

const isIdKind = (value: string | null): value is IdKind => ID_KINDS.some((kind) => kind === value);

export function demographicsOf(row: DemographicRow): Demographics {
  return {
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    city: row.city,
    postcode: row.postcode,
    country: row.country,
    idNumber: row.id_number,
    idKind: isIdKind(row.id_kind) ? row.id_kind : null,
    insuranceProvider: row.insurance_provider,
    insuranceMemberNumber: row.insurance_member_number,
    preferredLanguage: row.preferred_language,
    emergencyName: row.emergency_name,
    emergencyRelation: row.emergency_relation,
    emergencyPhone: row.emergency_phone,
    guardianPatientId: row.guardian_patient_id,
  };
}

/** The columns to write; a field left out is stored as missing, like the form's empty field. */
export function demographicColumns(d: Partial<Demographics>): DemographicRow {
  return {
    address_line1: d.addressLine1 ?? null,
    address_line2: d.addressLine2 ?? null,
    city: d.city ?? null,
    postcode: d.postcode ?? null,
    country: d.country ?? null,
    id_number: d.idNumber ?? null,
    id_kind: d.idKind ?? null,
    insurance_provider: d.insuranceProvider ?? null,
    insurance_member_number: d.insuranceMemberNumber ?? null,
    preferred_language: d.preferredLanguage ?? null,
    emergency_name: d.emergencyName ?? null,
    emergency_relation: d.emergencyRelation ?? null,
    emergency_phone: d.emergencyPhone ?? null,
    guardian_patient_id: d.guardianPatientId ?? null,
  };
}

function linkQuery(db: Kysely<Database>) {
  return db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.user_id', 'p.patient_id')
    .select(['p.patient_id', 'u.name', 'u.phone']);
}

const toLink = (r: { patient_id: number; name: string; phone: string | null }): PatientLink => ({
  patientId: r.patient_id,
  patientNumber: patientNumber(r.patient_id),
  name: r.name,
  phone: r.phone,
});

/** The guardian (if any) and the children of a patient: the link shown on both pages. */
export async function guardianLinks(
  db: Kysely<Database>,
  patientId: number,
  guardianPatientId: number | null,
): Promise<{ guardian: PatientLink | null; children: PatientLink[] }> {
  const [guardian, children] = await Promise.all([
    guardianPatientId === null
      ? undefined
      : linkQuery(db).where('p.patient_id', '=', guardianPatientId).executeTakeFirst(),
    linkQuery(db).where('p.guardian_patient_id', '=', patientId).orderBy('p.patient_id').execute(),
  ]);
  return { guardian: guardian ? toLink(guardian) : null, children: children.map(toLink) };
}
