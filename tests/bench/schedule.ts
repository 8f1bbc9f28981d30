import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { regenerateDoctor } from '../../main/services/schedule/slot-generation.ts';
import { weekdaysToMask } from '../../main/services/schedule/slot-plan.ts';
import { writeTx } from '#db/tx.ts';
import { addDays, minutesToTime, todayIn, weekday } from '#shared/dates.ts';
import { BulkInsert } from './bulk.ts';
import { interleaved, percentile, type Figure } from './measure.ts';
import { recordStatements, replayer } from './replay.ts';

// Schedule rows of `npm run bench`: slot generation and the day view, each against raw
// better-sqlite3 doing the same work in the same run. Times are milliseconds per run.

export interface ScheduleBenchRow {
  case: string;
  baselineMs: number;
  oursMs: number;
}

const BENCH_KEY = 'bench';
const DAY_START = 8 * 60;
const DAY_END = 18 * 60;
const SLOT = 15;

async function openCore(file: string): Promise<AppCore> {
  const core = await startAppCore({ dbFile: file, logger: silentLogger });
  const setup = await core.dispatcher.dispatch(BENCH_KEY, 'setup.complete', {
    clinicName: 'Bench Clinic',
    timeZone: 'UTC',
    currency: 'USD',
    adminName: 'Bench Admin',
    adminEmail: 'bench@clinic.test',
    adminPassword: 'bench-password-123',
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  return core;
}

/** Staff or patients straight into the tables (the bench measures schedules, not sign-up). */
function addPeople(raw: BetterSqlite3.Database, role: 'doctor' | 'patient', count: number, tag: string): number[] {
  // Doctors never sign in here, but staff rows must carry a password hash.
  const user = raw.prepare(
    "INSERT INTO users (name, email, role, password_hash, created_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')",
  );
  const doctor = raw.prepare("INSERT INTO doctors (doctor_id, specialization) VALUES (?, 'General practice')");
  const patient = raw.prepare('INSERT INTO patients (patient_id) VALUES (?)');
  return raw.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const email = role === 'doctor' ? `${tag}${i}@bench.test` : null;
      const hash = role === 'doctor' ? 'not-a-real-hash' : null;
      const id = Number(user.run(`${tag} ${role} ${i}`, email, role, hash).lastInsertRowid);
      (role === 'doctor' ? doctor : patient).run(id);
      return id;
    }),
  )();
}

const time = async (fn: () => unknown): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** Mon–Fri 08:00–18:00, 15-minute slots, for `days` days from `from`: the rows both sides write. */
function weekdaySlots(from: string, days: number): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    const day = weekday(date);
    if (day === 0 || day === 6) continue;
    for (let m = DAY_START; m + SLOT <= DAY_END; m += SLOT)
      rows.push([date, minutesToTime(m), minutesToTime(m + SLOT)]);
  }
  return rows;
}

