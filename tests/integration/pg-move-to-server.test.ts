import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEncryption } from '#db/cipher.ts';
import { openSqlite } from '#db/connection.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import { openPostgres } from '#db/postgres.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { runCli } from '../support/cli.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';

// The move from a single PC to the clinic server, on a seeded clinic with every table
// populated: one run copies everything with the same ids, says how far it is, verifies,
// and a second run into the now non-empty database is refused.

let dir: string;
let file: string;
let target: PgTestDatabase;

type Counts = Record<string, number>;

function sqliteCounts(path: string): Counts {
  const handle = openSqlite(path, { readonly: true });
  try {
    const tables = handle.raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'patient_search%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
      )
      .all() as { name: string }[];
    const counts: Counts = {};
    for (const { name } of tables) {
      const n = (handle.raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      // FTS5 keeps its own shadow tables; PostgreSQL has its own index instead.
      if (!/_(data|idx|docsize|config|content)$/.test(name)) counts[name] = n;
    }
    return counts;
  } finally {
    handle.raw.close();
  }
}

/** The seed leaves a few tables empty: a row in each that is, as the app would write them. */
function fillTheRest(path: string): void {
  const handle = openSqlite(path);
  const raw = handle.raw;
  const empty = (table: string): boolean =>
    (raw.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n === 0;
  const admin = (raw.prepare("SELECT user_id FROM users WHERE role = 'admin' LIMIT 1").get() as { user_id: number })
    .user_id;
  const appointment = raw.prepare('SELECT appointment_id, patient_id, doctor_id FROM appointments LIMIT 1').get() as {
    appointment_id: number;
    patient_id: number;
    doctor_id: number;
  };
  const chat = raw.prepare('SELECT chat_id, doctor_id FROM chats LIMIT 1').get() as {
    chat_id: number;
    doctor_id: number;
  };
  const at = '2026-03-02T09:00:00.000Z';
  if (empty('appointment_status_history')) {
    const step = raw
      .prepare(
        "INSERT INTO appointment_status_history (appointment_id, from_status, to_status, changed_by, changed_at) VALUES (?, 'scheduled', 'checked_in', ?, ?)",
      )
      .run(appointment.appointment_id, admin, at);
    raw
      .prepare(
        "INSERT INTO appointment_status_history (appointment_id, from_status, to_status, reason, changed_by, changed_at, undoes_history_id) VALUES (?, 'checked_in', 'scheduled', 'undo', ?, ?, ?)",
      )
      .run(appointment.appointment_id, admin, at, Number(step.lastInsertRowid));
  }
  if (empty('waitlist'))
    raw
      .prepare(
        "INSERT INTO waitlist (patient_id, doctor_id, from_date, to_date, status, created_by, created_at) VALUES (?, ?, '2026-03-02', '2026-03-09', 'waiting', ?, ?)",
      )
      .run(appointment.patient_id, appointment.doctor_id, admin, at);
  if (empty('resource_bookings'))
    raw
      .prepare(
        "INSERT INTO resource_bookings (appointment_id, resource_id, booking_date, start_time, end_time) SELECT ?, resource_id, '2026-03-02', '09:00', '09:30' FROM resources LIMIT 1",
      )
      .run(appointment.appointment_id);
  if (empty('full_checks'))
    raw
      .prepare("INSERT INTO full_checks (started_at, finished_at, result, ok, host) VALUES (?, ?, 'ok', 1, 'desk-1')")
      .run(at, at);
  if (empty('cash_drawer_sessions'))
    raw
      .prepare('INSERT INTO cash_drawer_sessions (opened_at, opened_by, float_minor) VALUES (?, ?, 5000)')
      .run(at, admin);
  if (empty('chat_read_markers'))
    raw
      .prepare('INSERT INTO chat_read_markers (chat_id, user_id, last_read_message_id, updated_at) VALUES (?, ?, 1, ?)')
      .run(chat.chat_id, chat.doctor_id, at);
  if (empty('appointment_call_marks'))
    raw
      .prepare(
        "INSERT INTO appointment_call_marks (appointment_id, outcome, marked_by, marked_at) VALUES (?, 'confirmed', ?, ?)",
      )
      .run(appointment.appointment_id, admin, at);
  if (empty('patient_import_mappings'))
    raw
      .prepare(
        "INSERT INTO patient_import_mappings (header_key, field, updated_by, updated_at) VALUES ('mobile', 'phone', ?, ?)",
      )
      .run(admin, at);
  if (empty('appointment_series'))
    raw
      .prepare(
        "INSERT INTO appointment_series (patient_id, doctor_id, first_date, first_time, every, unit, occurrence_count, mode, created_by, created_at) VALUES (?, ?, '2026-03-02', '09:00', 1, 'weeks', 6, 'skip_conflicts', ?, ?)",
      )
      .run(appointment.patient_id, appointment.doctor_id, admin, at);
  if (empty('patient_imports'))
    raw
      .prepare(
        "INSERT INTO patient_imports (run_id, file_name, started_by, started_at, finished_at, status, total_rows, processed_rows, imported_count) VALUES ('run-1', 'patients.csv', ?, ?, ?, 'done', 1, 1, 1)",
      )
      .run(admin, at, at);
  if (empty('patient_merges'))
    raw
      .prepare(
        `INSERT INTO patient_merges (kept_patient_id, merged_patient_id, merged_by, merged_at, kept_before_json,
           merged_before_json, moved_json, after_digest, undone_at, undone_by)
         SELECT ?, patient_id, ?, ?, '{}', '{}', '{}', '{}', ?, ? FROM patients WHERE patient_id <> ? LIMIT 1`,
      )
      .run(appointment.patient_id, admin, at, at, admin, appointment.patient_id);
  if (empty('backups'))
    raw
      .prepare(
        "INSERT INTO backups (file_name, path, created_at, size_bytes, kind, verified, created_by) VALUES ('b.sqlite', '/backups/b.sqlite', ?, 1024, 'manual', 'ok', ?)",
      )
      .run(at, admin);
  // A child whose guardian, and a record merged into one, registered later (a higher id).
  const [first, second, last] = [
    raw.prepare('SELECT min(patient_id) FROM patients').pluck().get(),
    raw
      .prepare('SELECT min(patient_id) FROM patients WHERE patient_id > (SELECT min(patient_id) FROM patients)')
      .pluck()
      .get(),
    raw.prepare('SELECT max(patient_id) FROM patients').pluck().get(),
  ];
  raw.prepare('UPDATE patients SET guardian_patient_id = ? WHERE patient_id = ?').run(last, first);
  raw.prepare('UPDATE patients SET merged_into_patient_id = ? WHERE patient_id = ?').run(last, second);
  raw.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-move-'));
  file = join(dir, 'clinic.sqlite');
  const seeded = await runCli([
    'seed',
    '--db',
    file,
    '--patients',
    // More than one copy batch (500): a patient may point at one copied in a later batch.
    '520',
    '--doctors',
    '3',
    '--days',
    '3',
    '--past-days',
    '3',
    '--start',
    '2026-03-02',
  ]);
  expect(seeded.code, seeded.stderr).toBe(0);
  fillTheRest(file);
  target = await createEmptyPgDatabase();
}, 120_000);
afterAll(async () => {
  // beforeAll may have failed before the database was made.
  if (target !== undefined) await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('move-to-server', () => {
  it('copies every table with its ids into an empty database, with progress, then verifies', async () => {
    const before = sqliteCounts(file);
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    const password = new URL(target.url).password;
    const run = await runCli(['move-to-server', '--from', file, '--to', target.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[#{30}\] 100%/);
    expect(run.stdout).toMatch(/counts, checksums and rules verified/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);

    const pg = openPostgres(target.url);
    try {
      for (const [table, n] of Object.entries(before)) {
        const row = await pg.db
          .selectFrom(table as 'users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(row.n, table).toBe(n);
      }
      const source = openSqlite(file, { readonly: true });
      const audit = source.raw.prepare('SELECT * FROM audit_log ORDER BY audit_id').all();
      const users = source.raw.prepare('SELECT user_id, name, email, role FROM users ORDER BY user_id').all();
      source.raw.close();
      expect(await pg.db.selectFrom('audit_log').selectAll().orderBy('audit_id').execute()).toEqual(audit);
      expect(
        await pg.db.selectFrom('users').select(['user_id', 'name', 'email', 'role']).orderBy('user_id').execute(),
      ).toEqual(users);
    } finally {
      await pg.close();
    }

    // The clinic now runs on the server: new rows continue after the copied ids, and the
    // audit trail is still append-only.
    const core = await startAppCore({ databaseUrl: target.url, logger: silentLogger });
    try {
      const maxBefore = before.audit_log ?? 0;
      const { insertId } = await core.database.db
        .insertInto('audit_log')
        .values({
          at: 'now',
          action: 'test',
          entity: 'x',
          user_id: null,
          entity_id: null,
          before_json: null,
          after_json: null,
        })
        .returning('audit_id as insertId')
        .executeTakeFirstOrThrow();
      expect(insertId).toBeGreaterThan(maxBefore);
      await expect(core.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    } finally {
      await core.close();
    }
  }, 180_000);

  it('refuses a database that already holds a clinic, and leaves it as it was', async () => {
    const run = await runCli(['move-to-server', '--from', file, '--to', target.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not empty/);
  }, 60_000);

  it('says what is missing instead of guessing', async () => {
    expect((await runCli(['move-to-server', '--from', file])).code).toBe(2);
    expect((await runCli(['move-to-server', '--from', file, '--to', '/tmp/x.sqlite'])).code).toBe(2);
    const missing = await runCli(['move-to-server', '--from', join(dir, 'nope.sqlite'), '--to', target.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no clinic file/);
  }, 60_000);
});

describe('move-to-server from an encrypted clinic', () => {
  it('reads the file with CLINIC_DB_KEY (the recovery words), and without it says so and writes nothing', async () => {
    const key = recoveryWords(newDatabaseKey()).join(' ');
    const encrypted = join(dir, 'encrypted.sqlite');
    const seedArgs = ['seed', '--db', encrypted, '--patients', '12', '--doctors', '2', '--days', '2'];
    const seeded = await runCli(seedArgs, undefined, key);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(fileEncryption(encrypted)).toBe('encrypted');
    const server = await createEmptyPgDatabase();
    try {
      const refused = await runCli(['move-to-server', '--from', encrypted, '--to', server.url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is encrypted\. Set CLINIC_DB_KEY/);
      expect(refused.stderr).not.toMatch(/\n\s+at /);

      const moved = await runCli(['move-to-server', '--from', encrypted, '--to', server.url], undefined, key);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/counts, checksums and rules verified/);
      const pg = openPostgres(server.url);
      try {
        const patients = await pg.db
          .selectFrom('patients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(patients.n).toBe(12);
      } finally {
        await pg.close();
      }
    } finally {
      await server.drop();
    }
  }, 180_000);
});
