import type { ClinicError, ErrorCode } from '../../preload/contract.ts';

/** A refusal a user can act on. Thrown by services, returned as data by the dispatcher. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toClinicError(): ClinicError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `That ${what} no longer exists.`);

export const staleRecord = (what: string): AppError =>
  new AppError(
    'STALE',
    `Someone else saved this ${what} while you were editing. Reload it to see their changes, then try again.`,
  );

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

function sqliteError(error: unknown): { code: string; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as SqliteLikeError;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  return { code, message: typeof message === 'string' ? message : '' };
}

/**
 * Turns a database refusal into a user-facing error without leaking SQL. Services catch the
 * specific constraints they expect and say something better; this is the safety net.
 */
export function databaseErrorToAppError(error: unknown): AppError | null {
  const found = sqliteError(error);
  if (!found) return null;
  const { code, message } = found;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    if (message.includes('appointments')) {
      return new AppError('SLOT_TAKEN', 'This slot was just booked at another desk. Choose another slot.');
    }
    return new AppError('CONFLICT', 'A record with the same details already exists.');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('CONFLICT', 'This record is linked to others that are missing or still use it.');
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') {
    return new AppError('VALIDATION', 'Some of the values are not allowed. Check the form and try again.');
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    return new AppError('CONFLICT', 'This change is not allowed for this record.');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED') {
    return new AppError('CONFLICT', 'The database is busy with another desk’s change. Try again in a moment.');
  }
  return null;
}

export function isUniqueViolation(error: unknown, indexOrColumn: string): boolean {
  const found = sqliteError(error);
  return found !== null && found.code === 'SQLITE_CONSTRAINT_UNIQUE' && found.message.includes(indexOrColumn);
}