async function generateYear(core: AppCore, doctorIds: readonly number[], from: string, days: number): Promise<void> {
  const { db } = core.database;
  const now = new Date().toISOString();
  const rule = {
    weekdays: weekdaysToMask([1, 2, 3, 4, 5]),
    start_time: '08:00',
    end_time: '18:00',
    slot_minutes: SLOT,
  };
  await db
    .insertInto('schedule_templates')
    .values(
      doctorIds.map((id) => ({
        ...rule,
        doctor_id: id,
        valid_from: from,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await writeTx(db, async (trx) => {
    for (const id of doctorIds) await regenerateDoctor(trx, id, from, addDays(from, days - 1), 'UTC');
  });
}

function insertRaw(raw: BetterSqlite3.Database, doctorIds: readonly number[], from: string, days: number): void {
  const insert = new BulkInsert(raw, 'doctor_availability', [
    'doctor_id',
    'available_date',
    'start_time',
    'end_time',
    'source',
  ]);
  raw
    .transaction(() => {
      const rows = weekdaySlots(from, days);
      for (const id of doctorIds) for (const [date, start, end] of rows) insert.push(id, date, start, end, 'template');
      insert.flush();
    })
    .immediate();
}

/** Each side on a fresh file of its own, so neither inherits the other's half-million rows. */
async function generationRow(dir: string): Promise<ScheduleBenchRow> {
  const from = addDays(todayIn('UTC', new Date()), 1);
  const count = (core: AppCore, ids: readonly number[]): number =>
    Number(
      core.database.raw
        .prepare('SELECT count(*) FROM doctor_availability WHERE doctor_id BETWEEN ? AND ?')
        .pluck()
        .get(ids[0], ids.at(-1)),
    );

  const rawCore = await openCore(join(dir, 'generate-raw.sqlite'));
  const { raw } = rawCore.database;
  insertRaw(raw, addPeople(raw, 'doctor', 3, 'warm'), from, 30);
  const baselineIds = addPeople(raw, 'doctor', 50, 'raw');
  const baselineMs = await time(() => insertRaw(raw, baselineIds, from, 365));
  const baselineRows = count(rawCore, baselineIds);
  await rawCore.close();

  const core = await openCore(join(dir, 'generate-ours.sqlite'));
  // Warm-up on doctors of their own, so our path is compiled before the timed run.
  await generateYear(core, addPeople(core.database.raw, 'doctor', 3, 'warm'), from, 30);
  const ours = addPeople(core.database.raw, 'doctor', 50, 'ours');
  const oursMs = await time(() => generateYear(core, ours, from, 365));
  const rows = count(core, ours);
  await core.close();
  if (rows !== baselineRows) throw new Error(`the two paths wrote ${rows} and ${baselineRows} rows`);
  return {
    case: `generate one year of slots for 50 doctors (${rows} rows; goal < 2000 ms)`,
    baselineMs,
    oursMs,
  };
}

/** 30 doctors with 40 slots a day for two weeks, about half of them booked. */
function dayViewData(raw: BetterSqlite3.Database, from: string): void {
  const doctors = addPeople(raw, 'doctor', 30, 'day');
  const patients = addPeople(raw, 'patient', 2000, 'patient');
  const slot = raw.prepare(
    "INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time, source, is_booked) VALUES (?, ?, ?, ?, 'template', ?)",
  );
  const appointment = raw.prepare(
    "INSERT INTO appointments (doctor_id, patient_id, availability_id, appointment_date, appointment_time, status, created_at) VALUES (?, ?, ?, ?, ?, 'scheduled', '2026-01-01T00:00:00.000Z')",
  );
  raw.transaction(() => {
    let n = 0;
    for (let d = 0; d < 14; d++) {
      const date = addDays(from, d);
      for (const doctorId of doctors) {
        for (let m = DAY_START; m + SLOT <= DAY_END; m += SLOT) {
          const booked = (n++ * 7) % 10 < 5;
          const id = slot.run(
            doctorId,
            date,
            minutesToTime(m),
            minutesToTime(m + SLOT),
            booked ? 1 : 0,
          ).lastInsertRowid;
          if (booked) appointment.run(doctorId, patients[n % patients.length], id, date, minutesToTime(m));
        }
      }
    }
  })();
}

async function dayViewRow(dir: string): Promise<ScheduleBenchRow> {
  const core = await openCore(join(dir, 'schedule-day.sqlite'));
  const { raw } = core.database;
  const from = todayIn('UTC', new Date());
  dayViewData(raw, from);
  const date = addDays(from, 7);
  const call = () => core.dispatcher.dispatch(BENCH_KEY, 'schedule.day', { date });
  const check = await call();
  const slots = check.ok ? (check.value as { slots: unknown[] }).slots.length : 0;
  if (slots !== 30 * 40) throw new Error(`day view saw ${slots} slots`);
  // The floor: the statements schedule.day ran, as plain prepared statements (replay.ts).
  const statements = await recordStatements(raw, call);
  const replay = replayer(raw);
  // In turns (p50 of each), so a busy machine slows both alike.
  const turns = await interleaved(300, 50, () => replay(statements), call);
  const baselineMs = percentile(turns.a, 50);
  const oursMs = percentile(turns.b, 50);
  await core.close();
  return { case: 'day view, 30 doctors × 40 slots: dispatcher schedule.day (goal < 100 ms)', baselineMs, oursMs };
}

/** PostgreSQL mode: a year of slots for 50 new doctors on the server (our path only). */
export async function serverGenerationFigures(core: AppCore): Promise<Record<string, Figure>> {
  const { db } = core.database;
  const from = addDays(todayIn('UTC', new Date()), 1);
  const doctors = async (tag: string, count: number): Promise<number[]> => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const { user_id: id } = await db
        .insertInto('users')
        .values({
          name: `${tag} doctor ${i}`,
          email: `${tag}${i}.${Date.now()}@bench.test`,
          phone: null,
          role: 'doctor',
          password_hash: 'not-a-real-hash',
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: null,
          locked_until: null,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('doctors')
        .values({
          doctor_id: id,
          specialization: 'General practice',
          experience_years: 5,
          consultation_fee: 40,
          about: null,
          rating: null,
        })
        .execute();
      ids.push(id);
    }
    return ids;
  };
  await generateYear(core, await doctors('warm', 3), from, 30);
  const ids = await doctors('gen', 50);
  const ms = await time(() => generateYear(core, ids, from, 365));
  return {
    slot_generation_s: { value: ms / 1000, unit: 's', goal: '< 2', note: 'PostgreSQL, 50 doctors × a year' },
  };
}

export async function scheduleFigures(dir: string): Promise<Record<string, Figure>> {
  const generation = await generationRow(dir);
  const day = await dayViewRow(dir);
  return {
    slot_generation_s: {
      value: generation.oursMs / 1000,
      unit: 's',
      goal: '< 2',
      note: `${generation.case.replace(/ \(.*/, '')}; raw multi-row inserts of the same rows: ${(generation.baselineMs / 1000).toFixed(2)} s`,
    },
    day_view_ms: {
      value: day.oursMs,
      unit: 'ms',
      goal: '< 100',
      note: `schedule.day, 30 doctors × 40 slots, half booked; the same statements raw ${day.baselineMs.toFixed(2)} ms`,
    },
    slot_generation_vs_floor: {
      value: generation.oursMs / generation.baselineMs,
      unit: '×',
      goal: '≤ 1.5',
      note: 'per row (both write the same rows): raw multi-row inserts of the same slots, prepared, one BEGIN IMMEDIATE',
    },
    day_view_vs_floor: {
      value: day.oursMs / day.baselineMs,
      unit: '×',
      goal: '≤ 2',
      note: 'schedule.day vs the statements it ran, replayed raw',
    },
  };
}
