import type { ClinicError, ErrorCode } from '#contract/index.ts';

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

interface DriverError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  table?: unknown;
  detail?: unknown;
}

interface FoundError {
  dialect: 'sqlite' | 'postgres' | 'network';
  code: string;
  message: string;
}

// PostgreSQL's SQLSTATEs (pg sets `code` to them); network errors carry Node's codes.
const PG_STATE = /^[0-9A-Z]{5}$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);

/** PostgreSQL names the constraint, table and key: described like SQLite's "table.column" text. */
function describePostgres(error: DriverError): string {
  const table = typeof error.table === 'string' ? error.table : '';
  const columns = typeof error.detail === 'string' ? (/^Key \((.+?)\)=/.exec(error.detail)?.[1] ?? '') : '';
  const qualified = columns
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => `${table}.${c}`)
    .join(', ');
  const constraint = typeof error.constraint === 'string' ? error.constraint : '';
  return `${constraint} ${table} ${qualified}`;
}

function driverError(error: unknown): FoundError | null {
  if (typeof error !== 'object' || error === null) return null;
  const found = error as DriverError;
  const { code } = found;
  const message = typeof found.message === 'string' ? found.message : '';
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { dialect: 'sqlite', code, message };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return { dialect: 'network', code, message };
  if (typeof code === 'string' && PG_STATE.test(code)) {
    return { dialect: 'postgres', code, message: describePostgres(found) };
  }
  // pg's own errors when the server goes away mid-query or a connection cannot be made.
  if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message)) {
    return { dialect: 'network', code: 'CONNECTION', message };
  }
  return null;
}

/** A connection-level failure: the clinic server is down, restarting or unreachable. */
export function isServerUnreachable(error: unknown): boolean {
  const found = driverError(error);
  if (!found) return false;
  if (found.dialect === 'network') return true;
  // 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
  return found.dialect === 'postgres' && (found.code.startsWith('08') || /^57P0[1-3]$/.test(found.code));
}

/** PostgreSQL asked to run the transaction again: serialization failure or deadlock. */
export function isRetryableTxError(error: unknown): boolean {
  const found = driverError(error);
  return found?.dialect === 'postgres' && (found.code === '40001' || found.code === '40P01');
}

const slotTaken = (): AppError =>
  new AppError('SLOT_TAKEN', 'This slot was just booked at another desk. Choose another slot.');
const duplicate = (): AppError => new AppError('CONFLICT', 'A record with the same details already exists.');
const linked = (): AppError =>
  new AppError('CONFLICT', 'This record is linked to others that are missing or still use it.');
const notAllowedValues = (): AppError =>
  new AppError('VALIDATION', 'Some of the values are not allowed. Check the form and try again.');
const notAllowedChange = (): AppError => new AppError('CONFLICT', 'This change is not allowed for this record.');
const busy = (): AppError =>
  new AppError('CONFLICT', 'The database is busy with another desk’s change. Try again in a moment.');
export const serverUnreachable = (): AppError =>
  new AppError(
    'UNAVAILABLE',
    'The clinic server cannot be reached, so nothing was saved. Check the network; the app keeps trying.',
  );

function postgresToAppError(code: string, description: string): AppError | null {
  if (code === '23505') return description.includes('appointments') ? slotTaken() : duplicate();
  if (code === '23503') return linked();
  if (code === '23514' || code === '23502' || code === '22P02' || code === '22001') return notAllowedValues();
  // Exclusion constraints (overlapping slots) and our triggers' refusals (append-only audit log).
  if (code === '23P01' || code === 'P0001') return notAllowedChange();
  if (code === '40001' || code === '40P01' || code === '55P03') return busy();
  if (code.startsWith('08') || /^57P0[1-3]$/.test(code)) return serverUnreachable();
  return null;
}

/**
 * Turns a database refusal into a user-facing error without leaking SQL. Services catch the
 * specific constraints they expect and say something better; this is the safety net.
 */
export function databaseErrorToAppError(error: unknown): AppError | null {
  const found = driverError(error);
  if (!found) return null;
  const { code, message } = found;
  if (found.dialect === 'network') return serverUnreachable();
  if (found.dialect === 'postgres') return postgresToAppError(code, message);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return message.includes('appointments') ? slotTaken() : duplicate();
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return linked();
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') return notAllowedValues();
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return notAllowedChange();
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED') return busy();
  return null;
}

/**
 * A unique-constraint refusal naming `indexOrColumn`: SQLite's "UNIQUE constraint failed:
 * table.column" text, or PostgreSQL's constraint name, table and key columns.
 */
export function isUniqueViolation(error: unknown, indexOrColumn: string): boolean {
  const found = driverError(error);
  if (!found) return false;
  const unique =
    (found.dialect === 'sqlite' && found.code === 'SQLITE_CONSTRAINT_UNIQUE') ||
    (found.dialect === 'postgres' && found.code === '23505');
  return unique && found.message.includes(indexOrColumn);
}

/**
 * A no-overlap refusal naming `table`: SQLite's trigger ("<table> overlap") or PostgreSQL's
 * exclusion constraint on that table.
 */
export function isOverlapRefusal(error: unknown, table: string): boolean {
  const found = driverError(error);
  if (!found) return false;
  const overlap =
    (found.dialect === 'sqlite' && found.code === 'SQLITE_CONSTRAINT_TRIGGER') ||
    (found.dialect === 'postgres' && found.code === '23P01');
  return overlap && found.message.includes(table);
}
