import { amountProblemSentence, readAmount } from '#shared/money.ts';
import { AppError } from '../core/errors.ts';

/**
 * A typed amount in minor units, read by the shared rule (#shared/money.ts); a refusal is a
 * VALIDATION error naming `field`, with a sentence that names the `label` ("float", "refund").
 */
export function parseMinor(text: string, digits: number, field: string, label: string, allowZero = false): number {
  const reading = readAmount(text, digits, { allowZero });
  if (reading.ok) return reading.minor;
  const message = amountProblemSentence(reading.problem, digits, label);
  throw new AppError('VALIDATION', message, { [field]: message });
}
