import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { backupFigures } from './backup.ts';
import { bookingFigures, type DeskContext } from './booking.ts';
import { multiSlotFigures } from './multi-slot.ts';
import { crashBench } from './crash.ts';
import { interleaved, meets, percentile, type Figure } from './measure.ts';
import { scheduleFigures, serverGenerationFigures } from './schedule.ts';
import { seedThroughKysely } from './seed-any.ts';
import { searchFigures } from './search.ts';
import { recordStatements, replayer } from './replay.ts';
import { BENCH_ADMIN, FIRST_SPECIALIZATION, rate, seedBenchDatabase } from './seed.ts';
import { patientImportFigures } from './patient-import.ts';

// `npm run bench [-- --patients N --json FILE --reuse FILE --crash N]`: seeds a clinic a
// million patients big (in a child process, so its page cache is not counted in our memory),
// then measures the desk's hot paths through the real dispatcher, with raw better-sqlite3
// doing the same work in the same run where a ratio is the fair figure.

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '1000000' },
    json: { type: 'string' },
    /** Seed this file once and reuse it on later runs (iterating on the measurements). */
    reuse: { type: 'string' },
    iterations: { type: 'string', default: '400' },
    /** Steps to leave out, comma-separated: booking, search, day, screens, backup, encryption, schedule, import. */
    skip: { type: 'string', default: '' },
    crash: { type: 'string' },
    /** With --crash: the clinic's file encrypted. */
    encrypted: { type: 'boolean', default: false },
    /** A PostgreSQL URL (an empty database), or "auto" for a throwaway local cluster. */
    postgres: { type: 'string' },
    'seed-only': { type: 'string' },
    /** Print the process's memory (after a full collection) after each step. */
    memory: { type: 'boolean', default: false },
    /** Write every search keystroke's time (ms, tab, text) to this file. */
    'search-log': { type: 'string' },
  },
  strict: true,
});

const patients = Number(args.patients);
if (!Number.isInteger(patients) || patients < 1000) throw new Error('--patients must be a whole number ≥ 1000');

if (args['seed-only']) {
  const target = args['seed-only'];
  if (/^postgres(ql)?:/.test(target)) {
    // The server's clinic, seeded through the query builder in this child process.
    const app = await startAppCore({ databaseUrl: target, logger: silentLogger });
    const report = await seedThroughKysely(app, patients, (line) => console.log(line));
    await app.close();
    console.log(JSON.stringify(report));
  } else {
    const report = await seedBenchDatabase(target, patients, (line) => console.log(line));
    console.log(JSON.stringify(report));
  }
  process.exit(0);
}

if (args.crash) {
  process.exit((await crashBench(Number(args.crash), console.log, args.encrypted)) ? 0 : 1);
}

interface SeedSummary {
  seconds: number;
  rowsPerSecond: number;
  slots: number;
  appointments: number;
}

