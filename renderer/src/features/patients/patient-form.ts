import { z } from 'zod';
import type { Demographics, PatientLink, PatientSummary } from '#contract/patients.ts';
import { contract } from '#contract/index.ts';
import { parseWith, toNumber, typedNumber } from '../../lib/form-schema.ts';

// The form keeps what the inputs hold; on submit the values are checked with the contract's
// own schema, so the dialog refuses exactly what main refuses.

/** The demographics typed as text ("More details"); empty means not given. */
export const DEMOGRAPHIC_TEXT_FIELDS = [
  'addressLine1',
  'addressLine2',
  'city',
  'postcode',
  'country',
  'idNumber',
  'insuranceProvider',
  'insuranceMemberNumber',
  'emergencyName',
  'emergencyRelation',
  'emergencyPhone',
] as const;
type DemographicTextField = (typeof DEMOGRAPHIC_TEXT_FIELDS)[number];

/** Every field of the "More details" section, as the contract names them. */
export const MORE_DETAIL_FIELDS = [
  ...DEMOGRAPHIC_TEXT_FIELDS,
  'idKind',
  'preferredLanguage',
  'guardianPatientId',
] as const;

const formShape = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  gender: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  age: typedNumber,
  medicalNotes: z.string(),
  ...(Object.fromEntries(DEMOGRAPHIC_TEXT_FIELDS.map((field) => [field, z.string()])) as Record<
    DemographicTextField,
    z.ZodString
  >),
  idKind: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  guardianPatientId: z.number().nullable(),
  /** The chosen guardian's name and number, shown in the form only. */
  guardianLabel: z.string(),
});

export type PatientFormValues = z.input<typeof formShape>;

const patientFields = contract['patients.register'].input.omit({ confirmedNotDuplicate: true });
export type PatientFields = z.output<typeof patientFields>;

export const patientFormSchema = formShape.transform((v, ctx) => {
  const { guardianLabel: _label, age, dateOfBirth, gender, ...typed } = v;
  return parseWith(
    patientFields,
    {
      ...typed,
      gender: gender ?? null,
      // A date of birth makes the age redundant: main works it out.
      dateOfBirth: dateOfBirth || null,
      age: dateOfBirth ? null : (toNumber(age) ?? null),
    },
    ctx,
  );
});

export const PATIENT_FIELD_NAMES = [
  'name',
  'phone',
  'email',
  'gender',
  'dateOfBirth',
  'age',
  'medicalNotes',
  ...MORE_DETAIL_FIELDS,
] as const;

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

const looksLikePhone = (text: string): boolean => /^[+\d\s().-]+$/.test(text) && /\d{3}/.test(text.replace(/\D/g, ''));

const NO_DEMOGRAPHICS = {
  ...(Object.fromEntries(DEMOGRAPHIC_TEXT_FIELDS.map((field) => [field, ''])) as Record<DemographicTextField, string>),
  idKind: null,
  preferredLanguage: null,
  guardianPatientId: null,
  guardianLabel: '',
};

/** A new patient's form, pre-filled with what was typed in a search: a phone number or a name. */
export function newPatientValues(typed = ''): PatientFormValues {
  const text = typed.trim();
  const phone = looksLikePhone(text);
  return {
    name: phone ? '' : text,
    phone: phone ? text : '',
    email: '',
    gender: null,
    dateOfBirth: null,
    age: '',
    medicalNotes: '',
    ...NO_DEMOGRAPHICS,
  };
}

/** How a chosen guardian reads in the form. */
export const guardianLabelOf = (guardian: Pick<PatientLink, 'name' | 'patientNumber'>): string =>
  `${guardian.name}, ${guardian.patientNumber}`;

type EditedPatient = PatientSummary & Demographics & { medicalNotes: string | null; guardian: PatientLink | null };

export function patientToFormValues(patient: EditedPatient): PatientFormValues {
  return {
    name: patient.name,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    gender: patient.gender,
    dateOfBirth: patient.dateOfBirth,
    age: patient.dateOfBirth ? '' : (patient.age ?? ''),
    medicalNotes: patient.medicalNotes ?? '',
    ...(Object.fromEntries(DEMOGRAPHIC_TEXT_FIELDS.map((field) => [field, patient[field] ?? ''])) as Record<
      DemographicTextField,
      string
    >),
    idKind: patient.idKind,
    preferredLanguage: patient.preferredLanguage,
    guardianPatientId: patient.guardianPatientId,
    guardianLabel: patient.guardian ? guardianLabelOf(patient.guardian) : '',
  };
}
