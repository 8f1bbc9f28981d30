import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { migrateToLatest } from '#db/migrate.ts';
import { insertAppointment, insertDoctor, insertPatient, insertSlot, insertUser } from '../support/fixtures.ts';

// The database itself refuses bad data, whatever code writes it.

let handle: SqliteHandle;
let raw: BetterSqlite3.Database;
beforeEach(async () => {
  handle = openSqlite(':memory:');
  raw = handle.raw;
  await migrateToLatest(handle.db);
});
afterEach(() => handle.close());

const refuses = (fn: () => unknown, pattern: RegExp) => expect(fn).toThrow(pattern);

describe('users', () => {
  it('allows only the four roles and three statuses', () => {
    refuses(() => insertUser(raw, 'nurse', 'n@x.test'), /CHECK constraint/);
    const id = insertUser(raw, 'admin', 'a@x.test');
    refuses(() => raw.prepare("UPDATE users SET status = 'deleted' WHERE user_id = ?").run(id), /CHECK constraint/);
  });

  it('keeps staff emails unique whatever their case; patients may share one or have none', () => {
    insertUser(raw, 'admin', 'a@x.test');
    refuses(
      () =>
        raw
          .prepare(
            "INSERT INTO users (name, email, password_hash, role, created_at) VALUES ('B', 'A@X.TEST', 'h', 'admin', 'now')",
          )
          .run(),
      /UNIQUE|CHECK/,
    );
    insertUser(raw, 'patient', null);
    insertUser(raw, 'patient', null);
    insertUser(raw, 'patient', 'family@x.test');
    insertUser(raw, 'patient', 'family@x.test');
    expect(raw.prepare("SELECT count(*) AS n FROM users WHERE role = 'patient'").get()).toEqual({ n: 4 });
    insertUser(raw, 'doctor', 'family@x.test');
    refuses(() => insertUser(raw, 'admin', 'family@x.test'), /UNIQUE/);
  });

  it('gives staff a password and patients none', () => {
    refuses(() => insertUser(raw, 'receptionist', 'r@x.test', null), /CHECK constraint/);
    refuses(() => insertUser(raw, 'patient', null, 'hash'), /CHECK constraint/);
  });
});

describe('doctors and patients', () => {
  it('ties a doctors row to a doctor user and a patients row to a patient user', () => {
    const receptionist = insertUser(raw, 'receptionist', 'r@x.test');
    refuses(
      () => raw.prepare("INSERT INTO doctors (doctor_id, specialization) VALUES (?, 'ENT')").run(receptionist),
      /FOREIGN KEY/,
    );
    refuses(() => raw.prepare('INSERT INTO patients (patient_id) VALUES (?)').run(receptionist), /FOREIGN KEY/);
    const doctor = insertDoctor(raw);
    // A doctor's role cannot be changed while the doctors row exists.
    refuses(() => raw.prepare("UPDATE users SET role = 'admin' WHERE user_id = ?").run(doctor), /FOREIGN KEY/);
  });

  it('checks fee, rating and availability values', () => {
    const id = insertUser(raw, 'doctor', 'd@x.test');
    refuses(
      () =>
        raw.prepare("INSERT INTO doctors (doctor_id, specialization, consultation_fee) VALUES (?, 'ENT', -1)").run(id),
      /CHECK/,
    );
    refuses(
      () => raw.prepare("INSERT INTO doctors (doctor_id, specialization, rating) VALUES (?, 'ENT', 6)").run(id),
      /CHECK/,
    );
    refuses(
      () => raw.prepare("INSERT INTO doctors (doctor_id, specialization, is_available) VALUES (?, 'ENT', 2)").run(id),
      /CHECK/,
    );
  });
});

