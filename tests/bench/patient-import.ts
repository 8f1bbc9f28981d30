import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '#db/connection.ts';
import { migrateToLatest } from '#db/migrate.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { IMPORT_BATCH_ROWS } from '#contract/patient-import.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import type { Figure } from './measure.ts';

// Importing a spreadsheet of patients (`imports.run` through the real dispatcher: decode,
// parse, validate each row with the register schema, duplicate check, batches of one
// transaction each) against the floor: the same users and patients rows inserted with raw
// prepared statements in transactions of the same size, into a file with the same schema (and
// search triggers), in the same run. Also `node tests/bench/patient-import.ts [ROWS]` alone.

const KEY = 'bench:import';
const ADMIN = { email: 'import-admin@clinic.test', password: 'import-admin-password' };

interface Person {
  name: string;
  phone: string;
  email: string;
  dateOfBirth: string;
}

function people(rows: number): Person[] {
  return Array.from({ length: rows }, (_, i) => ({
    name: `Imported Person ${i} Álvarez`,
    phone: `+44 7700 ${String(100000 + i).padStart(6, '0')}`,
    email: `person${i}@example.test`,
    dateOfBirth: `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
}

const csvOf = (list: readonly Person[]): string =>
  ['Full name;Mobile;E-mail;DOB', ...list.map((p) => `${p.name};${p.phone};${p.email};${p.dateOfBirth}`)].join('\r\n');

async function throughTheApp(dir: string, list: readonly Person[]): Promise<number> {
  const core = await startAppCore({ dbFile: join(dir, 'app.sqlite'), logger: silentLogger });
  try {
    const setup = await core.dispatcher.dispatch(KEY, 'setup.complete', {
      clinicName: 'Bench Clinic',
      clinicAddress: '1 Bench Road',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Bench Admin',
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const file = { fileName: 'patients.csv', contentBase64: Buffer.from(csvOf(list)).toString('base64') };
    const started = performance.now();
    const result = await core.dispatcher.dispatch(KEY, 'imports.run', {
      file,
      columns: ['name', 'phone', 'email', 'dateOfBirth'],
      dateOrder: 'ymd',
      duplicates: 'skip',
      runId: 'bench',
    });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    const { imported } = result.value as ChannelOutput<'imports.run'>;
    if (imported !== list.length) throw new Error(`imported ${imported} of ${list.length}`);
    return ms;
  } finally {
    await core.close();
  }
}

async function rawFloor(dir: string, list: readonly Person[], batch: number): Promise<number> {
  const path = join(dir, 'raw.sqlite');
  const handle = openSqlite(path);
  await migrateToLatest(handle.db);
  const raw = handle.raw;
  const user = raw.prepare(
    "INSERT INTO users (name, email, phone, password_hash, role, created_at, updated_at, locked_until) VALUES (?, ?, ?, NULL, 'patient', ?, ?, NULL)",
  );
  const patient = raw.prepare(
    'INSERT INTO patients (patient_id, age, gender, medical_notes, date_of_birth) VALUES (?, ?, NULL, NULL, ?)',
  );
  const insert = raw.transaction((rows: readonly Person[], at: string) => {
    // Users first, then their patients rows, as the import writes a batch.
    const ids = rows.map((p) => Number(user.run(p.name, p.email, p.phone.replace(/ /g, ''), at, at).lastInsertRowid));
    rows.forEach((p, i) => patient.run(ids[i], 2026 - Number(p.dateOfBirth.slice(0, 4)), p.dateOfBirth));
  });
  const started = performance.now();
  const at = new Date().toISOString();
  for (let i = 0; i < list.length; i += batch) insert.immediate(list.slice(i, i + batch), at);
  const ms = performance.now() - started;
  await handle.db.destroy();
  return ms;
}

export async function patientImportFigures(rows = 100_000): Promise<Record<string, Figure>> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-import-'));
  try {
    const list = people(rows);
    const floorMs = await rawFloor(dir, list, IMPORT_BATCH_ROWS);
    const appMs = await throughTheApp(dir, list);
    return {
      patient_import_100k_s: {
        value: (appMs / 1000) * (100_000 / rows),
        unit: 's',
        goal: '< 60',
        note: `${rows.toLocaleString('en')} rows through imports.run (scaled to 100,000)`,
      },
      patient_import_vs_raw_ratio: {
        value: appMs / floorMs,
        unit: '×',
        goal: 'info',
        note: `floor: the same users and patients rows, raw prepared statements, ${IMPORT_BATCH_ROWS} a transaction: ${(floorMs / 1000).toFixed(2)} s`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const figures = await patientImportFigures(Number(process.argv[2] ?? 100_000));
  for (const [name, f] of Object.entries(figures))
    console.log(`${name}: ${f.value.toFixed(2)} ${f.unit} (${f.goal}) ${f.note ?? ''}`);
}
