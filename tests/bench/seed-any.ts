import { performance } from 'node:perf_hooks';
import type { AppCore } from '../../main/app-core.ts';
import { SPECIALIZATIONS } from '../../main/cli/seed/catalog.ts';
import { emailPart, generateName } from '../../main/cli/seed/names.ts';
import { generatePatient } from '../../main/cli/seed/patients.ts';
import { createRng } from '../../main/cli/seed/prng.ts';
import { addDays, minutesToTime, todayIn } from '#shared/dates.ts';
import { BENCH_ADMIN, FIRST_SPECIALIZATION, seedSize, TIME_ZONE, type SeedReport } from './seed.ts';

// The bench's clinic written through the query builder, for PostgreSQL (`--postgres`): the
// same shape as seed.ts (which writes SQLite through its raw handle), in multi-row INSERTs.

const BATCH = 1000;
const DAY_START = 8 * 60;
const DAY_END = 20 * 60;
const SLOT = 10;
const DAYS_BACK = 273;
const DAYS = 365;

export async function seedThroughKysely(
  core: AppCore,
  patients: number,
  log: (line: string) => void,
): Promise<SeedReport> {
  const started = performance.now();
  const { db } = core.database;
  const setup = await core.dispatcher.dispatch('bench-seed', 'setup.complete', {
    clinicName: 'Bench Clinic',
    timeZone: TIME_ZONE,
    currency: 'USD',
    adminName: 'Bench Admin',
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  const size = seedSize(patients);
  const now = new Date().toISOString();
  const today = todayIn(TIME_ZONE, new Date());
  const first = addDays(today, -DAYS_BACK);
  const phases: SeedReport['phases'] = [];
  const phase = async (name: string, fn: () => Promise<number>): Promise<void> => {
    const t = performance.now();
    const rows = await fn();
    const seconds = (performance.now() - t) / 1000;
    phases.push({ name, rows, seconds });
    log(`  ${name}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
  };

  const doctorIds: number[] = [];
  await phase('doctors and weekly rules', async () => {
    const rng = createRng(20261126, 'bench-doctors');
    for (let i = 0; i < size.doctors; i++) {
      const name = generateName(rng, rng.chance(0.5) ? 'female' : 'male');
      const { user_id: id } = await db
        .insertInto('users')
        .values({
          name: `Dr ${name.first} ${name.last}`,
          email: `${emailPart(name.first)}.${emailPart(name.last)}.${i}@bench-clinic.test`,
          phone: null,
          role: 'doctor',
          password_hash: 'not-a-real-hash',
          created_at: now,
          updated_at: now,
          locked_until: null,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      const specialization = i < 30 ? FIRST_SPECIALIZATION : rng.pick(SPECIALIZATIONS).name;
      await db
        .insertInto('doctors')
        .values({
          doctor_id: id,
          specialization,
          experience_years: rng.int(1, 35),
          consultation_fee: 40,
          about: null,
          rating: null,
        })
        .execute();
      await db
        .insertInto('schedule_templates')
        .values({
          doctor_id: id,
          weekdays: 127,
          start_time: minutesToTime(DAY_START),
          end_time: minutesToTime(DAY_END),
          slot_minutes: SLOT,
          valid_from: first,
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      doctorIds.push(id);
    }
    return size.doctors * 3;
  });

  const patientIds: number[] = [];
  await phase('patients', async () => {
    const rng = createRng(20261126, 'bench-patients');
    for (let start = 0; start < size.patients; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, size.patients - start) }, (_, i) =>
        generatePatient(rng, start + i + 1, today, TIME_ZONE),
      );
      const ids = await db
        .insertInto('users')
        .values(
          batch.map((p) => ({
            name: p.name,
            email: p.email,
            phone: p.phone,
            role: 'patient' as const,
            password_hash: null,
            created_at: p.createdAt,
            updated_at: p.createdAt,
            locked_until: null,
          })),
        )
        .returning('user_id')
        .execute();
      await db
        .insertInto('patients')
        .values(
          batch.map((p, i) => ({
            patient_id: ids[i]?.user_id ?? 0,
            age: p.age,
            gender: p.gender,
            medical_notes: p.medicalNotes,
          })),
        )
        .execute();
      for (const { user_id } of ids) patientIds.push(user_id);
    }
    return size.patients * 2;
  });

  let slots = 0;
  let appointments = 0;
  await phase('slots and appointments (a year)', async () => {
    const rng = createRng(20261126, 'bench-appointments');
    const perDay = (DAY_END - DAY_START) / SLOT;
    const chance = Math.min(0.97, size.appointments / (size.doctors * DAYS * perDay * 1.06));
    const adminId = Number(
      (await db.selectFrom('users').select('user_id').where('role', '=', 'admin').executeTakeFirstOrThrow()).user_id,
    );
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(first, d);
      const past = date < today;
      for (let i = 0; i < doctorIds.length; i += Math.max(1, Math.floor(BATCH / perDay))) {
        const group = doctorIds.slice(i, i + Math.max(1, Math.floor(BATCH / perDay)));
        const wanted = group.flatMap((doctorId) =>
          Array.from({ length: perDay }, (_, n) => {
            const statuses: string[] = [];
            if (rng.chance(chance)) {
              const roll = rng.next();
              const status = past
                ? roll < 0.88
                  ? 'completed'
                  : roll < 0.94
                    ? 'no_show'
                    : 'cancelled'
                : roll < 0.94
                  ? 'scheduled'
                  : 'cancelled';
              statuses.push(status);
              if ((status === 'cancelled' || status === 'no_show') && rng.chance(0.5))
                statuses.push(past ? 'completed' : 'scheduled');
            }
            const start = DAY_START + n * SLOT;
            return { doctorId, start: minutesToTime(start), end: minutesToTime(start + SLOT), statuses };
          }),
        );
        const ids = await db
          .insertInto('doctor_availability')
          .values(
            wanted.map((s) => ({
              doctor_id: s.doctorId,
              available_date: date,
              start_time: s.start,
              end_time: s.end,
              is_booked: s.statuses.some((x) => x !== 'cancelled' && x !== 'no_show') ? (1 as const) : (0 as const),
              source: 'template' as const,
              blocked_reason: null,
              blocked_by: null,
            })),
          )
          .returning('availability_id')
          .execute();
        slots += ids.length;
        const rows = wanted.flatMap((s, k) =>
          s.statuses.map((status) => ({
            doctor_id: s.doctorId,
            patient_id: patientIds[rng.int(0, patientIds.length - 1)] ?? 0,
            availability_id: ids[k]?.availability_id ?? 0,
            appointment_date: date,
            appointment_time: s.start,
            status: status as 'scheduled',
            created_at: `${addDays(date, -7)}T09:00:00.000Z`,
            booked_by: adminId,
            needs_reschedule_reason: null,
            overlap_override_reason: null,
            is_walk_in: 0 as const,
          })),
        );
        for (let r = 0; r < rows.length; r += BATCH)
          await db
            .insertInto('appointments')
            .values(rows.slice(r, r + BATCH))
            .execute();
        appointments += rows.length;
      }
    }
    return slots + appointments;
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = phases.reduce((sum, p) => sum + p.rows, 0);
  return { size, slots, appointments, seconds, rowsPerSecond: rows / seconds, phases };
}
