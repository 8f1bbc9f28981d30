import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresHandle } from '#db/postgres.ts';
import { PG_TX_ATTEMPTS, writeTx } from '#db/tx.ts';
import { databaseErrorToAppError, isUniqueViolation } from '../../main/services/core/errors.ts';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';

// The rules the database itself keeps, on PostgreSQL: the same invariants as SQLite's
// (schema-constraints.test.ts), what the portable migrations turn into, and how refusals
// reach callers (never as raw database errors).

let database: PgTestDatabase;
let pg: PostgresHandle;
const q = (text: string) => pg.pool.query(text);

/** The refusal's SQLSTATE, and what a caller of the dispatcher would see. */
async function refusal(text: string): Promise<{ state: string; code: string | undefined }> {
  try {
    await q(text);
  } catch (error) {
    return { state: (error as { code: string }).code, code: databaseErrorToAppError(error)?.code };
  }
  throw new Error(`not refused: ${text}`);
}

let doctor = 0;
let patient = 0;
let slot = 0;

beforeAll(async () => {
  database = await createPgTestDatabase();
  pg = openPostgres(database.url);
  const user = async (role: string, email: string | null) =>
    (
      await pg.pool.query<{ user_id: number }>(
        `INSERT INTO users (name, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, 'now') RETURNING user_id`,
        [role, email, role === 'patient' ? null : 'hash', role],
      )
    ).rows[0]?.user_id ?? 0;
  doctor = await user('doctor', 'd@x.test');
  patient = await user('patient', null);
  await q(`INSERT INTO doctors (doctor_id, specialization, consultation_fee) VALUES (${doctor}, 'ENT', 12.345)`);
  await q(`INSERT INTO patients (patient_id) VALUES (${patient})`);
  slot =
    (
      await pg.pool.query<{ availability_id: number }>(
        `INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time) VALUES (${doctor}, '2026-03-02', '09:00', '09:30') RETURNING availability_id`,
      )
    ).rows[0]?.availability_id ?? 0;
}, 120_000);
afterAll(async () => {
  await pg.close();
  await database.drop();
});

const book = (status = 'scheduled') =>
  `INSERT INTO appointments (doctor_id, patient_id, availability_id, appointment_date, appointment_time, status, created_at)
   VALUES (${doctor}, ${patient}, ${slot}, '2026-03-02', '09:00', '${status}', 'now') RETURNING appointment_id`;

