import type { z } from 'zod';
import { UsageError } from './args.ts';

/** Parses a flag value with the contract's own schema; a refusal is bad usage (exit 2). */
export function checked<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const messages = [...new Set(result.error.issues.map((i) => i.message))];
  throw new UsageError(`${label}: ${messages.join(' ')}`);
}
