import type { z } from 'zod';
import type { ClinicError } from '#contract/index.ts';

/** Turns zod issues into a sentence per field, keyed by the field's path ("doctor.consultationFee"). */
export function validationError(error: z.ZodError): ClinicError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    fields[key] ??= issue.message;
  }
  const sentences = [...new Set(Object.values(fields))];
  return {
    code: 'VALIDATION',
    message:
      sentences.length === 1
        ? (sentences[0] ?? '')
        : `Please correct ${sentences.length} fields. ${sentences.join(' ')}`,
    fields,
  };
}
