import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { migrateTo, migrateToLatest } from '#db/migrate.ts';
import { sql } from 'kysely';
import { insertAppointment, insertDoctor, insertPatient, insertSlot, insertUser } from '../support/fixtures.ts';
import { paymentsWorld } from '../support/payments.ts';
import { createTestApp, setUpClinic } from '../support/test-app.ts';

// What the database itself refuses about money, below any service, and migration 0007 on a
// database that already has payments.

let handle: SqliteHandle | null = null;
let dir: string | null = null;

function openFile(): SqliteHandle {
  dir = mkdtempSync(join(tmpdir(), 'clinic-payments-'));
  handle = openSqlite(join(dir, 'clinic.sqlite'));
  return handle;
}
afterEach(async () => {
  await handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  handle = null;
  dir = null;
});

const NOW = '2026-03-02T09:00:00.000Z';

async function latestWithAppointment() {
  const h = openFile();
  await migrateToLatest(h.db);
  h.raw
    .prepare("INSERT INTO settings (clinic_name, time_zone, currency, updated_at) VALUES ('C', 'UTC', 'USD', ?)")
    .run(NOW);
  const doctor = insertDoctor(h.raw);
  const patient = insertPatient(h.raw);
  const appointment = insertAppointment(h.raw, insertSlot(h.raw, doctor), doctor, patient);
  const payment = Number(
    h.raw.prepare('INSERT INTO payments (appointment_id, amount) VALUES (?, 25)').run(appointment).lastInsertRowid,
  );
  const entry = (kind: string, amount: number, method: string | null = null, reason: string | null = null) =>
    h.raw
      .prepare(
        `INSERT INTO payment_ledger (payment_id, appointment_id, kind, amount_minor, currency, method, reason, created_at)
         VALUES (?, ?, ?, ?, 'USD', ?, ?, ?)`,
      )
      .run(payment, appointment, kind, amount, method, reason, NOW);
  return { h, appointment, payment, entry };
}

describe('payments in the database', () => {
  it('refuses a second payments row for one appointment', async () => {
    const { h, appointment } = await latestWithAppointment();
    expect(() =>
      h.raw.prepare('INSERT INTO payments (appointment_id, amount) VALUES (?, 10)').run(appointment),
    ).toThrow(/UNIQUE/);
  });

  it('keeps the ledger append-only: UPDATE and DELETE are refused', async () => {
    const { h, entry } = await latestWithAppointment();
    entry('charge', 2500);
    expect(() => h.raw.prepare('UPDATE payment_ledger SET amount_minor = 1').run()).toThrow(/append-only/);
    expect(() => h.raw.prepare('DELETE FROM payment_ledger').run()).toThrow(/append-only/);
    expect(h.raw.prepare('SELECT amount_minor FROM payment_ledger').all()).toEqual([{ amount_minor: 2500 }]);
  });

  it('checks kinds, signs, methods and reasons', async () => {
    const { entry } = await latestWithAppointment();
    expect(() => entry('gift', 100)).toThrow(/CHECK/);
    expect(() => entry('charge', -1)).toThrow(/CHECK/);
    expect(() => entry('payment', 0, 'cash')).toThrow(/CHECK/);
    expect(() => entry('payment', -5, 'cash')).toThrow(/CHECK/);
    expect(() => entry('payment', 5, null)).toThrow(/CHECK/);
    expect(() => entry('payment', 5, 'cheque')).toThrow(/CHECK/);
    expect(() => entry('refund', 5, 'cash', null)).toThrow(/CHECK/);
    expect(() => entry('adjustment', 0, null, 'why')).toThrow(/CHECK/);
    expect(() => entry('adjustment', -500, null, null)).toThrow(/CHECK/);
    expect(() => entry('charge', 100, 'cash')).toThrow(/CHECK/);
    entry('charge', 2500);
    entry('adjustment', -500, null, 'Discount');
    entry('payment', 2000, 'card');
    entry('refund', 500, 'card', 'Goodwill');
  });

  it('allows one open cash drawer at a time', async () => {
    const { h } = await latestWithAppointment();
    const open = h.raw.prepare('INSERT INTO cash_drawer_sessions (opened_at, float_minor) VALUES (?, 1000)');
    open.run(NOW);
    expect(() => open.run(NOW)).toThrow(/UNIQUE/);
    h.raw
      .prepare(
        'UPDATE cash_drawer_sessions SET closed_at = ?, counted_minor = 900, expected_minor = 1000, difference_minor = -100',
      )
      .run(NOW);
    open.run(NOW);
    expect(() =>
      h.raw
        .prepare(
          'UPDATE cash_drawer_sessions SET closed_at = ?, counted_minor = 900, expected_minor = 1000, difference_minor = 5 WHERE closed_at IS NULL',
        )
        .run(NOW),
    ).toThrow(/CHECK/);
  });

  it('never reuses a receipt number, even after the last one is removed', async () => {
    const { h, appointment } = await latestWithAppointment();
    const issue = () =>
      Number(
        h.raw
          .prepare("INSERT INTO receipts (kind, appointment_id, issued_at) VALUES ('appointment', ?, ?)")
          .run(appointment, NOW).lastInsertRowid,
      );
    const first = issue();
    const second = issue();
    h.raw.prepare('DELETE FROM receipts WHERE receipt_id = ?').run(second);
    expect(issue()).toBe(second + 1);
    expect(second).toBe(first + 1);
  });
});

