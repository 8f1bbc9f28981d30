import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runCli, type CliRun } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_TABLES } from '../../main/cli/seed/counts.ts';
import type { ExceptionRow as Exception, SlotRow as Slot, TemplateRow as Rule } from '#db/schema.ts';

// `seed` run as a real child process: deterministic demo data that keeps every invariant.

const ARGS = '--patients 50 --doctors 3 --days 5 --past-days 4 --seed 7 --tz Europe/London --start 2026-03-26'.split(
  ' ',
);
const ACTIVE = "('scheduled', 'checked_in', 'in_consultation', 'completed')";

function withDb<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const all = <T>(db: BetterSqlite3.Database, sql: string): T[] => db.prepare(sql).all() as T[];
const count = (db: BetterSqlite3.Database, sql: string): number =>
  (db.prepare(sql).pluck().get() as number | undefined) ?? -1;
const value = (db: BetterSqlite3.Database, sql: string): unknown => db.prepare(sql).pluck().get();

/** Every row of the main tables, ordered by id, without what depends on the wall clock or salts. */
function snapshot(file: string): Record<string, unknown[]> {
  return withDb(file, (db) => {
    const out: Record<string, unknown[]> = {};
    for (const table of COUNTED_TABLES) {
      const key =
        all<{ name: string; pk: number }>(db, `PRAGMA table_info(${table})`).find((c) => c.pk === 1)?.name ?? 'rowid';
      out[table] = all<Record<string, unknown>>(db, `SELECT * FROM ${table} ORDER BY ${key}`).map((row) => {
        if (table !== 'users') return row;
        const { created_at: _c, updated_at: _u, password_hash: hash, ...rest } = row;
        return { ...rest, has_password: hash !== null };
      });
    }
    return out;
  });
}

