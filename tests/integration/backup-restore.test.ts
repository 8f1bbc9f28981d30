import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { LATEST_MIGRATION, migrateTo, MIGRATIONS } from '#db/migrate.ts';
import { verifyDatabaseFile } from '../../main/services/operations/backup-file.ts';
import { runCli } from '../support/cli.ts';
import { ADMIN_KEY, ADMIN_PASSWORD, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let folder: string;

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  folder = mkdtempSync(join(tmpdir(), 'clinic-restore-'));
  await app.ok(ADMIN_KEY, 'backups.updateSettings', {
    version: 1,
    folder,
    dailyTime: '02:00',
    keepCount: 10,
    enabled: true,
  });
});
afterEach(async () => {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

let phone = 100;
const register = (key: string, name: string) =>
  app.ok(key, 'patients.register', {
    name,
    phone: `0700 000 ${++phone}`,
    email: null,
    medicalNotes: null,
    confirmedNotDuplicate: true,
  });

const names = async (): Promise<string[]> =>
  (
    await app.core.database.db
      .selectFrom('users')
      .select('name')
      .where('role', '=', 'patient')
      .orderBy('name')
      .execute()
  ).map((r) => r.name);

function valueOf(file: string, query: string): unknown {
  const conn = new BetterSqlite3(file, { readonly: true });
  try {
    return conn.prepare(query).pluck().get();
  } finally {
    conn.close();
  }
}

describe('restore', () => {
  it('needs RESTORE typed, then backs up the current database, swaps in the backup and signs everyone out', async () => {
    await register(ADMIN_KEY, 'Kept Before');
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    await register(ADMIN_KEY, 'Added After');
    app.clock.advanceMinutes(5);

    const unconfirmed = await app.call(ADMIN_KEY, 'backups.restore', {
      backupId: backup.backupId,
      confirmation: 'restore',
    });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmation: expect.any(String) } },
    });
    expect(await names()).toEqual(['Added After', 'Kept Before']);

    const events: string[] = [];
    app.core.hub.subscribe(ADMIN_KEY, (name, payload) => events.push(`${name}:${JSON.stringify(payload)}`));
    const result = await app.ok(ADMIN_KEY, 'backups.restore', { backupId: backup.backupId, confirmation: 'RESTORE' });

    expect(await names()).toEqual(['Kept Before']);
    expect(result.safetyBackup).toMatchObject({ kind: 'pre-restore', verified: 'ok' });
    // The safety copy holds what was there before the restore, including its audit trail.
    expect(valueOf(result.safetyBackup.path, "SELECT count(*) FROM users WHERE name = 'Added After'")).toBe(1);
    expect(valueOf(result.safetyBackup.path, "SELECT count(*) FROM audit_log WHERE action = 'patient.register'")).toBe(
      2,
    );
    // The restore is in the restored database's trail, by the admin (same account in the backup).
    const restored = await app.core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'backup.restored')
      .executeTakeFirstOrThrow();
    expect(restored.user_id).not.toBeNull();
    expect(restored.entity_id).toBe(String(backup.backupId));
    // Every window is signed out; the backup list still knows every file.
    expect(events).toContain('session.changed:{"reason":"restored"}');
    expect(await app.call(ADMIN_KEY, 'backups.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await app.ok(ADMIN_KEY, 'auth.signIn', { email: 'ada@clinic.test', password: ADMIN_PASSWORD });
    const list = await app.ok(ADMIN_KEY, 'backups.list', {});
    expect(list.map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);
    expect(existsSync(`${app.dbFile}.restoring`)).toBe(false);
    // The app goes on working on the restored file.
    await register(ADMIN_KEY, 'After Restore');
    expect(await names()).toEqual(['After Restore', 'Kept Before']);
  });

  it('tells every window which backup was restored and by whom, before signing it out', async () => {
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    app.clock.advanceMinutes(5);
    const events: { name: string; payload: unknown }[] = [];
    app.core.hub.subscribe(ADMIN_KEY, (name, payload) => events.push({ name, payload }));
    const result = await app.ok(ADMIN_KEY, 'backups.restore', { backupId: backup.backupId, confirmation: 'RESTORE' });
    const names = events.map((e) => e.name);
    expect(names.indexOf('backup.restored')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('backup.restored')).toBeLessThan(names.indexOf('session.changed'));
    const admin = await app.core.database.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', 'ada@clinic.test')
      .executeTakeFirstOrThrow();
    expect(events.find((e) => e.name === 'backup.restored')?.payload).toEqual({
      backupCreatedAt: backup.createdAt,
      restoredBy: admin.name,
    });
    expect(result.restored.createdAt).toBe(backup.createdAt);
  });

  it('migrates a backup made by an older version', async () => {
    await register(ADMIN_KEY, 'Old Version Patient');
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    // Make the file look like the version before this one: undo the last migration in it.
    const previous = Object.keys(MIGRATIONS).at(-2) ?? '';
    const old = join(folder, 'old-version.sqlite');
    const copy = openSqlite(backup.path);
    await copy.raw.backup(old);
    await copy.close();
    const downgraded = openSqlite(old);
    await migrateTo(downgraded.db, previous);
    await downgraded.close();
    expect(verifyDatabaseFile(old)).toMatchObject({ ok: true, schemaVersion: previous });

    await register(ADMIN_KEY, 'Not In Backup');
    await app.ok(ADMIN_KEY, 'backups.restore', { path: old, confirmation: 'RESTORE' });
    expect(await names()).toEqual(['Old Version Patient']);
    expect(valueOf(app.dbFile, 'SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1')).toBe(LATEST_MIGRATION);
    // The backup rows of the live database were carried over into the restored one.
    expect(valueOf(app.dbFile, 'SELECT count(*) FROM backups')).toBe(2);
  });

  it('refuses a damaged or foreign file and leaves the database as it was', async () => {
    await register(ADMIN_KEY, 'Stays');
    const foreign = join(folder, 'foreign.sqlite');
    const conn = new BetterSqlite3(foreign);
    conn.exec('CREATE TABLE t (x)');
    conn.close();
    const result = await app.call(ADMIN_KEY, 'backups.restore', { path: foreign, confirmation: 'RESTORE' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/not a Clinic desk/) },
    });
    expect(await names()).toEqual(['Stays']);
    expect(await app.ok(ADMIN_KEY, 'backups.list', {})).toEqual([]);
  });
});