describe('PostgreSQL schema', () => {
  it('gives ids from identity columns and keeps money in double precision', async () => {
    const { rows } = await q(`SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
      WHERE (table_name, column_name) IN (('users', 'user_id'), ('doctors', 'consultation_fee'), ('payments', 'amount'))
      ORDER BY table_name`);
    expect(rows).toEqual([
      { table_name: 'doctors', column_name: 'consultation_fee', data_type: 'double precision', is_identity: 'NO' },
      { table_name: 'payments', column_name: 'amount', data_type: 'double precision', is_identity: 'NO' },
      { table_name: 'users', column_name: 'user_id', data_type: 'integer', is_identity: 'YES' },
    ]);
    expect((await q(`SELECT consultation_fee FROM doctors WHERE doctor_id = ${doctor}`)).rows).toEqual([
      { consultation_fee: 12.345 },
    ]);
  });

  it('allows one active appointment per slot, and says SLOT_TAKEN', async () => {
    await q(book());
    const second = await refusal(book());
    expect(second).toEqual({ state: '23505', code: 'SLOT_TAKEN' });
    // A cancelled one does not hold the slot.
    await q(book('cancelled'));
  });

  it('refuses overlapping slots of one doctor (exclusion constraint) but not back to back', async () => {
    expect(
      await refusal(
        `INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time) VALUES (${doctor}, '2026-03-02', '09:15', '09:45')`,
      ),
    ).toEqual({ state: '23P01', code: 'CONFLICT' });
    await q(
      `INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time) VALUES (${doctor}, '2026-03-02', '09:30', '10:00')`,
    );
  });

  it('keeps one payments row per appointment and one chat per doctor and patient', async () => {
    const appointment = (await q(`SELECT appointment_id FROM appointments WHERE status = 'scheduled'`)).rows[0] as {
      appointment_id: number;
    };
    await q(`INSERT INTO payments (appointment_id) VALUES (${appointment.appointment_id})`);
    expect(await refusal(`INSERT INTO payments (appointment_id) VALUES (${appointment.appointment_id})`)).toEqual({
      state: '23505',
      code: 'CONFLICT',
    });
    await q(`INSERT INTO chats (doctor_id, patient_id, updated_at) VALUES (${doctor}, ${patient}, 'now')`);
    try {
      await q(`INSERT INTO chats (doctor_id, patient_id, updated_at) VALUES (${doctor}, ${patient}, 'now')`);
      throw new Error('not refused');
    } catch (error) {
      expect(isUniqueViolation(error, 'chats')).toBe(true);
      expect(isUniqueViolation(error, 'appointments.availability_id')).toBe(false);
    }
  });

  it('keeps the audit log append-only: no update, delete or truncate', async () => {
    await q(`INSERT INTO audit_log (at, action, entity) VALUES ('now', 'test', 'x')`);
    for (const statement of [
      "UPDATE audit_log SET action = 'changed'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      expect(await refusal(statement)).toEqual({ state: 'P0001', code: 'CONFLICT' });
    }
    expect((await q('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual([{ n: 1 }]);
  });

  it('turns CHECK, NOT NULL and foreign-key refusals into VALIDATION and CONFLICT', async () => {
    expect(await refusal(`UPDATE users SET status = 'deleted' WHERE user_id = ${doctor}`)).toEqual({
      state: '23514',
      code: 'VALIDATION',
    });
    expect(await refusal(`INSERT INTO patients (patient_id) VALUES (${doctor})`)).toEqual({
      state: '23503',
      code: 'CONFLICT',
    });
    expect(
      await refusal(
        `INSERT INTO settings (id, clinic_name, time_zone, currency, updated_at) VALUES (2, 'C', 'UTC', 'USD', 'now')`,
      ),
    ).toEqual({
      state: '23514',
      code: 'VALIDATION',
    });
  });

  it('runs a write transaction again after a serialization failure, within bounds', async () => {
    await q('CREATE TABLE counter (id integer PRIMARY KEY, value integer NOT NULL); INSERT INTO counter VALUES (1, 0)');
    // Twenty read-then-write increments at once: SERIALIZABLE makes most of them collide,
    // and the retries still land every one exactly once.
    const increments = Array.from({ length: 20 }, () =>
      writeTx(pg.db, async (trx) => {
        const { rows } = await sql<{ value: number }>`SELECT value FROM counter WHERE id = 1`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await sql`UPDATE counter SET value = ${(rows[0]?.value ?? 0) + 1} WHERE id = 1`.execute(trx);
      }).then(
        () => 'ok',
        (error: unknown) => databaseErrorToAppError(error)?.code ?? String(error),
      ),
    );
    const outcomes = await Promise.all(increments);
    const ok = outcomes.filter((o) => o === 'ok').length;
    // Whatever did not land was told CONFLICT ("busy, try again"), never a raw error.
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'CONFLICT')).toEqual([]);
    expect((await q('SELECT value FROM counter')).rows).toEqual([{ value: ok }]);
    // Without the retries only about one in each wave of concurrent increments would land.
    expect(ok).toBeGreaterThanOrEqual(15);
    expect(PG_TX_ATTEMPTS).toBeGreaterThan(1);
  });

  it('searches patients through a trigram index', async () => {
    const { rows } = await q("SELECT indexdef FROM pg_indexes WHERE indexname = 'patient_search_trgm'");
    expect(String((rows[0] as { indexdef: string }).indexdef)).toMatch(
      /gin .*gin_trgm_ops.*WHERE \(role = 'patient'::text\)/,
    );
  });
});
