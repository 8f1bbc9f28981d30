import { z } from 'zod';
import { userCreateSchema, userUpdateSchema, type StaffUser } from '#contract/index.ts';
import { STAFF_ROLES } from '#contract/fields.ts';
import { parseWith, toNumber, typedNumber } from '../../../lib/form-schema.ts';

// The form keeps what the inputs hold (text, numbers being typed); on submit the values are
// checked with the contract's own schemas, so the dialog refuses exactly what main refuses.

const formShape = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  role: z.enum(STAFF_ROLES),
  password: z.string(),
  doctor: z.object({
    specialization: z.string(),
    experienceYears: typedNumber,
    consultationFee: typedNumber,
    about: z.string(),
    rating: typedNumber,
    isAvailable: z.boolean(),
  }),
});

export type UserFormValues = z.input<typeof formShape>;
type DoctorFormValues = UserFormValues['doctor'];

function toDoctor(doctor: DoctorFormValues) {
  return {
    specialization: doctor.specialization,
    experienceYears: toNumber(doctor.experienceYears),
    consultationFee: toNumber(doctor.consultationFee),
    about: doctor.about,
    rating: toNumber(doctor.rating) ?? null,
    isAvailable: doctor.isAvailable,
  };
}

export const createUserFormSchema = formShape.transform((v, ctx) => {
  const base = { name: v.name, email: v.email, phone: v.phone, password: v.password };
  const candidate =
    v.role === 'doctor' ? { ...base, role: v.role, doctor: toDoctor(v.doctor) } : { ...base, role: v.role };
  return parseWith(userCreateSchema, candidate, ctx);
});

const updateFields = userUpdateSchema.omit({ userId: true, version: true });

export const editUserFormSchema = formShape.transform((v, ctx) => {
  const base = { name: v.name, email: v.email, phone: v.phone };
  const candidate = v.role === 'doctor' ? { ...base, doctor: toDoctor(v.doctor) } : base;
  return parseWith(updateFields, candidate, ctx);
});

export const USER_FIELD_NAMES = [
  'name',
  'email',
  'phone',
  'role',
  'password',
  'doctor.specialization',
  'doctor.experienceYears',
  'doctor.consultationFee',
  'doctor.about',
  'doctor.rating',
  'doctor.isAvailable',
] as const;

const emptyDoctor: DoctorFormValues = {
  specialization: '',
  experienceYears: '',
  consultationFee: '',
  about: '',
  rating: '',
  isAvailable: true,
};

export const newUserDefaults = (): UserFormValues => ({
  name: '',
  email: '',
  phone: '',
  role: 'receptionist',
  password: '',
  doctor: { ...emptyDoctor },
});

export function userToFormValues(user: StaffUser): UserFormValues {
  const doctor = user.doctor;
  return {
    name: user.name,
    email: user.email,
    phone: user.phone ?? '',
    role: user.role,
    password: '',
    doctor: doctor
      ? {
          specialization: doctor.specialization,
          experienceYears: doctor.experienceYears,
          consultationFee: doctor.consultationFee,
          about: doctor.about ?? '',
          rating: doctor.rating ?? '',
          isAvailable: doctor.isAvailable,
        }
      : { ...emptyDoctor },
  };
}