describe('backup and restore from the command line', () => {
  it('backs up to a verified file and restores it into the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-cli-backup-'));
    try {
      const db = join(dir, 'clinic.sqlite');
      const out = join(dir, 'copy.sqlite');
      const password = 'a long cli password';
      expect((await runCli(['create-admin', '--db', db, '--email', 'boss@clinic.test'], password)).code).toBe(0);
      const backedUp = await runCli(['backup', '--db', db, '--out', out]);
      expect(backedUp.stdout).toMatch(/verified/);
      expect(backedUp.code).toBe(0);
      expect(verifyDatabaseFile(out).ok).toBe(true);

      const input = JSON.stringify({
        name: 'After Backup',
        phone: '0700 123 456',
        email: null,
        medicalNotes: null,
        confirmedNotDuplicate: true,
      });
      const call = await runCli(['call', 'patients.register', input, '--db', db, '--as', 'boss@clinic.test'], password);
      expect(call.code).toBe(0);
      expect(valueOf(db, "SELECT count(*) FROM users WHERE role = 'patient'")).toBe(1);

      const restored = await runCli(['restore', '--db', db, '--from', out]);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/saved first as/);
      expect(valueOf(db, "SELECT count(*) FROM users WHERE role = 'patient'")).toBe(0);
      expect(valueOf(db, "SELECT count(*) FROM audit_log WHERE action = 'backup.restored'")).toBe(1);
      expect(existsSync(join(dir, 'pre-restore-backups'))).toBe(true);

      const bad = await runCli(['restore', '--db', db, '--from', join(dir, 'missing.sqlite')]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
