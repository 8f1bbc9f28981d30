import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '#contract/index.ts';
import { startAppCore } from '../../main/app-core.ts';
import { createFileLogger, logDirFor, pruneOldLogs, type FileLogger } from '../../main/logging/file-logger.ts';
import { createTestClock } from '../support/clock.ts';
import { deskWorld } from '../support/front-desk.ts';
import { setUpClinic, STAFF_PASSWORD, type TestApp } from '../support/test-app.ts';

// The app's file log through real dispatcher calls: nothing a user typed about a patient and no
// password reaches the file, while an unexpected error keeps its cause and stack.

const PATIENT = { name: 'Zephyrine Quattlebaum', phone: '+94 77 987 6543', email: 'zq.private@example.org' };
const SECRET = 'Sekret-Passw0rd-991';
const PHONE_DIGITS = '94779876543';

let dir: string;
let logDir: string;
let logger: FileLogger;
let app: TestApp;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-logging-'));
  logDir = logDirFor({ dbFile: join(dir, 'clinic.sqlite'), env: {} });
  logger = await createFileLogger(logDir);
  const clock = createTestClock();
  const core = await startAppCore({ dbFile: join(dir, 'clinic.sqlite'), clock, logger });
  const call = <C extends ChannelName>(key: string, channel: C, input: ChannelInput<C>) =>
    core.dispatcher.dispatch(key, channel, input) as Promise<Result<ChannelOutput<C>>>;
  app = {
    core,
    clock,
    dbFile: join(dir, 'clinic.sqlite'),
    call,
    ok: async (key, channel, input) => {
      const result = await call(key, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    close: () => core.close(),
  };
  await setUpClinic(app);
});

let closed: Promise<void> | null = null;
/** Closes the core, then the logger (which flushes), once. */
const closeAll = (): Promise<void> => (closed ??= app.close().then(() => logger.close()));

afterEach(async () => {
  await closeAll();
  closed = null;
  rmSync(dir, { recursive: true, force: true });
});

/** All the log files' text, once everything is closed. */
async function logText(): Promise<string> {
  await closeAll();
  return readdirSync(logDir)
    .map((file) => readFileSync(join(logDir, file), 'utf8'))
    .join('');
}

describe('the file log', () => {
  it('keeps names, phones and passwords out, and an unexpected error with its stack, in a file named by date', async () => {
    const world = await deskWorld(app);
    // Succeeds, then refused as a duplicate, then refused as bad input: all carry the patient.
    await app.ok(world.desk, 'patients.register', PATIENT);
    expect((await app.call(world.desk, 'patients.register', PATIENT)).ok).toBe(false);
    expect((await app.call(world.desk, 'patients.register', { ...PATIENT, phone: 'call me' })).ok).toBe(false);
    expect((await app.call('nobody', 'auth.signIn', { email: PATIENT.email, password: SECRET })).ok).toBe(false);
    const badPassword = { currentPassword: SECRET, newPassword: `${SECRET}-new` };
    expect((await app.call(world.desk, 'auth.changePassword', badPassword)).ok).toBe(false);
    // A real fault behind the dispatcher: the table is gone, so registering throws an SQLite error.
    app.core.database.raw.exec('ALTER TABLE patients RENAME TO patients_gone');
    const internal = await app.call(world.desk, 'patients.register', { ...PATIENT, email: null });
    expect(internal.ok ? null : internal.error.code).toBe('INTERNAL');
    app.core.database.raw.exec('ALTER TABLE patients_gone RENAME TO patients');

    const text = await logText();
    for (const secret of [
      PATIENT.name,
      'Zephyrine',
      'Quattlebaum',
      PATIENT.phone,
      PHONE_DIGITS,
      PATIENT.email,
      SECRET,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(STAFF_PASSWORD);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; channel?: string; error?: { message: string; stack: string } });
    const unexpected = lines.find((line) => line.msg === 'Unexpected error in a channel');
    expect(unexpected?.channel).toBe('patients.register');
    expect(unexpected?.error?.message).toMatch(/no such table: patients/);
    expect(unexpected?.error?.stack).toMatch(/\n\s+at /);

    const today = new Date();
    const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
    expect(readdirSync(logDir)).toContain(`clinic.${day}.1.log`);
  });

  it('censors inputs, secrets and person fields even when a log call slips them in', async () => {
    logger.error('A careless log call', {
      channel: 'patients.register',
      patientId: 42,
      input: { name: PATIENT.name, phone: PATIENT.phone },
      password: SECRET,
      details: { phone: PATIENT.phone, user: { email: PATIENT.email } },
      issues: [{ path: ['name'], input: PATIENT.name }],
    });
    const text = await logText();
    for (const secret of [PATIENT.name, PATIENT.phone, PATIENT.email, SECRET]) expect(text).not.toContain(secret);
    expect(text).toContain('"patientId":42');
    expect(text).toContain('"channel":"patients.register"');
  });
});

describe('where the logs go and how long they stay', () => {
  it('uses CLINIC_LOG_DIR, else logs/ beside the database file', () => {
    expect(logDirFor({ dbFile: '/data/clinic.sqlite', env: { CLINIC_LOG_DIR: '/var/log/clinic' } })).toBe(
      '/var/log/clinic',
    );
    expect(logDirFor({ dbFile: '/data/clinic.sqlite', env: {} })).toBe(join('/data', 'logs'));
  });

  it('removes day files older than 30 days at start-up and leaves other files alone', async () => {
    await closeAll();
    for (const name of ['clinic.2026-01-01.1.log', 'clinic.2026-02-14.1.log', 'clinic.2026-02-15.2.log', 'notes.txt']) {
      writeFileSync(join(logDir, name), 'x');
      utimesSync(join(logDir, name), new Date(2026, 0, 1), new Date(2026, 0, 1));
    }
    const removed = pruneOldLogs(logDir, new Date(2026, 2, 17, 12), 30);
    expect(removed.sort()).toEqual(['clinic.2026-01-01.1.log', 'clinic.2026-02-14.1.log']);
    expect(readdirSync(logDir)).toEqual(expect.arrayContaining(['clinic.2026-02-15.2.log', 'notes.txt']));
  });
});
