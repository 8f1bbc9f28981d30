import BetterSqlite3 from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { LATEST_MIGRATION } from '#db/migrate.ts';
import { insertPatients, generatePatient } from '../../main/cli/seed/patients.ts';
import { createRng } from '../../main/cli/seed/prng.ts';
import { verifyDatabaseFile, verifyInWorker } from '../../main/services/operations/backup-file.ts';
import { createBackupsService, SERVER_MODE_MESSAGE } from '../../main/services/operations/backups.ts';
import { claimFullCheck } from '../../main/services/operations/full-check.ts';
import { runCli } from '../support/cli.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, STAFF_PASSWORD, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let folder: string;

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  folder = mkdtempSync(join(tmpdir(), 'clinic-backups-'));
  await app.ok(ADMIN_KEY, 'backups.updateSettings', {
    version: 1,
    folder,
    dailyTime: '02:00',
    keepCount: 3,
    enabled: true,
  });
});
afterEach(async () => {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

const registerPatient = (n: number) =>
  app.ok(ADMIN_KEY, 'patients.register', {
    name: `Patient ${n}`,
    phone: `0700 000 ${String(n).padStart(3, '0')}`,
    email: null,
    medicalNotes: null,
    confirmedNotDuplicate: true,
  });

const patientCount = (file: string): number => {
  const conn = new BetterSqlite3(file, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

describe('backups', () => {
  it('backs up while writes go on, verifies the copy and records size, schema and row counts', async () => {
    for (let i = 0; i < 20; i++) await registerPatient(i);
    const progress: number[] = [];
    const unsubscribe = app.core.hub.subscribe(ADMIN_KEY, (name, payload) => {
      if (name === 'backup.progress') progress.push((payload as { percent: number }).percent);
    });
    const running = app.ok(ADMIN_KEY, 'backups.run', { runId: 'run-1' });
    const writes = Promise.all([20, 21, 22, 23, 24].map(registerPatient));
    const [backup] = await Promise.all([running, writes]);
    unsubscribe();

    expect(backup).toMatchObject({ verified: 'ok', kind: 'manual', integrity: 'ok', schemaVersion: LATEST_MIGRATION });
    expect(backup.sizeBytes).toBe(statSync(backup.path).size);
    expect(backup.rowCounts.patients).toBeGreaterThanOrEqual(20);
    expect(patientCount(backup.path)).toBe(backup.rowCounts.patients);
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(100);
    // A self-contained file: no -wal next to it.
    expect(existsSync(`${backup.path}-wal`)).toBe(false);
    expect(await app.ok(ADMIN_KEY, 'backups.list', {})).toMatchObject([{ backupId: backup.backupId }]);
    const audit = await app.core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'backup.created')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('detects a damaged copy', async () => {
    for (let i = 0; i < 30; i++) await registerPatient(i);
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    expect(verifyDatabaseFile(backup.path).ok).toBe(true);
    const damaged = join(folder, 'damaged.sqlite');
    copyFileSync(backup.path, damaged);
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    // Overwrite pages in the middle of the file (not the header) with garbage.
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const result = verifyDatabaseFile(damaged);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/damaged|could not be read/);

    const notADatabase = join(folder, 'notes.sqlite');
    const fd2 = openSync(notADatabase, 'w');
    writeSync(fd2, 'just some text');
    closeSync(fd2);
    expect(verifyDatabaseFile(notADatabase).ok).toBe(false);
  });

  it('keeps the last N backups and deletes older files', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await app.ok(ADMIN_KEY, 'backups.run', {}));
      app.clock.advanceMinutes(1);
    }
    const files = readdirSync(folder).filter((f) => f.endsWith('.sqlite'));
    expect(files.sort()).toEqual(
      made
        .slice(2)
        .map((b) => b.fileName)
        .sort(),
    );
    const list = await app.ok(ADMIN_KEY, 'backups.list', {});
    expect(list.filter((b) => b.deleted).map((b) => b.backupId)).toEqual([made[1]?.backupId, made[0]?.backupId]);
  });

  it('reports the age of the last good backup to every desk', async () => {
    const desk = await signInNew(app, 'receptionist');
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({
      available: true,
      warn: true,
      lastGoodAt: null,
    });
    await app.ok(ADMIN_KEY, 'backups.run', {});
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({ warn: false, ageHours: 0 });
    app.clock.advanceMinutes(49 * 60);
    await app.ok(desk.key, 'auth.unlock', { password: STAFF_PASSWORD });
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({ warn: true, ageHours: 49 });
  });

  it('is for admins only (the status excepted)', async () => {
    const desk = await signInNew(app, 'receptionist');
    const doctor = await signInNew(app, 'doctor');
    for (const key of [desk.key, doctor.key]) {
      for (const result of [
        await app.call(key, 'backups.run', {}),
        await app.call(key, 'backups.list', {}),
        await app.call(key, 'backups.getSettings', {}),
        await app.call(key, 'backups.restore', { backupId: 1, confirmation: 'RESTORE' }),
        await app.call(key, 'audit.list', {}),
        await app.call(key, 'audit.facets', {}),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('validates the settings with sentences that name the field', async () => {
    const result = await app.call(ADMIN_KEY, 'backups.updateSettings', {
      version: 2,
      folder: 'relative/folder',
      dailyTime: '25:00',
      keepCount: 0,
      enabled: true,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { dailyTime: expect.stringMatching(/HH:MM/), keepCount: expect.any(String) },
      },
    });
    const relative = await app.call(ADMIN_KEY, 'backups.updateSettings', {
      version: 2,
      folder: 'relative/folder',
      dailyTime: '03:00',
      keepCount: 5,
      enabled: true,
    });
    expect(relative).toMatchObject({ ok: false, error: { fields: { folder: expect.stringMatching(/full path/) } } });
  });

  it('makes the daily backup when its time has passed on the clinic clock, once a day', async () => {
    // The test clock starts at 2026-03-02 09:00 UTC (London: 09:00); set the time ahead.
    await app.ok(ADMIN_KEY, 'backups.updateSettings', {
      version: 2,
      folder,
      dailyTime: '10:00',
      keepCount: 5,
      enabled: true,
    });
    expect(await app.core.tick()).toBeNull();
    app.clock.advanceMinutes(61);
    const first = await app.core.tick();
    expect(first).toMatchObject({ kind: 'auto', verified: 'ok' });
    app.clock.advanceMinutes(60);
    expect(await app.core.tick()).toBeNull();
    app.clock.advanceMinutes(24 * 60);
    expect(await app.core.tick()).toMatchObject({ kind: 'auto' });
  });

  it('refuses with a plain sentence in PostgreSQL mode, where backups are the server’s job', async () => {
    const service = createBackupsService(app.core.services.deps, {
      engine: () => 'postgres',
      raw: () => {
        throw new Error('no SQLite handle in PostgreSQL mode');
      },
      dbFile: null,
      busy: { current: null },
      restore: () => Promise.reject(new Error('not reached')),
      encryptLive: () => Promise.reject(new Error('not reached')),
    });
    await expect(service.run(null, 'manual')).rejects.toThrow(SERVER_MODE_MESSAGE);
    await expect(service.restore(null, { path: '/tmp/x.sqlite' })).rejects.toThrow(SERVER_MODE_MESSAGE);
    expect(await service.status()).toEqual({
      available: false,
      lastGoodAt: null,
      ageHours: null,
      warn: false,
      lastFullCheck: null,
    });
  });
});

/** Rows enough that copying and checking the file takes a while (about 20,000 patients). */
async function seedPatients(count: number): Promise<void> {
  const rng = createRng(9, 'backup-worker');
  await insertPatients(app.core.database.db, app.core.database.raw, count, (i) =>
    generatePatient(rng, 500_000 + i, '2026-03-02', 'Europe/London'),
  );
}

/** Overwrites pages in the middle of a copy of `file` (not the header) with garbage. */
function damagedCopyOf(file: string): string {
  const damaged = join(folder, 'damaged-copy.sqlite');
  copyFileSync(file, damaged);
  const size = statSync(damaged).size;
  const fd = openSync(damaged, 'r+');
  writeSync(fd, Buffer.alloc(16384, 0x5a), 0, 16384, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  return damaged;
}

describe('backups in the backup worker', () => {
  it('keeps answering other channels while the copy is made and checked', async () => {
    await seedPatients(20_000);
    const order: string[] = [];
    const reads: Promise<unknown>[] = [];
    const read = (label: string) =>
      reads.push(
        app.ok(ADMIN_KEY, 'patients.get', { patientId: 3 + reads.length }).then(() => order.push(`read ${label}`)),
      );
    let checking = false;
    const unsubscribe = app.core.hub.subscribe(ADMIN_KEY, (name, payload) => {
      if (name !== 'backup.progress') return;
      const { percent } = payload as { percent: number };
      // 50 %: the copy is made, the worker runs the integrity check now.
      if (percent >= 50 && percent < 100 && !checking) {
        checking = true;
        read('during the check');
      }
      if (percent === 100) order.push('checked');
    });
    const running = app.ok(ADMIN_KEY, 'backups.run', {}).then((backup) => {
      order.push('backup done');
      return backup;
    });
    read('after the start');
    const backup = await running;
    await Promise.all(reads);
    unsubscribe();

    expect(backup).toMatchObject({ verified: 'ok', integrity: 'ok' });
    expect(backup.rowCounts.patients).toBeGreaterThanOrEqual(20_000);
    expect(checking).toBe(true);
    // Both reads were answered while the backup was still running, one while its check ran.
    expect(order.indexOf('read after the start')).toBeLessThan(order.indexOf('backup done'));
    expect(order.indexOf('read during the check')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('read during the check')).toBeLessThan(order.indexOf('checked'));
  });

  it('finds a damaged copy damaged, and a foreign file unreadable, in the worker', async () => {
    await seedPatients(2_000);
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    expect(await verifyInWorker(backup.path, 'worker')).toMatchObject({ ok: true, integrity: 'ok' });
    const damaged = await verifyInWorker(damagedCopyOf(backup.path), 'worker');
    expect(damaged.ok).toBe(false);
    expect(damaged.message).toMatch(/damaged|could not be read/);
    const notes = join(folder, 'notes.sqlite');
    const fd = openSync(notes, 'w');
    writeSync(fd, 'just some text');
    closeSync(fd);
    expect(await verifyInWorker(notes, 'worker')).toMatchObject({ ok: false, message: expect.stringMatching(/read/) });
  });

  it('makes the same verified backup on the main thread when the worker cannot run', async () => {
    await seedPatients(500);
    const host = {
      engine: () => 'sqlite' as const,
      raw: () => app.core.database.raw,
      dbFile: app.dbFile,
      busy: { current: null },
      restore: () => Promise.reject(new Error('not reached')),
      encryptLive: () => Promise.reject(new Error('not reached')),
    };
    const viaWorker = await createBackupsService(app.core.services.deps, { ...host, backupMode: 'worker' }).run(
      null,
      'manual',
    );
    app.clock.advanceMinutes(1);
    const onThread = await createBackupsService(app.core.services.deps, { ...host, backupMode: 'thread' }).run(
      null,
      'manual',
    );
    for (const backup of [viaWorker, onThread]) {
      expect(backup).toMatchObject({ verified: 'ok', integrity: 'ok', schemaVersion: LATEST_MIGRATION });
      expect(existsSync(`${backup.path}-wal`)).toBe(false);
    }
    expect(onThread.rowCounts.patients).toBe(viaWorker.rowCounts.patients);
    expect(onThread.rowCounts.backups).toBe((viaWorker.rowCounts.backups ?? 0) + 1);
  });

  it('lists a backup made from the command line while the app runs, with its size and result', async () => {
    await registerPatient(1);
    const out = join(folder, 'by-hand', 'from-cli.sqlite');
    const made = await runCli(['backup', '--db', app.dbFile, '--out', out]);
    expect(made.stdout).toMatch(/verified/);
    expect(made.code).toBe(0);
    const [listed] = await app.ok(ADMIN_KEY, 'backups.list', {});
    expect(listed).toMatchObject({
      kind: 'cli',
      path: out,
      fileName: 'from-cli.sqlite',
      verified: 'ok',
      integrity: 'ok',
      sizeBytes: statSync(out).size,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      deleted: false,
    });
    expect(listed?.rowCounts.patients).toBe(1);
    // It is not part of the folder's rotation: keep-last-N never deletes it.
    for (let i = 0; i < 4; i++) {
      await app.ok(ADMIN_KEY, 'backups.run', {});
      app.clock.advanceMinutes(1);
    }
    expect(existsSync(out)).toBe(true);
    const again = await runCli(['backup', '--db', app.dbFile, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  }, 60_000);
});

describe('verification levels and the weekly full check', () => {
  /**
   * An index whose entries do not match its rows, in the live file: an index on x whose schema
   * then says lower(x) (unsafe mode lets the test edit the schema). Every page stays well formed
   * and the counts agree, so only integrity_check (which matches entries to rows) sees it.
   */
  function breakAnIndex(): void {
    const conn = new BetterSqlite3(app.dbFile);
    try {
      conn.exec(
        "CREATE TABLE probe (x TEXT); CREATE INDEX probe_x ON probe (x); INSERT INTO probe VALUES ('A'), ('B');",
      );
      conn.unsafeMode(true);
      const version = conn.pragma('schema_version', { simple: true }) as number;
      conn.pragma('writable_schema = ON');
      conn
        .prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX probe_x ON probe (lower(x))' WHERE name = 'probe_x'")
        .run();
      conn.pragma(`schema_version = ${version + 1}`);
    } finally {
      conn.close();
    }
  }

  it('verifies each backup with quick_check, schema version and counts; a full check finds what that cannot', async () => {
    breakAnIndex();
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    // The copy is whole and opens: quick_check, the schema version and every table's count.
    expect(backup).toMatchObject({ verified: 'ok', integrity: 'ok', schemaVersion: LATEST_MIGRATION });
    expect(backup.rowCounts.probe).toBe(2);
    // The same copy under integrity_check: the index misses a row (copied from the live file).
    const full = verifyDatabaseFile(backup.path);
    expect(full.ok).toBe(false);
    expect(full.integrity).toMatch(/probe_x/);
  });

  it('checks the live file fully once a week at the backup time, in the worker, and shows the result', async () => {
    const desk = await signInNew(app, 'receptionist');
    const { backups } = app.core.services;
    // The test clock starts at 09:00 in London; the daily backup time is 02:00.
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({ lastFullCheck: null });
    breakAnIndex();
    const found = await backups.runFullCheckIfDue();
    expect(found?.ok).toBe(false);
    expect(found?.result).toMatch(/probe_x/);
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({
      lastFullCheck: { ok: false, at: app.clock.now().toISOString(), result: expect.stringMatching(/probe_x/) },
    });
    // Not again the same week, from this process or another on the same file.
    expect(await backups.runFullCheckIfDue()).toBeNull();
    const other = openSqlite(app.dbFile);
    try {
      expect(await claimFullCheck(other.db, app.clock)).toBeNull();
      // Seven days later, before the backup time (00:30 London): not yet; after it, once.
      new BetterSqlite3(app.dbFile).exec('DROP TABLE probe').close();
      app.clock.set(new Date('2026-03-09T00:30:00.000Z'));
      expect(await backups.runFullCheckIfDue()).toBeNull();
      app.clock.set(new Date('2026-03-09T02:05:00.000Z'));
      // Another process (its own connection) claims it first: this one then does not run it.
      expect(await claimFullCheck(other.db, app.clock)).toEqual(expect.any(Number));
      expect(await backups.runFullCheckIfDue()).toBeNull();
    } finally {
      await other.close();
    }
    app.clock.set(new Date('2026-03-16T02:05:00.000Z'));
    await app.ok(desk.key, 'auth.unlock', { password: STAFF_PASSWORD });
    expect(await backups.runFullCheckIfDue()).toEqual({ ok: true, result: 'ok' });
    expect(await app.ok(desk.key, 'backups.status', {})).toMatchObject({
      lastFullCheck: { ok: true, result: 'ok', at: '2026-03-16T02:05:00.000Z' },
    });
  });

  it('runs the full check from the daily schedule, after the backup', async () => {
    expect(await app.core.tick()).toMatchObject({ kind: 'auto', verified: 'ok' });
    const checks = app.core.database.raw.prepare('SELECT ok, result, finished_at FROM full_checks').all();
    expect(checks).toEqual([{ ok: 1, result: 'ok', finished_at: app.clock.now().toISOString() }]);
  });
});
