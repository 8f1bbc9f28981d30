import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATEST_MIGRATION } from '#db/migrate.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { createFileLogger, type FileLogger } from '../../main/logging/file-logger.ts';
import { createTestClock } from '../support/clock.ts';
import { createPgTestDatabase, testDialect, type PgTestDatabase } from '../support/pg-test-db.ts';
import { ADMIN_PASSWORD } from '../support/test-app.ts';

// Export diagnostics through the real dispatcher, on a real database with real log files: the
// zip is unpacked and read, and nothing in it names a patient or repeats a password, even after
// the day's work wrote its log lines (a patient registered, a wrong password tried).

const patient = {
  name: 'Zenobia Quillfeather',
  phone: '+94 77 555 0199',
  email: 'zenobia.quill@example.org',
  gender: 'female' as const,
  dateOfBirth: '1984-02-29',
  medicalNotes: 'Allergic to latex',
};
const WRONG_PASSWORD = 'wrong-Password-7731';
const DUMP_SECRET = 'PATIENT-MEMORY-Zenobia';

let dir: string;
let core: AppCore;
let logger: FileLogger;
let pg: PgTestDatabase | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-diag-'));
  const crashDumpsDir = join(dir, 'Crashpad', 'completed');
  mkdirSync(crashDumpsDir, { recursive: true });
  writeFileSync(join(crashDumpsDir, 'a1b2c3.dmp'), DUMP_SECRET);
  logger = await createFileLogger(join(dir, 'logs'));
  pg = testDialect() === 'postgres' ? await createPgTestDatabase() : null;
  core = await startAppCore({
    ...(pg ? { databaseUrl: pg.url } : { dbFile: join(dir, 'clinic.sqlite') }),
    clock: createTestClock(new Date('2026-12-07T09:30:00.000Z')),
    logger,
    logDir: logger.dir,
    crashDumpsDir: join(dir, 'Crashpad'),
  });
});
afterEach(async () => {
  await core.close();
  await logger.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const logText = (): string =>
  readdirSync(logger.dir)
    .map((name) => readFileSync(join(logger.dir, name), 'utf8'))
    .join('');

async function ok(key: string, channel: Parameters<AppCore['dispatcher']['dispatch']>[1], input: object) {
  const result = await core.dispatcher.dispatch(key, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('export diagnostics', () => {
  it('zips logs, versions, settings, the database check and schema, with no patient data or secret', async () => {
    await ok('admin', 'setup.complete', {
      clinicName: 'Lotus Clinic',
      clinicAddress: '1 Main Street',
      timeZone: 'Asia/Colombo',
      currency: 'LKR',
      adminName: 'Ada Admin',
      adminEmail: 'ada@clinic.test',
      adminPassword: ADMIN_PASSWORD,
    });
    await ok('admin', 'patients.register', patient);
    const refused = await core.dispatcher.dispatch('other', 'auth.signIn', {
      email: 'ada@clinic.test',
      password: WRONG_PASSWORD,
    });
    expect(refused.ok).toBe(false);
    // A search by the patient's name: dispatcher inputs are never logged.
    await core.dispatcher.dispatch('admin', 'patients.search', { query: patient.name });
    // A careless log call with person fields: pino's redaction blanks them (decision 96).
    logger.warn('Diagnostics test marker', { patientId: 7, name: patient.name, phone: patient.phone });
    logger.flush();
    await vi.waitFor(() => expect(logText()).toContain('Diagnostics test marker'));

    const file = (await ok('admin', 'diagnostics.export', {})) as { fileName: string; zipBase64: string };
    expect(file.fileName).toBe('clinic-desk-diagnostics-20261207-0930.zip');
    const entries = unzipSync(Buffer.from(file.zipBase64, 'base64'));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      expect.arrayContaining(['README.txt', 'versions.json', 'settings.json', 'database.json', 'crash-dumps.json']),
    );
    const logNames = names.filter((n) => n.startsWith('logs/') && !n.endsWith('/'));
    expect(logNames).toEqual([expect.stringMatching(/^logs\/clinic\.\d{4}-\d{2}-\d{2}\.1\.log$/)]);
    const read = (name: string): string => strFromU8(entries[name] ?? new Uint8Array());
    expect(read(logNames[0] ?? '')).toMatch(/"patientId":7,.*"msg":"Diagnostics test marker"/);

    const versions = JSON.parse(read('versions.json')) as { app: string; runtime: { node: string } };
    expect(versions.runtime.node).toBe(process.versions.node);
    const settings = JSON.parse(read('settings.json')) as {
      clinic: { clinicName: string; timeZone: string };
      connection: { mode: string };
    };
    expect(settings.clinic).toMatchObject({ clinicName: 'Lotus Clinic', timeZone: 'Asia/Colombo' });
    expect(settings.connection.mode).toBe(pg ? 'server' : 'local');
    const database = JSON.parse(read('database.json')) as Record<string, unknown>;
    expect(database).toMatchObject({
      kind: pg ? 'postgres' : 'sqlite',
      schema: { latestApplied: LATEST_MIGRATION, latestKnownToThisApp: LATEST_MIGRATION },
    });
    if (!pg)
      expect(database).toMatchObject({
        quickCheck: ['ok'],
        healthy: true,
        engine: expect.stringMatching(/^SQLite 3\./),
      });
    expect(JSON.parse(read('crash-dumps.json'))).toEqual([
      {
        name: expect.stringMatching(/completed[\\/]a1b2c3\.dmp$/),
        bytes: DUMP_SECRET.length,
        modifiedAt: expect.any(String),
      },
    ]);

    const everything = names.map(read).join('\n');
    // The search works on the real text (the clinic's own name is in the settings).
    expect(everything).toContain('Lotus Clinic');
    for (const secret of [
      patient.name,
      'Zenobia',
      patient.phone,
      '555 0199',
      patient.email,
      patient.medicalNotes,
      ADMIN_PASSWORD,
      WRONG_PASSWORD,
      DUMP_SECRET,
      pg ? new URL(pg.url).password : 'no-server-password',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('is for administrators only', async () => {
    const result = await core.dispatcher.dispatch('nobody', 'diagnostics.export', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
