import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isClinicCallError, messageOf } from './errors.ts';

/**
 * Puts a server refusal's `fields` beside the matching form fields (keys are field paths such as
 * "doctor.consultationFee") and focuses the first one. Returns the sentence to show above the form
 * when something could not be placed beside a field, or null when every part of it was.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly Path<T>[],
): string | null {
  if (!isClinicCallError(error)) return messageOf(error);
  const known = new Set<string>(fieldNames);
  let placed = 0;
  let unplaced = false;
  for (const [key, message] of Object.entries(error.fields)) {
    if (known.has(key)) {
      setError(key as Path<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced = true;
    }
  }
  return placed > 0 && !unplaced ? null : error.message;
}