function seedInChild(file: string): SeedSummary {
  console.log(`Seeding ${patients.toLocaleString('en')} patients into ${file.replace(/\/\/[^@/]*@/, '//')} …`);
  const child = spawnSync(
    process.execPath,
    [import.meta.filename, '--seed-only', file, '--patients', String(patients)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = child.stdout.trim().split('\n');
  if (child.status !== 0) throw new Error(`seeding failed:\n${child.stdout}`);
  for (const line of lines.slice(0, -1)) console.log(line);
  return JSON.parse(lines.at(-1) ?? '{}') as SeedSummary;
}

const figures: Record<string, Figure> = {};
const searchLogFile = args['search-log'];
const searchLog = searchLogFile ? (lines: string) => writeFileSync(searchLogFile, `${lines}\n`) : undefined;
const key = 'bench';
const skipped = new Set(args.skip.split(',').filter(Boolean));
if (args.postgres) {
  await serverBench(args.postgres);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
const file = args.reuse ?? join(dir, 'bench.sqlite');
if (!existsSync(file)) {
  const seed = seedInChild(file);
  const rows = seed.rowsPerSecond * seed.seconds;
  console.log(
    `Seeded ${rows.toLocaleString('en', { maximumFractionDigits: 0 })} rows in ${seed.seconds.toFixed(0)} s (${rate(rows, seed.seconds)} rows/s)\n`,
  );
  figures.seed_s = {
    value: seed.seconds,
    unit: 's',
    goal: 'info',
    note: `${seed.slots} slots, ${seed.appointments} appointments`,
  };
  figures.seed_rows_per_s = { value: seed.rowsPerSecond, unit: 'rows/s', goal: 'info' };
}

const core = await startAppCore({ dbFile: file, logger: silentLogger });
const desk = await deskOf(core);

async function deskOf(app: AppCore): Promise<DeskContext> {
  const signIn = await app.dispatcher.dispatch(key, 'auth.signIn', BENCH_ADMIN);
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  const { db } = app.database;
  const range = await db
    .selectFrom('users')
    .select((eb) => [eb.fn.min('user_id').as('first'), eb.fn.countAll().as('count')])
    .where('role', '=', 'patient')
    .executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom('users')
    .select('user_id')
    .where('email', '=', BENCH_ADMIN.email)
    .executeTakeFirstOrThrow();
  return {
    core: app,
    key,
    adminId: admin.user_id,
    patientIds: { first: Number(range.first), count: Number(range.count) },
  };
}

async function step(name: string, fn: () => Promise<Record<string, Figure>>, id = ''): Promise<void> {
  if (id && skipped.has(id)) return;
  process.stdout.write(`${name} … `);
  const started = Date.now();
  const found = await fn();
  if (args.memory) console.log(`\n  memory after ${name}: ${memoryNote()}`);
  Object.assign(figures, found);
  const summary = Object.entries(found).map(([n, f]) => `${n} ${f.value.toFixed(2)} ${f.unit}`);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s (${summary.join(', ')})`);
}

/** The figures every mode has: booking, lookup, search, the seeded day view. */
async function deskSteps(app: AppCore, context: DeskContext): Promise<void> {
  await step('booking and lookup', () => bookingFigures(context, Number(args.iterations)), 'booking');
  await step('multi-slot booking', () => multiSlotFigures(context, Number(args.iterations)), 'booking');
  await step('patient search as you type', () => searchFigures(context, searchLog), 'search');
  await step('day view over the seeded clinic', () => seededDayView(app), 'day');
}

/**
 * The browser step (screens.ts). Its page scripts need the DOM's types, so it belongs to the
 * browser-side TypeScript project and is loaded here by address.
 */
async function measureScreens(app: AppCore): Promise<Record<string, Figure>> {
  const screens = new URL('./screens.ts', import.meta.url).href;
  const module = (await import(screens)) as { screenFigures(app: AppCore): Promise<Record<string, Figure>> };
  return module.screenFigures(app);
}

async function seededDayView(app: AppCore): Promise<Record<string, Figure>> {
  const date = new Date().toISOString().slice(0, 10);
  const call = () => app.dispatcher.dispatch(key, 'schedule.day', { date, specialization: FIRST_SPECIALIZATION });
  for (let i = 0; i < 5; i++) await call();
  const started = performance.now();
  const runs = 20;
  for (let i = 0; i < runs; i++) await call();
  const ms = (performance.now() - started) / runs;
  const figures: Record<string, Figure> = {
    day_view_seeded_ms: { value: ms, unit: 'ms', goal: 'info', note: '30 doctors × 72 slots of the seeded clinic' },
  };
  if (app.database.kind !== 'sqlite') return figures;
  // The floor: the same statements the call ran, as plain prepared statements (replay.ts),
  // in turns with the call (p50 of each) so a busy machine slows both alike.
  const { raw } = app.database;
  const statements = await recordStatements(raw, call);
  const replay = replayer(raw);
  const turns = await interleaved(runs * 2, 5, () => replay(statements), call);
  const floorMs = percentile(turns.a, 50);
  const oursMs = percentile(turns.b, 50);
  figures.day_view_seeded_vs_floor = {
    value: oursMs / floorMs,
    unit: '×',
    goal: '≤ 2',
    note: `p50 ${oursMs.toFixed(2)} ms vs ${floorMs.toFixed(2)} ms for its ${statements.length} statements run raw`,
  };
  return figures;
}

await deskSteps(core, desk);
await step('screens in Chromium', () => measureScreens(core), 'screens');
await step('verified backup with reads going on', () => backupFigures(desk), 'backup');
await core.close();
await step(
  'encryption on and off',
  async () => (await import('./encryption.ts')).encryptionFigures(file, dir, Number(args.iterations)),
  'encryption',
);
await step('slot generation and day view', () => scheduleFigures(dir), 'schedule');
await step('patient import, 100,000 rows', () => patientImportFigures(), 'import');
report(`${patients.toLocaleString('en')} patients`);
rmSync(dir, { recursive: true, force: true });

/** `--postgres URL|auto`: the same clinic on a PostgreSQL server, our path only. */
async function serverBench(target: string): Promise<void> {
  const { findPgBin, startPgCluster } = await import('../../scripts/pg-cluster.ts');
  const bin = target === 'auto' ? findPgBin() : null;
  if (target === 'auto' && !bin) throw new Error('No PostgreSQL server binaries found for --postgres auto.');
  const cluster = bin ? await startPgCluster(bin) : null;
  try {
    const url = cluster?.url ?? target;
    // Seeded in a child process, as the SQLite file is: its garbage is not the app's memory.
    const seed = seedInChild(url);
    const app = await startAppCore({ databaseUrl: url, logger: silentLogger });
    figures.seed_s = { value: seed.seconds, unit: 's', goal: 'info' };
    figures.seed_rows_per_s = { value: seed.rowsPerSecond, unit: 'rows/s', goal: 'info' };
    await deskSteps(app, await deskOf(app));
    await step('slot generation', () => serverGenerationFigures(app), 'schedule');
    await app.close();
    report(`${patients.toLocaleString('en')} patients on PostgreSQL`);
  } finally {
    cluster?.stop();
  }
}

/** A full collection (V8's --expose-gc, set at run time), so garbage is not counted as memory. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Where the process's memory is, after a full collection (garbage is not memory in use). */
function memoryNote(): string {
  collectGarbage();
  const m = process.memoryUsage();
  const mib = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`;
  return `rss ${mib(m.rss)}: JS heap ${mib(m.heapUsed)} live of ${mib(m.heapTotal)} reserved, external ${mib(m.external)}, the rest native (SQLite caches, code)`;
}

function report(title: string): void {
  const note = memoryNote();
  figures.rss_mb = {
    value: process.memoryUsage().rss / 1024 / 1024,
    unit: 'MiB',
    goal: '< 250',
    note: `main process after the run; ${note}`,
  };
  printTable(title);
}

function printTable(title: string): void {
  const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  console.log(
    `\n${title} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} free)\n`,
  );
  console.log('| figure | value | goal | met | what |');
  console.log('| --- | ---: | ---: | :-: | --- |');
  for (const [name, f] of Object.entries(figures)) {
    const ok = meets(f);
    console.log(
      `| ${name} | ${fmt(f.value)} ${f.unit} | ${f.goal} | ${ok === null ? '' : ok ? 'yes' : '**no**'} | ${f.note ?? ''} |`,
    );
  }
  if (args.json) {
    const out = Object.fromEntries(
      Object.entries(figures).map(([name, f]) => [name, { value: f.value, unit: f.unit, goal: f.goal }]),
    );
    writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nWrote ${args.json}`);
  }
}
