import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '#db/connection-any.ts';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import { MEDICAL_NOTES } from './catalog.ts';
import { addDays, localToUtcIso, minutesToTime } from '#shared/dates.ts';
import { emailPart, generateName, type Gender } from './names.ts';
import type { Rng } from './prng.ts';

export interface SeedPatient {
  name: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  age: number;
  gender: Gender;
  medicalNotes: string | null;
  createdAt: string;
}

export const PATIENT_BATCH_SIZE = 5_000;

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

function age(rng: Rng): number {
  const band = rng.weighted([
    ['child', 20],
    ['adult', 60],
    ['senior', 20],
  ] as const);
  if (band === 'child') return rng.int(0, 17);
  if (band === 'adult') return rng.int(18, 64);
  return rng.int(65, 95);
}

function medicalNotes(rng: Rng): string | null {
  if (!rng.chance(0.3)) return null;
  const first = rng.pick(MEDICAL_NOTES);
  const second = rng.chance(0.2) ? rng.pick(MEDICAL_NOTES) : first;
  return second === first ? first : `${first} ${second}`;
}

/**
 * One generated patient. `ordinal` (1, 2, ... across seed runs) keeps emails unique;
 * registration dates fall in the three years before `startDate`.
 */
export function generatePatient(rng: Rng, ordinal: number, startDate: string, timeZone: string): SeedPatient {
  const gender = rng.weighted([
    ['female', 50],
    ['male', 48],
    ['other', 2],
  ] as const);
  const name = generateName(rng, gender);
  const email = rng.chance(0.65)
    ? `${emailPart(name.first)}.${emailPart(name.last)}${ordinal}@${rng.pick(EMAIL_DOMAINS)}`
    : null;
  const phone = rng.chance(0.9) ? `555${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null;
  const registered = addDays(startDate, -rng.int(1, 3 * 365));
  return {
    name: `${name.first} ${name.last}`,
    firstName: name.first,
    email,
    phone,
    age: age(rng),
    gender,
    medicalNotes: medicalNotes(rng),
    createdAt: localToUtcIso(registered, minutesToTime(rng.int(8 * 60, 18 * 60 - 1)), timeZone),
  };
}

/**
 * Inserts patients (a `users` row with role 'patient' and no password, plus its `patients`
 * row) in write transactions of PATIENT_BATCH_SIZE. The raw handle's prepared statements run
 * on the same connection inside `writeTx`, so each batch is one BEGIN IMMEDIATE transaction;
 * they are used only for this bulk path, where a statement per row through the query
 * builder would be several times slower. Returns the new patient ids in order.
 */
export async function insertPatients(
  db: Kysely<Database>,
  raw: BetterSqlite3.Database,
  count: number,
  next: (index: number) => SeedPatient,
): Promise<number[]> {
  const insertUser = raw.prepare(
    `INSERT INTO users (name, email, phone, password_hash, role, status, created_at, updated_at, locked_until)
     VALUES (?, ?, ?, NULL, 'patient', 'active', ?, ?, NULL)`,
  );
  const insertPatient = raw.prepare(
    `INSERT INTO patients (patient_id, user_role, age, gender, medical_notes) VALUES (?, 'patient', ?, ?, ?)`,
  );
  const ids: number[] = [];
  for (let start = 0; start < count; start += PATIENT_BATCH_SIZE) {
    const end = Math.min(count, start + PATIENT_BATCH_SIZE);
    await writeTx(db, async () => {
      for (let i = start; i < end; i++) {
        const p = next(i);
        const userId = Number(insertUser.run(p.name, p.email, p.phone, p.createdAt, p.createdAt).lastInsertRowid);
        insertPatient.run(userId, p.age, p.gender, p.medicalNotes);
        ids.push(userId);
      }
    });
  }
  return ids;
}

/** Patients per multi-row INSERT on PostgreSQL: 7 parameters a row, well under its 65,535. */
const PG_ROWS_PER_INSERT = 1_000;

/**
 * The same rows on PostgreSQL, through the query builder (there is no raw SQLite handle there).
 * Each batch is generated before its transaction, whose ids are reserved from the users
 * identity first: a SERIALIZABLE retry then writes the same rows again, and ids never depend
 * on the order RETURNING happens to give.
 */
async function insertPatientsPostgres(
  db: Kysely<Database>,
  count: number,
  next: (index: number) => SeedPatient,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < count; start += PATIENT_BATCH_SIZE) {
    const batch = Array.from({ length: Math.min(count, start + PATIENT_BATCH_SIZE) - start }, (_, i) =>
      next(start + i),
    );
    const batchIds = await writeTx(db, async (trx) => {
      const { rows } = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('users', 'user_id')) AS id
        FROM generate_series(1, ${batch.length})`.execute(trx);
      const reserved = rows.map((r) => Number(r.id));
      const withIds = batch.map((p, i) => ({ ...p, id: reserved[i] ?? Number.NaN }));
      for (let from = 0; from < withIds.length; from += PG_ROWS_PER_INSERT) {
        const rowsHere = withIds.slice(from, from + PG_ROWS_PER_INSERT);
        await trx
          .insertInto('users')
          .values(
            rowsHere.map((p) => ({
              user_id: p.id,
              name: p.name,
              email: p.email,
              phone: p.phone,
              password_hash: null,
              role: 'patient' as const,
              status: 'active' as const,
              created_at: p.createdAt,
              updated_at: p.createdAt,
              locked_until: null,
            })),
          )
          .execute();
        await trx
          .insertInto('patients')
          .values(
            rowsHere.map((p) => ({
              patient_id: p.id,
              user_role: 'patient' as const,
              age: p.age,
              gender: p.gender,
              medical_notes: p.medicalNotes,
            })),
          )
          .execute();
      }
      return reserved;
    });
    ids.push(...batchIds);
  }
  return ids;
}

/** Inserts the patients into either database: SQLite's raw bulk path, or PostgreSQL's. */
export function insertPatientsInto(
  database: DatabaseHandle,
  count: number,
  next: (index: number) => SeedPatient,
): Promise<number[]> {
  return database.kind === 'postgres'
    ? insertPatientsPostgres(database.db, count, next)
    : insertPatients(database.db, database.raw, count, next);
}
