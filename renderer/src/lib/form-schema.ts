import { z } from 'zod';

/** What a number input holds: a number, or text while it is being typed or left empty. */
export const typedNumber = z.union([z.number(), z.string()]);

/** Empty input → undefined (so "required" messages apply); anything else → a number or NaN. */
export const toNumber = (value: number | string): number | undefined =>
  typeof value === 'number' ? value : value.trim() === '' ? undefined : Number(value);

/**
 * Inside a form schema's transform: checks the converted values with a contract schema and
 * reports its issues at the same field paths, so a form refuses exactly what main refuses.
 */
export function parseWith<S extends z.ZodType>(schema: S, candidate: unknown, ctx: z.RefinementCtx): z.output<S> {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
}
