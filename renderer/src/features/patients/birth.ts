import { formatDateMedium } from '../../lib/date-format.ts';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.birth;

/**
 * What is known of a patient's age, said once: the date of birth with the age it gives, or the
 * age alone when only that was given, or null when neither was.
 */
export function birthText(patient: { dateOfBirth: string | null; age: number | null }): string | null {
  if (patient.dateOfBirth) {
    const born = formatDateMedium(patient.dateOfBirth);
    return patient.age === null ? born : strings.bornWithAge(born, patient.age);
  }
  return patient.age === null ? null : strings.ageOnly(patient.age);
}
