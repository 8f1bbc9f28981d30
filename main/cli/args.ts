import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Bad usage: the router prints the message and the usage text, and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A refusal the user can act on: printed without a stack trace, exit 1. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseFlags(argv: readonly string[], options: ParseArgsOptionsConfig, maxPositionals = 0): ParsedFlags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? 'Bad arguments.') : 'Bad arguments.',
    );
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument: ${parsed.positionals[maxPositionals] ?? ''}`);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' || typeof value === 'boolean' || value === undefined) values[key] = value;
  }
  return { values, positionals: parsed.positionals };
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value;
}

export function requiredFlag(flags: ParsedFlags, name: string): string {
  const value = stringFlag(flags, name);
  if (value === undefined) throw new UsageError(`Missing --${name}.`);
  return value;
}

export function intFlag(flags: ParsedFlags, name: string, fallback: number, min: number, max: number): number {
  const value = stringFlag(flags, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}.`);
  return n;
}

export const DB_OPTION = { db: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;

export const PASSWORD_ENV = 'CLINIC_PASSWORD';
