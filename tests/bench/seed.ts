import BetterSqlite3 from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { SPECIALIZATIONS } from '../../main/cli/seed/catalog.ts';
import { generateName, emailPart } from '../../main/cli/seed/names.ts';
import { generatePatient } from '../../main/cli/seed/patients.ts';
import { createRng } from '../../main/cli/seed/prng.ts';
import { addDays, minutesToTime, todayIn } from '#shared/dates.ts';
import { BulkInsert } from './bulk.ts';

// The bench's database: a clinic a million patients big, written straight into the tables of
// a freshly migrated file (the services would take hours). The data is shaped like a real
// year: names from the seed's lists, phones, one weekly rule per doctor and every slot it
// makes, appointments spread over the year with the statuses a year leaves behind, and
// is_booked true exactly for the slots with a live appointment.

export const BENCH_ADMIN = { email: 'bench@clinic.test', password: 'bench-password-123' } as const;
export const TIME_ZONE = 'UTC';
const SEED = 20261126;
const DAY_START = 8 * 60;
const DAY_END = 20 * 60;
const SLOT = 10;
const DAYS_BACK = 273;
const DAYS = 365;
const FEE = 40;
/** The day view's "30 doctors" case: the first 30 doctors share it. */
export const FIRST_SPECIALIZATION = SPECIALIZATIONS[0]?.name ?? 'General practice';

export interface SeedSize {
  patients: number;
  doctors: number;
  appointments: number;
}

/** 200 doctors and five appointments a patient per million patients (at least 10 doctors). */
export function seedSize(patients: number): SeedSize {
  return { patients, doctors: Math.max(10, Math.round((200 * patients) / 1_000_000)), appointments: patients * 5 };
}

export interface SeedReport {
  size: SeedSize;
  slots: number;
  appointments: number;
  seconds: number;
  rowsPerSecond: number;
  phases: { name: string; rows: number; seconds: number }[];
}

/** Creates the clinic through the real setup channel, so settings and the admin are the app's own. */
async function setUp(file: string): Promise<void> {
  const core = await startAppCore({ dbFile: file, logger: silentLogger });
  const result = await core.dispatcher.dispatch('bench-seed', 'setup.complete', {
    clinicName: 'Bench Clinic',
    timeZone: TIME_ZONE,
    currency: 'USD',
    adminName: 'Bench Admin',
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
  });
  if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
  await core.close();
}

type Log = (line: string) => void;

