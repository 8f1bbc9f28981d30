import { performance } from 'node:perf_hooks';
import { planChats } from '../seed/chats.ts';
import { countRows, type TableCounts } from '../seed/counts.ts';
import { seedReadMarkers } from '../seed/messages.ts';
import { addDays, isCalendarDate, localToUtcIso, todayIn } from '#shared/dates.ts';
import { generatePatient, insertPatientsInto } from '../seed/patients.ts';
import { seedPaymentActivity } from '../seed/payments-activity.ts';
import { createRng } from '../seed/prng.ts';
import { planAppointments } from '../seed/schedule.ts';
import { writeSchedule } from '../seed/write.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import { timeZoneSchema } from '#contract/fields.ts';
import type { AppCore } from '../../app-core.ts';
import { writeAudit } from '../../services/core/audit.ts';
import { minorDigitsOf } from '#shared/money.ts';
import type { Actor } from '../../services/core/context.ts';
import { CliFailure, DB_OPTION, intFlag, parseFlags, requiredFlag, stringFlag, UsageError } from '../args.ts';
import { passwordFromEnv, withCore, type CliIo } from '../io.ts';
import { DEMO_PASSWORD, ensureClinic, ensureDemoStaff } from '../seed/clinic.ts';
import { pinnableClock, type PinnableClock } from '../seed/clock.ts';
import { seedSchedules } from '../seed/schedules.ts';
import { seedAppointmentTypes } from '../seed/appointment-types.ts';
import { checked } from '../validate.ts';
import { migrateFile, reportMigrations } from './migrate.ts';

const OPTIONS = {
  ...DB_OPTION,
  patients: { type: 'string' },
  doctors: { type: 'string' },
  days: { type: 'string' },
  'past-days': { type: 'string' },
  seed: { type: 'string' },
  tz: { type: 'string' },
  start: { type: 'string' },
  force: { type: 'boolean' },
} as const;

interface SeedOptions {
  patients: number;
  doctors: number;
  days: number;
  pastDays: number;
  seed: number;
  timeZone: string;
  start: string | undefined;
  force: boolean;
}

function readOptions(argv: readonly string[]): { dbFile: string; options: SeedOptions } {
  const flags = parseFlags(argv, OPTIONS);
  const start = stringFlag(flags, 'start');
  if (start !== undefined && !isCalendarDate(start))
    throw new UsageError(`--start must be a date like 2026-03-02, not "${start}".`);
  return {
    dbFile: requiredFlag(flags, 'db'),
    options: {
      patients: intFlag(flags, 'patients', 200, 0, 2_000_000),
      doctors: intFlag(flags, 'doctors', 8, 1, 500),
      days: intFlag(flags, 'days', 14, 1, 366),
      pastDays: intFlag(flags, 'past-days', 7, 0, 366),
      seed: intFlag(flags, 'seed', 1, 0, 2 ** 32 - 1),
      timeZone: checked(timeZoneSchema, stringFlag(flags, 'tz') ?? 'UTC', '--tz'),
      start,
      force: flags.values.force === true,
    },
  };
}

