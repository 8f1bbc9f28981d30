import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { migrateToLatest } from '#db/migrate.ts';
import {
  ACTIVE_STATUSES,
  APPOINTMENT_STATUSES,
  canMove,
  INACTIVE_STATUSES,
  LEDGER_KINDS,
  OPEN_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  STATUS_MOVES,
  TERMINAL_STATUSES,
} from '#shared/statuses.ts';

// The shared lists are the one copy the code uses; the frozen migrations keep their own in
// their CHECKs, so this reads the CHECKs of a freshly migrated database and compares.

let handle: SqliteHandle;
beforeAll(async () => {
  handle = openSqlite(':memory:');
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

const tableSql = (name: string): string =>
  handle.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) as string;
const inList = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

describe('shared statuses', () => {
  it('match the database CHECKs the migrations created', () => {
    expect(tableSql('appointments')).toContain(inList('status', APPOINTMENT_STATUSES));
    expect(tableSql('appointment_status_history')).toContain(inList('to_status', APPOINTMENT_STATUSES));
    expect(tableSql('payments')).toContain(inList('payment_status', PAYMENT_STATUSES));
    expect(tableSql('payments')).toContain(inList('payment_method', PAYMENT_METHODS));
    expect(tableSql('payment_ledger')).toContain(inList('kind', LEDGER_KINDS));
    expect(tableSql('payment_ledger')).toContain(inList('method', PAYMENT_METHODS));
  });

  it('split every appointment status into slot-holding or slot-freeing, once', () => {
    expect([...ACTIVE_STATUSES, ...INACTIVE_STATUSES].sort()).toEqual([...APPOINTMENT_STATUSES].sort());
    expect(OPEN_STATUSES.every((s) => (ACTIVE_STATUSES as readonly string[]).includes(s))).toBe(true);
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...APPOINTMENT_STATUSES].sort());
  });

  it('move forward only: nothing leaves a terminal status, nothing goes back to scheduled', () => {
    for (const from of TERMINAL_STATUSES) for (const to of APPOINTMENT_STATUSES) expect(canMove(from, to)).toBe(false);
    for (const from of APPOINTMENT_STATUSES) expect(canMove(from, 'scheduled')).toBe(false);
    expect(canMove('scheduled', 'checked_in')).toBe(true);
    expect(canMove('checked_in', 'in_consultation')).toBe(true);
    expect(canMove('in_consultation', 'completed')).toBe(true);
    expect(canMove('scheduled', 'completed')).toBe(false);
    expect(canMove('in_consultation', 'cancelled')).toBe(false);
    expect(Object.keys(STATUS_MOVES).sort()).toEqual([
      'cancelled',
      'checked_in',
      'completed',
      'in_consultation',
      'no_show',
    ]);
  });
});