export async function seedBenchDatabase(file: string, patients: number, log: Log): Promise<SeedReport> {
  const started = performance.now();
  await setUp(file);
  const size = seedSize(patients);
  const raw = new BetterSqlite3(file);
  // Only this file, only while seeding: the rollback journal in memory (better-sqlite3's
  // defensive mode refuses OFF, and the pages written are new ones, which need no journal),
  // no fsync, a big page cache. WAL comes back at the end.
  raw.pragma('journal_mode = MEMORY');
  if (raw.pragma('journal_mode', { simple: true }) !== 'memory') throw new Error('could not move the journal');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  raw.pragma('temp_store = MEMORY');
  // Every reference is made right by construction (tests/integration/bench-seed.test.ts checks it).
  raw.pragma('foreign_keys = OFF');
  const phases: SeedReport['phases'] = [];
  const phase = (name: string, fn: () => number): void => {
    const t = performance.now();
    const rows = raw.transaction(fn).immediate();
    const seconds = (performance.now() - t) / 1000;
    phases.push({ name, rows, seconds });
    log(`  ${name}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate(rows, seconds)} rows/s)`);
  };
  const now = new Date().toISOString();
  const today = todayIn(TIME_ZONE, new Date());
  const first = addDays(today, -DAYS_BACK);
  const adminId = Number(raw.prepare("SELECT user_id FROM users WHERE role = 'admin'").pluck().get());
  let nextUserId = Number(raw.prepare('SELECT max(user_id) FROM users').pluck().get()) + 1;

  const doctorIds: number[] = [];
  phase('doctors and weekly rules', () => {
    const rng = createRng(SEED, 'bench-doctors');
    const users = new BulkInsert(raw, 'users', [
      'user_id',
      'name',
      'email',
      'phone',
      'role',
      'password_hash',
      'created_at',
    ]);
    const doctors = new BulkInsert(raw, 'doctors', [
      'doctor_id',
      'specialization',
      'experience_years',
      'consultation_fee',
    ]);
    const rules = new BulkInsert(raw, 'schedule_templates', [
      'doctor_id',
      'weekdays',
      'start_time',
      'end_time',
      'slot_minutes',
      'valid_from',
      'created_at',
      'updated_at',
    ]);
    for (let i = 0; i < size.doctors; i++) {
      const id = nextUserId++;
      const name = generateName(rng, rng.chance(0.5) ? 'female' : 'male');
      const email = `${emailPart(name.first)}.${emailPart(name.last)}.${i}@bench-clinic.test`;
      // Staff rows need a hash; bench doctors never sign in.
      users.push(id, `Dr ${name.first} ${name.last}`, email, null, 'doctor', 'not-a-real-hash', now);
      const specialization = i < 30 ? FIRST_SPECIALIZATION : rng.pick(SPECIALIZATIONS).name;
      doctors.push(id, specialization, rng.int(1, 35), FEE);
      rules.push(id, 127, minutesToTime(DAY_START), minutesToTime(DAY_END), SLOT, first, now, now);
      doctorIds.push(id);
    }
    users.flush();
    doctors.flush();
    rules.flush();
    return size.doctors * 3;
  });

  const firstPatientId = nextUserId;
  phase('patients (users, patients, trigram search index)', () => {
    const rng = createRng(SEED, 'bench-patients');
    const users = new BulkInsert(raw, 'users', [
      'user_id',
      'name',
      'email',
      'phone',
      'role',
      'created_at',
      'updated_at',
    ]);
    const rows = new BulkInsert(raw, 'patients', ['patient_id', 'age', 'gender', 'medical_notes']);
    for (let i = 0; i < size.patients; i++) {
      const p = generatePatient(rng, i + 1, today, TIME_ZONE);
      const id = nextUserId++;
      users.push(id, p.name, p.email, p.phone, 'patient', p.createdAt, p.createdAt);
      // Same batch size: each users batch is written just before its patients batch, whose
      // search trigger reads the users rows.
      rows.push(id, p.age, p.gender, p.medicalNotes);
    }
    users.flush();
    rows.flush();
    return size.patients * 3;
  });

  let slotCount = 0;
  let appointmentCount = 0;
  phase('slots and appointments (a year)', () => {
    const rng = createRng(SEED, 'bench-appointments');
    const perDay = (DAY_END - DAY_START) / SLOT;
    // Chance that a slot was booked at all; cancelled and no-show ones are sometimes rebooked.
    const booked = Math.min(0.97, size.appointments / (size.doctors * DAYS * perDay * 1.06));
    const slots = new BulkInsert(raw, 'doctor_availability', [
      'availability_id',
      'doctor_id',
      'available_date',
      'start_time',
      'end_time',
      'is_booked',
      'source',
    ]);
    const appointments = new BulkInsert(raw, 'appointments', [
      'doctor_id',
      'patient_id',
      'availability_id',
      'appointment_date',
      'appointment_time',
      'status',
      'created_at',
      'booked_by',
    ]);
    let slotId = Number(raw.prepare('SELECT coalesce(max(availability_id), 0) FROM doctor_availability').pluck().get());
    const statuses: string[] = [];
    const day: (string | number)[] = [];
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(first, d);
      const past = date < today;
      const createdAt = `${addDays(date, -rng.int(1, 30))}T09:00:00.000Z`;
      for (const doctorId of doctorIds) {
        for (let m = DAY_START; m < DAY_END; m += SLOT) {
          statuses.length = 0;
          if (rng.chance(booked)) {
            let status = lifeOf(rng.next(), past);
            statuses.push(status);
            if ((status === 'cancelled' || status === 'no_show') && rng.chance(0.5)) {
              status = past ? 'completed' : 'scheduled';
              statuses.push(status);
            }
          }
          const live = statuses.some((s) => s !== 'cancelled' && s !== 'no_show');
          const start = minutesToTime(m);
          slots.push(++slotId, doctorId, date, start, minutesToTime(m + SLOT), live ? 1 : 0, 'template');
          slotCount++;
          for (const status of statuses) {
            const patientId = firstPatientId + rng.int(0, size.patients - 1);
            day.push(doctorId, patientId, slotId, date, start, status);
            appointmentCount++;
          }
        }
      }
      // Appointments point at slots: write the day's slots before its appointments.
      slots.flush();
      for (let i = 0; i < day.length; i += 6) {
        appointments.push(day[i], day[i + 1], day[i + 2], day[i + 3], day[i + 4], day[i + 5], createdAt, adminId);
      }
      day.length = 0;
    }
    appointments.flush();
    return slotCount + appointmentCount;
  });

  raw.pragma('journal_mode = WAL');
  raw.close();
  const seconds = (performance.now() - started) / 1000;
  const rows = phases.reduce((sum, p) => sum + p.rows, 0);
  return {
    size,
    slots: slotCount,
    appointments: appointmentCount,
    seconds,
    rowsPerSecond: rows / seconds,
    phases,
  };
}

/** What a booked slot's first appointment became: past visits happened or not, future ones wait. */
function lifeOf(roll: number, past: boolean): string {
  if (past) return roll < 0.88 ? 'completed' : roll < 0.94 ? 'no_show' : 'cancelled';
  return roll < 0.94 ? 'scheduled' : 'cancelled';
}

export const rate = (rows: number, seconds: number): string =>
  Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en');
