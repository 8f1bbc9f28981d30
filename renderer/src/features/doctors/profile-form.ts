import { z } from 'zod';
import type { Doctor } from '#contract/schedule.ts';
import { doctorProfileSchema } from '#contract/fields.ts';
import { ClinicCallError, isClinicCallError } from '../../api/errors.ts';
import { parseWith, toNumber, typedNumber } from '../../lib/form-schema.ts';
import type { UserFormValues } from '../admin/index.ts';

// The admin's profile form reuses the admin area's doctor fields, which live under "doctor."
// in the form; main's doctors.update takes them flat, so refusals are moved under "doctor.".

export type ProfileFormValues = Pick<UserFormValues, 'doctor'>;

const formShape = z.object({
  doctor: z.object({
    specialization: z.string(),
    experienceYears: typedNumber,
    consultationFee: typedNumber,
    about: z.string(),
    rating: typedNumber,
    isAvailable: z.boolean(),
  }),
});

export const profileFormSchema = formShape.transform(({ doctor }, ctx) =>
  parseWith(
    z.object({ doctor: doctorProfileSchema }),
    {
      doctor: {
        specialization: doctor.specialization,
        experienceYears: toNumber(doctor.experienceYears),
        consultationFee: toNumber(doctor.consultationFee),
        about: doctor.about,
        rating: toNumber(doctor.rating) ?? null,
        isAvailable: doctor.isAvailable,
      },
    },
    ctx,
  ),
);

export const PROFILE_FIELD_NAMES = [
  'doctor.specialization',
  'doctor.experienceYears',
  'doctor.consultationFee',
  'doctor.about',
  'doctor.rating',
  'doctor.isAvailable',
] as const;

export const profileToFormValues = (doctor: Doctor): ProfileFormValues => ({
  doctor: {
    specialization: doctor.specialization,
    experienceYears: doctor.experienceYears,
    consultationFee: doctor.consultationFee,
    about: doctor.about ?? '',
    rating: doctor.rating ?? '',
    isAvailable: doctor.isAvailable,
  },
});

/** A refusal of doctors.update with its field names as the form knows them. */
export function underDoctor(error: unknown): unknown {
  if (!isClinicCallError(error)) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([key, message]) => [key.startsWith('doctor.') ? key : `doctor.${key}`, message]),
  );
  return new ClinicCallError({ code: error.code, message: error.message, fields });
}