async function patientCount(core: AppCore): Promise<number> {
  const row = await core.database.db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function auditRun(trx: Tx, core: AppCore, actor: Actor, options: SeedOptions, startDate: string): Promise<void> {
  const counts = await countRows(trx);
  await writeAudit(trx, core.services.deps.clock, {
    userId: actor.userId,
    action: 'seed.run',
    entity: 'database',
    entityId: null,
    after: { counts, options: { ...options, start: startDate } },
  });
}

async function seed(
  core: AppCore,
  clock: PinnableClock,
  io: CliIo,
  options: SeedOptions,
  envPassword: string | undefined,
): Promise<void> {
  const existingPatients = await patientCount(core);
  if (existingPatients > 0 && !options.force) {
    throw new CliFailure(
      `This database already has ${existingPatients} patients, so it looks seeded. Use --force to add ${options.patients} more patients (and nothing else).`,
    );
  }
  const password = envPassword ?? DEMO_PASSWORD;
  if (envPassword === undefined && ((await core.services.setup.needsSetup()) || !options.force)) {
    io.out(
      `Staff password: '${DEMO_PASSWORD}' (the documented default, for demo data only; set CLINIC_PASSWORD to choose one).`,
    );
  }
  const { settings, actor } = await ensureClinic(core, io, options.timeZone, password);
  const timeZone = settings.timeZone;
  const startDate = options.start ?? todayIn(timeZone, clock.now());
  // With --start the services live on that day (07:00 clinic time, before any session), so
  // rules start then, slots reach the horizon from it, and every timestamp is reproducible.
  if (options.start !== undefined) clock.pin(new Date(localToUtcIso(startDate, '07:00', timeZone)));

  const { doctors, receptionists } = options.force
    ? { doctors: [], receptionists: [] }
    : await ensureDemoStaff(core, io, actor, { seed: options.seed, doctors: options.doctors, password });

  // Each run draws its patients from its own stream, so --force adds new people.
  const rng = createRng(options.seed, `patients:${existingPatients}`);
  const firstNames: string[] = [];
  const patientIds = await insertPatientsInto(core.database, options.patients, (i) => {
    const patient = generatePatient(rng, existingPatients + i + 1, startDate, timeZone);
    firstNames.push(patient.firstName);
    return patient;
  });

  if (options.force) {
    await writeTx(core.database.db, (trx) => auditRun(trx, core, actor, options, startDate));
    return;
  }
  const doctorIds = doctors.map((d) => d.doctorId);
  const { pastSlots } = await seedSchedules(core, actor, doctorIds, {
    seed: options.seed,
    startDate,
    pastDays: options.pastDays,
    days: options.days,
    timeZone,
  });
  const firstNameById = new Map(patientIds.map((id, i) => [id, firstNames[i] ?? '']));
  await writeSchedule(
    core.database.db,
    {
      pastSlots,
      doctorIds,
      from: addDays(startDate, -options.pastDays),
      to: addDays(startDate, options.days - 1),
      plan: (slots) => {
        const appointments = planAppointments(createRng(options.seed, 'schedule'), slots, {
          doctors,
          patientIds,
          startDate,
          timeZone,
        });
        const chats = planChats(createRng(options.seed, 'chats'), {
          pairs: appointments,
          receptionistIds: receptionists,
          firstNameOf: (id) => firstNameById.get(id) ?? 'The patient',
          startDate,
          timeZone,
        });
        return { appointments, chats };
      },
    },
    (trx) => auditRun(trx, core, actor, options, startDate),
  );
  await seedAppointmentTypes(core, actor, doctorIds);
  // Who has read what of the demo conversations (not audited: read markers are not records).
  await writeTx(core.database.db, (trx) => seedReadMarkers(trx, core.services.deps.clock.now().toISOString()));
  // Money through the real payments service: deposits today, a few refunds of past visits.
  const desk = receptionists[0];
  const money = await seedPaymentActivity(
    core.database.db,
    core.services.payments,
    createRng(options.seed, 'payments'),
    {
      startDate,
      desk: desk === undefined ? { userId: actor.userId, role: 'admin' } : { userId: desk, role: 'receptionist' },
      admin: { userId: actor.userId, role: 'admin' },
      digits: minorDigitsOf(settings.currency),
    },
  );
  io.out(`Payments: ${money.deposits} deposits taken today, ${money.refunds} refunds of past visits.`);
}

function printSummary(io: CliIo, before: TableCounts, after: TableCounts, seconds: number): void {
  const tables = Object.keys(after) as (keyof TableCounts)[];
  const width = Math.max(...tables.map((t) => t.length));
  io.out('Rows per table (added this run):');
  for (const table of tables) {
    io.out(`  ${table.padEnd(width)}  ${String(after[table]).padStart(9)}  (+${after[table] - before[table]})`);
  }
  io.out(`Seeded in ${seconds.toFixed(2)} s.`);
}

export async function seedCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { dbFile, options } = readOptions(argv);
  const envPassword = passwordFromEnv(io);
  if (envPassword !== undefined && envPassword.length < 10) {
    throw new UsageError('CLINIC_PASSWORD must be at least 10 characters long.');
  }
  const started = performance.now();
  reportMigrations(io, await migrateFile(dbFile));
  const clock = pinnableClock();
  return withCore(
    dbFile,
    io,
    async (core) => {
      const before = await countRows(core.database.db);
      await seed(core, clock, io, options, envPassword);
      printSummary(io, before, await countRows(core.database.db), (performance.now() - started) / 1000);
      return 0;
    },
    clock,
  );
}
