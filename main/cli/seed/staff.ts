import { SPECIALIZATIONS } from './catalog.ts';
import { generateName, type Gender } from './names.ts';
import type { Rng } from './prng.ts';

/** A staff account the seed asks the users service to create (same fields as `users.create`). */
export interface SeedStaff {
  name: string;
  email: string;
  phone: string | null;
  role: 'receptionist' | 'doctor';
  doctor?: {
    specialization: string;
    experienceYears: number;
    consultationFee: number;
    about: string | null;
    rating: number | null;
    isAvailable: boolean;
  };
}

export const RECEPTIONIST_COUNT = 2;

const phone = (rng: Rng): string => `555${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
const gender = (rng: Rng): Gender => (rng.chance(0.5) ? 'female' : 'male');

export function receptionistEmail(index: number): string {
  return `reception${index + 1}@clinic.test`;
}

export function doctorEmail(index: number): string {
  return `doctor${index + 1}@clinic.test`;
}

export function generateStaff(rng: Rng, doctorCount: number): SeedStaff[] {
  const staff: SeedStaff[] = [];
  for (let i = 0; i < RECEPTIONIST_COUNT; i++) {
    const name = generateName(rng, gender(rng));
    staff.push({
      name: `${name.first} ${name.last}`,
      email: receptionistEmail(i),
      phone: phone(rng),
      role: 'receptionist',
    });
  }
  for (let i = 0; i < doctorCount; i++) {
    const name = generateName(rng, gender(rng));
    // The first doctors cover the list in order (so a small clinic still has a GP), then repeat.
    const specialization = SPECIALIZATIONS[i % SPECIALIZATIONS.length] ?? SPECIALIZATIONS[0];
    const experienceYears = rng.int(2, 35);
    staff.push({
      name: `${name.first} ${name.last}`,
      email: doctorEmail(i),
      phone: phone(rng),
      role: 'doctor',
      doctor: {
        specialization: specialization.name,
        experienceYears,
        consultationFee: rng.int(5, 24) * 5,
        about: `${specialization.about} ${experienceYears} years of practice.`,
        rating: rng.int(35, 50) / 10,
        isAvailable: true,
      },
    });
  }
  return staff;
}