describe('slots and appointments', () => {
  it('accepts only HH:MM and YYYY-MM-DD, with start before end', () => {
    const doctor = insertDoctor(raw);
    for (const [date, start, end] of [
      ['2026-03-02', '9:00', '09:15'],
      ['2026-03-02', '24:00', '24:15'],
      ['2026-03-02', '09:60', '10:15'],
      ['2026-3-2', '09:00', '09:15'],
      ['2026-13-02', '09:00', '09:15'],
      ['2026-03-02', '0a:00', '09:15'],
      ['2026-03-02', '09:15', '09:00'],
      ['2026-03-02', '09:00', '09:00'],
    ] as const) {
      refuses(() => insertSlot(raw, doctor, date, start, end), /CHECK constraint/);
    }
    expect(insertSlot(raw, doctor, '2026-12-31', '23:30', '23:59')).toBeGreaterThan(0);
  });

  it('never lets one doctor have two slots that overlap', () => {
    const doctor = insertDoctor(raw);
    insertSlot(raw, doctor, '2026-03-02', '09:00', '09:30');
    refuses(() => insertSlot(raw, doctor), /overlap/);
    refuses(() => insertSlot(raw, doctor, '2026-03-02', '09:15', '09:45'), /overlap/);
    refuses(() => insertSlot(raw, doctor, '2026-03-02', '08:45', '10:00'), /overlap/);
    const slot = insertSlot(raw, doctor, '2026-03-02', '09:30', '09:45');
    refuses(
      () => raw.prepare("UPDATE doctor_availability SET start_time = '09:20' WHERE availability_id = ?").run(slot),
      /overlap/,
    );
    // Back to back is fine, and so is another doctor at the same time.
    expect(insertSlot(raw, insertDoctor(raw), '2026-03-02', '09:00', '09:30')).toBeGreaterThan(0);
  });

  it('allows one active appointment per slot, however many were cancelled', () => {
    const doctor = insertDoctor(raw);
    const slot = insertSlot(raw, doctor);
    const [p1, p2, p3] = [insertPatient(raw), insertPatient(raw), insertPatient(raw)];
    insertAppointment(raw, slot, doctor, p1, 'cancelled');
    insertAppointment(raw, slot, doctor, p2, 'no_show');
    insertAppointment(raw, slot, doctor, p3, 'scheduled');
    for (const status of ['scheduled', 'checked_in', 'in_consultation', 'completed']) {
      refuses(
        () => insertAppointment(raw, slot, doctor, p1, status),
        /UNIQUE constraint failed: appointments.availability_id/,
      );
    }
    refuses(() => insertAppointment(raw, slot, doctor, p1, 'pending'), /CHECK/);
  });

  it('refuses an appointment for a slot, doctor or patient that does not exist', () => {
    const doctor = insertDoctor(raw);
    const patient = insertPatient(raw);
    refuses(() => insertAppointment(raw, 9999, doctor, patient), /FOREIGN KEY/);
  });
});

describe('payments, chats and the audit log', () => {
  it('has one payments row per appointment and known statuses and methods only', () => {
    const doctor = insertDoctor(raw);
    const appointment = insertAppointment(raw, insertSlot(raw, doctor), doctor, insertPatient(raw));
    const pay = raw.prepare(
      'INSERT INTO payments (appointment_id, amount, payment_method, payment_status) VALUES (?, ?, ?, ?)',
    );
    pay.run(appointment, 25, 'cash', 'paid');
    refuses(() => pay.run(appointment, 25, 'cash', 'paid'), /UNIQUE/);
    const other = insertAppointment(raw, insertSlot(raw, doctor, '2026-03-03'), doctor, insertPatient(raw));
    refuses(() => pay.run(other, 25, 'bitcoin', 'paid'), /CHECK/);
    refuses(() => pay.run(other, 25, 'cash', 'done'), /CHECK/);
    refuses(() => pay.run(other, -5, 'cash', 'paid'), /CHECK/);
  });

  it('has one chat per doctor and patient, and messages of 1 to 4000 characters', () => {
    const doctor = insertDoctor(raw);
    const patient = insertPatient(raw);
    const chat = raw.prepare("INSERT INTO chats (doctor_id, patient_id, updated_at) VALUES (?, ?, 'now')");
    const chatId = Number(chat.run(doctor, patient).lastInsertRowid);
    refuses(() => chat.run(doctor, patient), /UNIQUE/);
    const message = raw.prepare(
      "INSERT INTO chat_messages (chat_id, sender_id, message_text, sent_at) VALUES (?, ?, ?, 'now')",
    );
    message.run(chatId, doctor, 'hello');
    refuses(() => message.run(chatId, doctor, ''), /CHECK/);
    refuses(() => message.run(chatId, doctor, 'x'.repeat(4001)), /CHECK/);
  });

  it('keeps the audit log append-only', () => {
    raw.prepare("INSERT INTO audit_log (at, action, entity) VALUES ('now', 'test', 'x')").run();
    refuses(() => raw.prepare("UPDATE audit_log SET action = 'changed'").run(), /append-only/);
    refuses(() => raw.prepare('DELETE FROM audit_log').run(), /append-only/);
  });

  it('has a single settings row', () => {
    const insert = raw.prepare(
      "INSERT INTO settings (id, clinic_name, time_zone, currency, updated_at) VALUES (?, 'C', 'UTC', 'USD', 'now')",
    );
    insert.run(1);
    refuses(() => insert.run(2), /CHECK/);
  });
});
