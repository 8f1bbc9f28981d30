import { z } from 'zod';
import type { PatientSummary } from '#contract/patients.ts';
import { contract } from '#contract/index.ts';
import { parseWith, toNumber, typedNumber } from '../../lib/form-schema.ts';

// The form keeps what the inputs hold; on submit the values are checked with the contract's
// own schema, so the dialog refuses exactly what main refuses.

const formShape = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  gender: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  age: typedNumber,
  medicalNotes: z.string(),
});

export type PatientFormValues = z.input<typeof formShape>;

const patientFields = contract['patients.register'].input.omit({ confirmedNotDuplicate: true });
export type PatientFields = z.output<typeof patientFields>;

export const patientFormSchema = formShape.transform((v, ctx) =>
  parseWith(
    patientFields,
    {
      name: v.name,
      phone: v.phone,
      email: v.email,
      gender: v.gender ?? null,
      // A date of birth makes the age redundant: main works it out.
      dateOfBirth: v.dateOfBirth || null,
      age: v.dateOfBirth ? null : (toNumber(v.age) ?? null),
      medicalNotes: v.medicalNotes,
    },
    ctx,
  ),
);

export const PATIENT_FIELD_NAMES = ['name', 'phone', 'email', 'gender', 'dateOfBirth', 'age', 'medicalNotes'] as const;

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

const looksLikePhone = (text: string): boolean => /^[+\d\s().-]+$/.test(text) && /\d{3}/.test(text.replace(/\D/g, ''));

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
  };
}

export function patientToFormValues(patient: PatientSummary & { medicalNotes: string | null }): PatientFormValues {
  return {
    name: patient.name,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    gender: patient.gender,
    dateOfBirth: patient.dateOfBirth,
    age: patient.dateOfBirth ? '' : (patient.age ?? ''),
    medicalNotes: patient.medicalNotes ?? '',
  };
}
