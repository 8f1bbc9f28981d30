import { describe, expect, it } from 'vitest';
import {
  databaseErrorToAppError,
  isRetryableTxError,
  isServerUnreachable,
  isUniqueViolation,
} from '../../main/services/core/errors.ts';

// Database refusals from either dialect become errors a desk can act on, never raw SQL.

const pgError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error('raw text that must not leak'), { code, ...extra });

describe('database errors', () => {
  it('maps PostgreSQL refusals by SQLSTATE', () => {
    const taken = pgError('23505', {
      table: 'appointments',
      constraint: 'appointments_one_active_per_slot',
      detail: 'Key (availability_id)=(7) already exists.',
    });
    expect(databaseErrorToAppError(taken)?.code).toBe('SLOT_TAKEN');
    expect(isUniqueViolation(taken, 'appointments.availability_id')).toBe(true);
    expect(isUniqueViolation(taken, 'email')).toBe(false);
    const email = pgError('23505', {
      table: 'users',
      constraint: 'users_email_unique',
      detail: 'Key (lower(email))=(a@b.c) already exists.',
    });
    expect(databaseErrorToAppError(email)?.code).toBe('CONFLICT');
    expect(isUniqueViolation(email, 'email')).toBe(true);
    expect(databaseErrorToAppError(pgError('23503'))?.code).toBe('CONFLICT');
    expect(databaseErrorToAppError(pgError('23514'))?.code).toBe('VALIDATION');
    expect(databaseErrorToAppError(pgError('23502'))?.code).toBe('VALIDATION');
    expect(databaseErrorToAppError(pgError('23P01'))?.code).toBe('CONFLICT');
    expect(databaseErrorToAppError(pgError('P0001'))?.code).toBe('CONFLICT');
    expect(databaseErrorToAppError(pgError('40001'))?.code).toBe('CONFLICT');
    expect(databaseErrorToAppError(pgError('42P01'))).toBeNull();
    for (const code of ['23505', '40001', '08006']) {
      expect(databaseErrorToAppError(pgError(code))?.message).not.toMatch(/raw text/);
    }
  });

  it('retries only serialization failures and deadlocks', () => {
    expect(isRetryableTxError(pgError('40001'))).toBe(true);
    expect(isRetryableTxError(pgError('40P01'))).toBe(true);
    expect(isRetryableTxError(pgError('23505'))).toBe(false);
    expect(isRetryableTxError(new Error('x'))).toBe(false);
  });

  it('says plainly when the clinic server cannot be reached', () => {
    for (const error of [
      pgError('ECONNREFUSED'),
      pgError('ETIMEDOUT'),
      pgError('57P01'),
      pgError('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(isServerUnreachable(error)).toBe(true);
      expect(databaseErrorToAppError(error)?.code).toBe('UNAVAILABLE');
    }
    expect(isServerUnreachable(pgError('23505'))).toBe(false);
  });

  it('keeps the SQLite mapping as it was', () => {
    const unique = pgError('SQLITE_CONSTRAINT_UNIQUE');
    unique.message = 'UNIQUE constraint failed: appointments.availability_id';
    expect(databaseErrorToAppError(unique)?.code).toBe('SLOT_TAKEN');
    expect(isUniqueViolation(unique, 'appointments.availability_id')).toBe(true);
    expect(databaseErrorToAppError(pgError('SQLITE_CONSTRAINT_CHECK'))?.code).toBe('VALIDATION');
    expect(databaseErrorToAppError(pgError('SQLITE_BUSY'))?.code).toBe('CONFLICT');
  });
});
