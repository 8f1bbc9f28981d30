import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { createMigrator, LATEST_MIGRATION, migrateTo, migrateToLatest, MIGRATIONS } from '#db/migrate.ts';
import { SEED_SCHEMA } from '../support/er-schema.ts';
import { insertAppointment, insertDoctor, insertPatient, insertSlot, insertUser } from '../support/fixtures.ts';

const FOREIGN_KEYS: [string, string, string, string][] = [
  ['patients', 'patient_id', 'users', 'user_id'],
  ['doctors', 'doctor_id', 'users', 'user_id'],
  ['doctor_availability', 'doctor_id', 'doctors', 'doctor_id'],
  ['appointments', 'doctor_id', 'doctors', 'doctor_id'],
  ['appointments', 'patient_id', 'patients', 'patient_id'],
  ['appointments', 'availability_id', 'doctor_availability', 'availability_id'],
  ['appointment_reschedules', 'appointment_id', 'appointments', 'appointment_id'],
  ['payments', 'appointment_id', 'appointments', 'appointment_id'],
  ['chats', 'doctor_id', 'doctors', 'doctor_id'],
  ['chats', 'patient_id', 'patients', 'patient_id'],
  ['chat_messages', 'chat_id', 'chats', 'chat_id'],
  ['chat_messages', 'sender_id', 'users', 'user_id'],
];

const names = Object.keys(MIGRATIONS);
let handle: SqliteHandle | null = null;
let dir: string | null = null;

function openFile(): SqliteHandle {
  dir = mkdtempSync(join(tmpdir(), 'clinic-migrate-'));
  handle = openSqlite(join(dir, 'clinic.sqlite'));
  return handle;
}
afterEach(async () => {
  await handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  handle = null;
  dir = null;
});

const columnsOf = (h: SqliteHandle, table: string) =>
  (h.raw.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('migrations', () => {
  it('are listed in order with four-digit numbers', () => {
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z_]+$/);
    expect(LATEST_MIGRATION).toBe(names.at(-1));
  });

  it('create every seed table and column, with the diagram’s foreign keys, from an empty file', async () => {
    const h = openFile();
    expect(await migrateToLatest(h.db)).toEqual(names);
    for (const [table, columns] of Object.entries(SEED_SCHEMA)) {
      expect(columnsOf(h, table)).toEqual(expect.arrayContaining(columns));
    }
    for (const [table, column, target, targetColumn] of FOREIGN_KEYS) {
      const keys = h.raw.pragma(`foreign_key_list(${table})`) as { from: string; table: string; to: string }[];
      expect(keys).toContainEqual(expect.objectContaining({ from: column, table: target, to: targetColumn }));
    }
    expect(h.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    // FULL (2): every acknowledged commit is on disk, so it survives a power cut too.
    expect(h.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(await migrateToLatest(h.db)).toEqual([]);
  });

  it('bring a 0001 database with data to the latest version without losing a row', async () => {
    const h = openFile();
    await migrateTo(h.db, '0001_seed_schema');
    const doctor = insertDoctor(h.raw, 'doc@x.test');
    const patient = insertPatient(h.raw);
    const slot = insertSlot(h.raw, doctor);
    insertAppointment(h.raw, slot, doctor, patient);
    const staff = insertUser(h.raw, 'receptionist', 'rec@x.test');
    await migrateToLatest(h.db);
    const users = h.raw
      .prepare('SELECT user_id, role, version, failed_login_count, locked_until FROM users ORDER BY user_id')
      .all();
    expect(users).toEqual([
      { user_id: doctor, role: 'doctor', version: 1, failed_login_count: 0, locked_until: null },
      { user_id: patient, role: 'patient', version: 1, failed_login_count: 0, locked_until: null },
      { user_id: staff, role: 'receptionist', version: 1, failed_login_count: 0, locked_until: null },
    ]);
    expect(h.raw.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 1 });
    expect(h.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('bring a 0002 database with settings and audit rows to the latest version', async () => {
    const h = openFile();
    await migrateTo(h.db, '0002_settings_and_audit');
    const admin = insertUser(h.raw, 'admin', 'admin@x.test');
    h.raw
      .prepare("INSERT INTO settings (clinic_name, time_zone, currency, updated_at) VALUES ('C', 'UTC', 'USD', 'now')")
      .run();
    h.raw.prepare("INSERT INTO audit_log (at, user_id, action, entity) VALUES ('now', ?, 'x', 'y')").run(admin);
    await migrateToLatest(h.db);
    expect(h.raw.prepare('SELECT clinic_name, default_slot_minutes, idle_lock_minutes FROM settings').get()).toEqual({
      clinic_name: 'C',
      default_slot_minutes: 15,
      idle_lock_minutes: 15,
    });
    expect(h.raw.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('can step down to the first version and up again', async () => {
    const h = openFile();
    await migrateToLatest(h.db);
    const migrator = createMigrator(h.db);
    for (let i = names.length - 1; i > 0; i--) {
      const result = await migrator.migrateDown();
      expect(result.error).toBeUndefined();
    }
    expect(columnsOf(h, 'users')).not.toContain('version');
    expect(await migrateToLatest(h.db)).toEqual(names.slice(1));
  });
});