describe('migration 0007', () => {
  it('writes the ledger entries that reproduce existing payments rows, so summaries equal the ledger', async () => {
    const h = openFile();
    await migrateTo(h.db, '0006_waitlist');
    h.raw
      .prepare("INSERT INTO settings (clinic_name, time_zone, currency, updated_at) VALUES ('C', 'UTC', 'KWD', ?)")
      .run(NOW);
    insertUser(h.raw, 'admin', 'admin@x.test');
    const doctor = insertDoctor(h.raw);
    const patient = insertPatient(h.raw);
    const rows: [string, number, string | null, string, string | null][] = [
      // appointment status, amount, method, payment status, transaction date
      ['completed', 12.345, 'card', 'paid', '2026-03-01T10:00:00.000Z'],
      ['scheduled', 20, null, 'unpaid', null],
      ['cancelled', 20, null, 'void', null],
      ['completed', 7.5, 'cash', 'refunded', '2026-03-01T11:00:00.000Z'],
      ['completed', 9, null, 'partially_paid', null],
      ['completed', 0, null, 'unpaid', null],
    ];
    const ids = rows.map(([status, amount, method, paymentStatus, at], i) => {
      const slot = insertSlot(h.raw, doctor, '2026-03-01', `0${i}:00`, `0${i}:30`);
      const appointment = insertAppointment(h.raw, slot, doctor, patient, status);
      h.raw
        .prepare(
          'INSERT INTO payments (appointment_id, amount, payment_method, payment_status, transaction_date) VALUES (?, ?, ?, ?, ?)',
        )
        .run(appointment, amount, method, paymentStatus, at);
      return appointment;
    });
    await migrateToLatest(h.db);

    const ledger = h.raw
      .prepare(
        'SELECT appointment_id, kind, amount_minor, method, currency FROM payment_ledger ORDER BY appointment_id, entry_id',
      )
      .all();
    expect(ledger).toEqual([
      { appointment_id: ids[0], kind: 'charge', amount_minor: 12345, method: null, currency: 'KWD' },
      { appointment_id: ids[0], kind: 'payment', amount_minor: 12345, method: 'card', currency: 'KWD' },
      { appointment_id: ids[1], kind: 'charge', amount_minor: 20000, method: null, currency: 'KWD' },
      { appointment_id: ids[2], kind: 'charge', amount_minor: 20000, method: null, currency: 'KWD' },
      { appointment_id: ids[3], kind: 'charge', amount_minor: 7500, method: null, currency: 'KWD' },
      { appointment_id: ids[3], kind: 'payment', amount_minor: 7500, method: 'cash', currency: 'KWD' },
      { appointment_id: ids[3], kind: 'refund', amount_minor: 7500, method: 'cash', currency: 'KWD' },
      { appointment_id: ids[4], kind: 'charge', amount_minor: 9000, method: null, currency: 'KWD' },
      { appointment_id: ids[5], kind: 'charge', amount_minor: 0, method: null, currency: 'KWD' },
    ]);
    const payments = h.raw
      .prepare('SELECT amount, payment_method, payment_status, transaction_date FROM payments ORDER BY appointment_id')
      .all();
    expect(payments).toEqual([
      { amount: 12.345, payment_method: 'card', payment_status: 'paid', transaction_date: '2026-03-01T10:00:00.000Z' },
      { amount: 20, payment_method: null, payment_status: 'unpaid', transaction_date: null },
      { amount: 20, payment_method: null, payment_status: 'void', transaction_date: null },
      { amount: 7.5, payment_method: 'cash', payment_status: 'refunded', transaction_date: '2026-03-01T11:00:00.000Z' },
      // No paid amount was recorded for a partial payment: nothing is invented.
      { amount: 9, payment_method: null, payment_status: 'unpaid', transaction_date: null },
      { amount: 0, payment_method: null, payment_status: 'paid', transaction_date: null },
    ]);
    expect(h.raw.prepare('SELECT refund_approval_threshold_minor AS t FROM settings').get()).toEqual({ t: 10000 });
    expect(h.raw.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('the ledger on this project’s database (SQLite, or PostgreSQL in integration-pg)', () => {
  it('refuses UPDATE and DELETE of ledger entries and a second payments row', async () => {
    const app = await createTestApp();
    try {
      await setUpClinic(app);
      const world = await paymentsWorld(app);
      const appointmentId = await world.book();
      const db = app.core.database.db;
      await expect(sql`UPDATE payment_ledger SET amount_minor = 1`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM payment_ledger`.execute(db)).rejects.toThrow(/append-only/);
      await expect(
        sql`INSERT INTO payments (appointment_id, amount) VALUES (${appointmentId}, 1)`.execute(db),
      ).rejects.toThrow(/unique|UNIQUE/);
      const entries = await sql<{ n: number }>`SELECT count(*) AS n FROM payment_ledger`.execute(db);
      expect(Number(entries.rows[0]?.n)).toBe(1);
    } finally {
      await app.close();
    }
  });
});