let dir = '';
const fileA = () => join(dir, 'a.sqlite');
const fileB = () => join(dir, 'b.sqlite');
let runA: CliRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-seed-'));
  runA = await runCli(['seed', '--db', fileA(), ...ARGS]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seed', () => {
  it('sets up the demo clinic, says the default password is for demo only, and prints counts per table', () => {
    expect(runA.code, runA.stderr).toBe(0);
    expect(runA.stdout).toMatch(/demo-password-123.*demo data only/);
    // Every role's sign-in is printed, not only the admin's.
    expect(runA.stdout).toMatch(/with admin admin@clinic\.test/);
    expect(runA.stdout).toMatch(/Sign in as a receptionist:\n/);
    expect(runA.stdout).toMatch(/Sign in as a doctor:\n/);
    withDb(fileA(), (db) => {
      // Every demo receptionist and doctor is listed with their name (a small clinic: no "… more").
      const staff = all<{ email: string; name: string }>(
        db,
        "SELECT email, name FROM users WHERE role IN ('doctor', 'receptionist')",
      );
      expect(staff.length).toBeGreaterThan(3);
      for (const person of staff) expect(runA.stdout).toContain(`  ${person.email}  (${person.name})`);
      expect(runA.stdout).not.toContain('more doctors');
      for (const table of COUNTED_TABLES) {
        const rows = count(db, `SELECT count(*) FROM ${table}`);
        expect(rows, table).toBeGreaterThan(0);
        expect(runA.stdout).toMatch(new RegExp(`${table}\\s+${rows}\\b`));
      }
      expect(all(db, 'SELECT clinic_name, time_zone, currency FROM settings')).toEqual([
        { clinic_name: 'Riverside Family Clinic', time_zone: 'Europe/London', currency: 'USD' },
      ]);
      expect(count(db, "SELECT count(*) FROM users WHERE role = 'doctor'")).toBe(3);
      expect(count(db, "SELECT count(*) FROM users WHERE role = 'receptionist'")).toBe(2);
      expect(count(db, "SELECT count(*) FROM users WHERE role = 'patient'")).toBe(50);
      expect(count(db, "SELECT count(*) FROM users WHERE role = 'patient' AND password_hash IS NOT NULL")).toBe(0);
      expect(count(db, 'SELECT count(DISTINCT specialization) FROM doctors')).toBe(3);
      expect(count(db, 'SELECT count(*) FROM doctors WHERE consultation_fee < 25 OR consultation_fee > 120')).toBe(0);
    });
    expect(runA.stdout).toMatch(/Seeded in \d+\.\d+ s/);
  });

  it('keeps the booking invariants', () => {
    withDb(fileA(), (db) => {
      // is_booked = 1 exactly when the slot has an active appointment.
      const mismatched = count(
        db,
        `SELECT count(*) FROM doctor_availability s
         WHERE s.is_booked != EXISTS (SELECT 1 FROM appointments a WHERE a.availability_id = s.availability_id AND a.status IN ${ACTIVE})`,
      );
      expect(mismatched).toBe(0);
      expect(count(db, 'SELECT count(*) FROM doctor_availability WHERE is_booked = 1')).toBeGreaterThan(0);
      expect(count(db, 'SELECT count(*) FROM doctor_availability WHERE is_booked = 0')).toBeGreaterThan(0);
      const doubleBooked = count(
        db,
        `SELECT count(*) FROM (SELECT availability_id FROM appointments WHERE status IN ${ACTIVE} GROUP BY availability_id HAVING count(*) > 1)`,
      );
      expect(doubleBooked).toBe(0);
      const offSlot = count(
        db,
        `SELECT count(*) FROM appointments a JOIN doctor_availability s ON s.availability_id = a.availability_id
         WHERE a.appointment_date != s.available_date OR a.appointment_time != s.start_time OR a.doctor_id != s.doctor_id`,
      );
      expect(offSlot).toBe(0);
      // Past days hold finished visits, today and later only bookings.
      expect(
        count(db, `SELECT count(*) FROM appointments WHERE appointment_date < '2026-03-26' AND status = 'scheduled'`),
      ).toBe(0);
      expect(
        count(
          db,
          `SELECT count(*) FROM appointments WHERE appointment_date >= '2026-03-26' AND status IN ('completed', 'no_show')`,
        ),
      ).toBe(0);
      expect(
        count(db, `SELECT count(DISTINCT status) FROM appointments WHERE appointment_date < '2026-03-26'`),
      ).toBeGreaterThan(1);
    });
  });

  it('gives every doctor weekly rules from the start date, with slots shaped by them up to the horizon', () => {
    withDb(fileA(), (db) => {
      const rules = all<Rule>(db, 'SELECT * FROM schedule_templates');
      const doctors = all<{ doctor_id: number }>(db, 'SELECT doctor_id FROM doctors');
      for (const { doctor_id: id } of doctors) {
        const own = rules.filter((r) => r.doctor_id === id);
        expect(own.length, `rules of ${id}`).toBeGreaterThanOrEqual(1);
        expect(own.length).toBeLessThanOrEqual(2);
        // The clinic horizon: 12 weeks from the start, 2026-03-26 to 2026-06-17.
        expect(value(db, `SELECT max(available_date) FROM doctor_availability WHERE doctor_id = ${id}`)).toBe(
          '2026-06-17',
        );
      }
      for (const r of rules) {
        expect(r).toMatchObject({ valid_from: '2026-03-26', valid_to: null });
        expect([15, 20, 30]).toContain(r.slot_minutes);
      }
      expect(value(db, "SELECT min(available_date) FROM doctor_availability WHERE source = 'template'")).toBe(
        '2026-03-23',
      );
      expect(count(db, "SELECT count(*) FROM doctor_availability WHERE source NOT IN ('template', 'extra')")).toBe(0);
      const slots = all<Slot>(db, "SELECT * FROM doctor_availability WHERE source = 'template'");
      const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
      const fits = (s: Slot, r: Rule) =>
        r.doctor_id === s.doctor_id &&
        ((r.weekdays >> new Date(`${s.available_date}T00:00:00Z`).getUTCDay()) & 1) === 1 &&
        s.start_time >= r.start_time &&
        s.end_time <= r.end_time &&
        toMin(s.end_time) - toMin(s.start_time) === r.slot_minutes &&
        (toMin(s.start_time) - toMin(r.start_time)) % r.slot_minutes === 0;
      // The history before the start date has the same shape as the generated future.
      expect(slots.filter((s) => !rules.some((r) => fits(s, r)))).toEqual([]);
      const overlaps = count(
        db,
        `SELECT count(*) FROM doctor_availability a JOIN doctor_availability b
           ON b.doctor_id = a.doctor_id AND b.available_date = a.available_date AND b.availability_id > a.availability_id
          AND b.start_time < a.end_time AND a.start_time < b.end_time`,
      );
      expect(overlaps).toBe(0);
    });
  });

  it('adds a leave week, an extra Saturday and a few blocked slots, never booked', () => {
    withDb(fileA(), (db) => {
      const leave = all<Exception>(db, "SELECT * FROM schedule_exceptions WHERE kind = 'leave'");
      expect(leave).toEqual([
        expect.objectContaining({ start_date: '2026-04-06', end_date: '2026-04-12', start_time: null }),
      ]);
      const [away] = leave;
      const inLeave = `doctor_id = ${away?.doctor_id} AND available_date BETWEEN '${away?.start_date}' AND '${away?.end_date}'`;
      expect(count(db, `SELECT count(*) FROM doctor_availability WHERE ${inLeave}`)).toBe(0);

      const extra = all<Exception>(db, "SELECT * FROM schedule_exceptions WHERE kind = 'extra'");
      expect(extra).toEqual([
        expect.objectContaining({ start_date: '2026-03-28', start_time: '09:00', end_time: '12:00' }),
      ]);
      const extraSlots = count(
        db,
        `SELECT count(*) FROM doctor_availability WHERE source = 'extra' AND doctor_id = ${extra[0]?.doctor_id} AND available_date = '2026-03-28'`,
      );
      expect(extraSlots).toBeGreaterThan(0);
      expect(count(db, "SELECT count(*) FROM doctor_availability WHERE source = 'extra'")).toBe(extraSlots);

      const blocked = all<Slot>(db, 'SELECT * FROM doctor_availability WHERE blocked_reason IS NOT NULL');
      expect(blocked.length).toBeGreaterThanOrEqual(3);
      expect(new Set(blocked.map((b) => b.blocked_reason))).toEqual(new Set(['Team meeting', 'Lunch']));
      const admin = count(db, "SELECT user_id FROM users WHERE email = 'admin@clinic.test'");
      for (const b of blocked) expect(b.blocked_by).toBe(admin);
      expect(
        count(
          db,
          'SELECT count(*) FROM appointments a JOIN doctor_availability s USING (availability_id) WHERE s.blocked_reason IS NOT NULL',
        ),
      ).toBe(0);

      // Appointments from the first past day with slots to the last --days day; the services audited their changes.
      expect(value(db, "SELECT min(appointment_date) || ' ' || max(appointment_date) FROM appointments")).toBe(
        '2026-03-23 2026-03-30',
      );
      const audited = all<{ action: string; n: number }>(
        db,
        'SELECT action, count(*) AS n FROM audit_log GROUP BY action',
      );
      const byAction = Object.fromEntries(audited.map((a) => [a.action, a.n]));
      expect(byAction).toMatchObject({ 'leave.add': 1, 'extra.add': 1, 'slot.block': blocked.length });
      expect(byAction['template.create']).toBe(count(db, 'SELECT count(*) FROM schedule_templates'));
    });
  });

  it('has one payment per appointment, matching its status and the doctor fee', () => {
    withDb(fileA(), (db) => {
      expect(
        count(
          db,
          'SELECT count(*) FROM appointments a WHERE (SELECT count(*) FROM payments p WHERE p.appointment_id = a.appointment_id) != 1',
        ),
      ).toBe(0);
      expect(
        count(
          db,
          'SELECT count(*) FROM payments p JOIN doctors d ON d.doctor_id = (SELECT doctor_id FROM appointments WHERE appointment_id = p.appointment_id) WHERE p.amount != d.consultation_fee',
        ),
      ).toBe(0);
      const pairs = all<{ status: string; payment_status: string }>(
        db,
        'SELECT DISTINCT a.status, p.payment_status FROM appointments a JOIN payments p USING (appointment_id)',
      );
      // Past visits were paid (a few refunded since); today some paid a deposit; a no-show still owes.
      const expected: Record<string, string[]> = {
        completed: ['paid', 'partially_refunded', 'refunded'],
        scheduled: ['unpaid', 'partially_paid'],
        checked_in: ['unpaid', 'partially_paid'],
        in_consultation: ['unpaid', 'partially_paid'],
        cancelled: ['void'],
        no_show: ['unpaid'],
      };
      for (const pair of pairs) expect(expected[pair.status], pair.status).toContain(pair.payment_status);
      expect(pairs.map((p) => p.payment_status)).toEqual(expect.arrayContaining(['partially_paid', 'paid']));
      // The ledger is the truth: every payments row has a charge entry equal to its amount.
      expect(
        count(
          db,
          `SELECT count(*) FROM payments p WHERE round(p.amount * 100) != (SELECT sum(amount_minor) FROM payment_ledger l
             WHERE l.payment_id = p.payment_id AND l.kind IN ('charge', 'adjustment'))`,
        ),
      ).toBe(0);
      expect(
        count(
          db,
          "SELECT count(*) FROM payments WHERE payment_status = 'paid' AND (payment_method IS NULL OR transaction_date IS NULL)",
        ),
      ).toBe(0);
      const reschedules = count(
        db,
        `SELECT count(*) FROM appointment_reschedules r JOIN appointments a USING (appointment_id)
         WHERE r.new_date != a.appointment_date OR r.new_time != a.appointment_time OR (r.old_date = r.new_date AND r.old_time = r.new_time)`,
      );
      expect(reschedules).toBe(0);
    });
  });

  it('has one chat per (doctor, patient) pair whose last message is the latest one', () => {
    withDb(fileA(), (db) => {
      expect(
        count(db, 'SELECT count(*) FROM (SELECT 1 FROM chats GROUP BY doctor_id, patient_id HAVING count(*) > 1)'),
      ).toBe(0);
      const chats = all<{ chat_id: number; last_message: string; updated_at: string }>(db, 'SELECT * FROM chats');
      const latest = db.prepare(
        'SELECT message_text, sent_at FROM chat_messages WHERE chat_id = ? ORDER BY sent_at DESC, message_id DESC LIMIT 1',
      );
      const messages = db.prepare('SELECT count(*) FROM chat_messages WHERE chat_id = ?').pluck();
      for (const chat of chats) {
        expect(latest.get(chat.chat_id)).toEqual({ message_text: chat.last_message, sent_at: chat.updated_at });
        expect(messages.get(chat.chat_id)).toBeGreaterThanOrEqual(1);
        expect(messages.get(chat.chat_id)).toBeLessThanOrEqual(6);
      }
      const senders = all<{ role: string }>(
        db,
        'SELECT DISTINCT u.role FROM chat_messages m JOIN users u ON u.user_id = m.sender_id',
      );
      expect(senders.map((s) => s.role).sort()).toEqual(['doctor', 'receptionist']);
    });
  });

  it('passes the foreign key and integrity checks and writes one seed.run audit row with the counts', () => {
    withDb(fileA(), (db) => {
      expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const audit = all<{ after_json: string }>(
        db,
        "SELECT after_json FROM audit_log WHERE action = 'seed.run' AND entity = 'database'",
      );
      expect(audit).toHaveLength(1);
      const after = JSON.parse(audit[0]?.after_json ?? '{}') as { counts: Record<string, number> };
      for (const table of COUNTED_TABLES)
        expect(after.counts[table], table).toBe(count(db, `SELECT count(*) FROM ${table}`));
    });
  });

  it('gives the same rows for the same arguments, and different ones for another seed', async () => {
    const runB = await runCli(['seed', '--db', fileB(), ...ARGS]);
    expect(runB.code, runB.stderr).toBe(0);
    expect(snapshot(fileB())).toEqual(snapshot(fileA()));

    const fileC = join(dir, 'c.sqlite');
    const runC = await runCli(['seed', '--db', fileC, ...ARGS.slice(0, -6), '--seed', '8', ...ARGS.slice(-4)]);
    expect(runC.code, runC.stderr).toBe(0);
    expect(snapshot(fileC).patients).not.toEqual(snapshot(fileA()).patients);
  }, 60_000);

  it('lets the seeded staff sign in with the demo password', async () => {
    const run = await runCli(
      ['call', 'users.list', '{"role":"doctor"}', '--db', fileA(), '--as', 'doctor1@clinic.test'],
      'demo-password-123',
    );
    // Doctors may sign in, but only admins may list users: the refusal proves the sign-in worked.
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await runCli(
      ['call', 'users.list', '{"role":"doctor"}', '--db', fileA(), '--as', 'admin@clinic.test'],
      'demo-password-123',
    );
    expect(admin.code, admin.stderr).toBe(0);
    expect((JSON.parse(admin.stdout) as { value: unknown[] }).value).toHaveLength(3);
  });

  it('refuses to seed a seeded database again; --force adds patients only', async () => {
    const before = snapshot(fileA());
    const again = await runCli(['seed', '--db', fileA(), ...ARGS]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has 50 patients.*--force/);
    expect(snapshot(fileA())).toEqual(before);

    const forced = await runCli(['seed', '--db', fileA(), ...ARGS.slice(2), '--patients', '20', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const after = snapshot(fileA());
    expect(after.patients).toHaveLength(70);
    expect(after.users).toHaveLength((before.users ?? []).length + 20);
    for (const table of COUNTED_TABLES.filter((t) => t !== 'patients' && t !== 'users'))
      expect(after[table], table).toEqual(before[table]);
    withDb(fileA(), (db) => {
      expect(count(db, "SELECT count(*) FROM audit_log WHERE action = 'seed.run'")).toBe(2);
      expect(
        count(
          db,
          'SELECT count(*) FROM (SELECT lower(email) FROM users WHERE email IS NOT NULL GROUP BY lower(email) HAVING count(*) > 1)',
        ),
      ).toBe(0);
    });
  }, 60_000);

  it('rejects bad values with exit 2', async () => {
    const run = await runCli(['seed', '--db', join(dir, 'never.sqlite'), '--start', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--start/);
  });
});
