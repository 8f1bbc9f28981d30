import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseKeyError, fileEncryption, openRawSqlite, useDatabaseKey } from '#db/cipher.ts';
import { newDatabaseKey, parseKeyText } from '#db/database-key.ts';
import { PLAIN_COPY_SUFFIX } from '#db/encrypt-file.ts';
import { useKeyKeeper } from '../../main/services/encryption/index.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// An encrypted clinic (SQLCipher settings, a raw 256-bit key): neither its file nor its
// backups hold a patient's words; a wrong or missing key is a plain refusal that writes nothing.

const PATIENT = {
  name: 'Quentin Marblewhistle',
  phone: '0799 314 1592',
  email: null,
  medicalNotes: 'Allergic to penicillamine-zebrafish extract',
};

let key: string;
let app: TestApp;
let folder: string;

beforeEach(async () => {
  key = newDatabaseKey();
  useDatabaseKey(key);
  app = await createTestApp();
  await setUpClinic(app);
  folder = mkdtempSync(join(tmpdir(), 'clinic-encrypted-backups-'));
  await app.ok(ADMIN_KEY, 'backups.updateSettings', {
    version: 1,
    folder,
    dailyTime: '02:00',
    keepCount: 3,
    enabled: true,
  });
});
afterEach(async () => {
  await app.close().catch(() => undefined);
  useDatabaseKey(null);
  useKeyKeeper(null);
  rmSync(folder, { recursive: true, force: true });
});

/** The file and its side files, as raw bytes. */
function rawBytes(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));
}

function expectNoPatientText(bytes: Buffer): void {
  for (const text of [PATIENT.name, PATIENT.phone, PATIENT.medicalNotes, 'Marblewhistle', 'zebrafish']) {
    expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    expect(bytes.includes(Buffer.from(text, 'utf16le')), text).toBe(false);
  }
}

function patientNames(file: string, withKey: string | null): string[] {
  const conn = openRawSqlite(file, { readonly: true, fileMustExist: true }, withKey);
  try {
    const rows = conn
      .prepare('SELECT u.name FROM patients p JOIN users u ON u.user_id = p.patient_id ORDER BY p.patient_id')
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  } finally {
    conn.close();
  }
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('an encrypted clinic', () => {
  it('keeps no patient name, phone or notes in its file or its backups', async () => {
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    expect(backup.verified).toBe('ok');
    expect(fileEncryption(app.dbFile)).toBe('encrypted');
    expect(fileEncryption(backup.path)).toBe('encrypted');
    // The rows are there, for whoever has the key.
    expect(patientNames(backup.path, key)).toContain(PATIENT.name);
    expectNoPatientText(rawBytes(app.dbFile));
    expectNoPatientText(readFileSync(backup.path));
    await app.core.close();
    expectNoPatientText(rawBytes(app.dbFile));
    expect(patientNames(app.dbFile, key)).toContain(PATIENT.name);
  });

  it('restores an encrypted backup, and stays encrypted', async () => {
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    await app.ok(ADMIN_KEY, 'patients.register', { ...PATIENT, name: 'Later Patient', phone: '0700 000 001' });
    const result = await app.ok(ADMIN_KEY, 'backups.restore', { backupId: backup.backupId, confirmation: 'RESTORE' });
    expect(result.safetyBackup.verified).toBe('ok');
    expect(fileEncryption(result.safetyBackup.path)).toBe('encrypted');
    await app.core.close();
    expect(patientNames(app.dbFile, key)).toEqual([PATIENT.name]);
    expect(fileEncryption(app.dbFile)).toBe('encrypted');
  });

  it('refuses a wrong or missing key with a plain sentence, and writes nothing', async () => {
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    await app.core.close();
    const before = sha(app.dbFile);
    for (const [given, problem] of [
      [newDatabaseKey(), 'wrong'],
      [null, 'missing'],
    ] as const) {
      useDatabaseKey(given);
      const opening = startAppCore({ dbFile: app.dbFile, logger: silentLogger });
      await expect(opening).rejects.toBeInstanceOf(DatabaseKeyError);
      await expect(opening).rejects.toMatchObject({ problem, message: expect.not.stringMatching(/SQLITE|sqlite|at /) });
      expect(sha(app.dbFile)).toBe(before);
      expect(existsSync(`${app.dbFile}-wal`)).toBe(false);
    }
    useDatabaseKey(key);
    expect(patientNames(app.dbFile, key)).toEqual([PATIENT.name]);
  });

  it('refuses a backup encrypted with another key as a plain sentence', async () => {
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    useDatabaseKey(newDatabaseKey());
    const { verifyDatabaseFile } = await import('../../main/services/operations/backup-file.ts');
    const check = verifyDatabaseFile(backup.path);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/encrypted/);
    useDatabaseKey(key);
    expect(verifyDatabaseFile(backup.path).ok).toBe(true);
  });
});

describe('changing the key', () => {
  it('re-keys the live file from Admin: new words open it, the old key no longer does, audited', async () => {
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    const kept: string[][] = [];
    useKeyKeeper({ keeps: () => true, keep: (current, next) => kept.push(next ? [current, next] : [current]) });
    expect(await app.ok(ADMIN_KEY, 'encryption.status', {})).toEqual({
      mode: 'encrypted',
      plainCopyKept: false,
      keyKeptOnThisComputer: true,
    });
    const unconfirmed = await app.call(ADMIN_KEY, 'encryption.rekey', { confirmation: 'yes' });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmation: expect.any(String) } },
    });

    const { recoveryWords } = await app.ok(ADMIN_KEY, 'encryption.rekey', { confirmation: 'NEW KEY' });
    const parsed = parseKeyText(recoveryWords.join(' '));
    if (!parsed.ok) throw new Error(parsed.message);
    // The keychain held both keys during the change, then only the new one.
    expect(kept).toEqual([[key, parsed.key], [parsed.key]]);
    // The app goes on working on the re-keyed file, and its backups use the new key.
    await app.ok(ADMIN_KEY, 'patients.register', { ...PATIENT, name: 'After Rekey', phone: '0700 000 002' });
    const backup = await app.ok(ADMIN_KEY, 'backups.run', {});
    expect(patientNames(backup.path, parsed.key)).toEqual([PATIENT.name, 'After Rekey']);
    const audit = await app.core.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'encryption.rekeyed')
      .execute();
    expect(audit).toHaveLength(1);
    await app.core.close();
    expect(patientNames(app.dbFile, parsed.key)).toEqual([PATIENT.name, 'After Rekey']);
    expect(() => patientNames(app.dbFile, key)).toThrow(DatabaseKeyError);
  });

  it('has no key to change on a plain clinic, and says so', async () => {
    await app.close();
    useDatabaseKey(null);
    app = await createTestApp();
    await setUpClinic(app);
    expect(await app.ok(ADMIN_KEY, 'encryption.status', {})).toMatchObject({ mode: 'plain' });
    const result = await app.call(ADMIN_KEY, 'encryption.rekey', { confirmation: 'NEW KEY' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/not encrypted/) },
    });
  });
});

describe('the first run', () => {
  it('encrypts the new clinic in place, shows the words once, and the file opens with them', async () => {
    await app.close();
    useDatabaseKey(null);
    app = await createTestApp();
    await setUpClinic(app);
    expect(fileEncryption(app.dbFile)).toBe('plain');
    const kept: string[] = [];
    useKeyKeeper({ keeps: () => false, keep: (k) => kept.push(k) });
    const { recoveryWords, keyKeptOnThisComputer, sheet } = await app.ok(ADMIN_KEY, 'encryption.encryptNew', {});
    expect(keyKeptOnThisComputer).toBe(false);
    // The printable sheet holds the same words, numbered.
    const pdf = join(folder, sheet.fileName);
    writeFileSync(pdf, Buffer.from(sheet.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('recovery words');
    for (const [i, word] of recoveryWords.entries()) expect(text).toMatch(new RegExp(`\\b${i + 1}\\. ${word}\\b`));
    const parsed = parseKeyText(recoveryWords.join(' '));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(kept).toEqual([parsed.key]);
    // The desk goes on working, now on the encrypted file.
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    expect(fileEncryption(app.dbFile)).toBe('encrypted');
    expectNoPatientText(rawBytes(app.dbFile));
    expect(rawBytes(app.dbFile).includes(Buffer.from('Ada Admin'))).toBe(false);
    const again = await app.call(ADMIN_KEY, 'encryption.encryptNew', {});
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already encrypted/) },
    });
    await app.core.close();
    expect(patientNames(app.dbFile, parsed.key)).toEqual([PATIENT.name]);
  });

  it('leaves a clinic that already holds patients to the checked copy', async () => {
    await app.close();
    useDatabaseKey(null);
    app = await createTestApp();
    await setUpClinic(app);
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    const result = await app.call(ADMIN_KEY, 'encryption.encryptNew', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Encrypt this clinic's data under Admin/) },
    });
    expect(fileEncryption(app.dbFile)).toBe('plain');
  });
});

describe('encrypting a clinic that already holds patients', () => {
  it('swaps in a checked encrypted copy, keeps the plain file until the admin deletes it, and the desk goes on', async () => {
    await app.close();
    useDatabaseKey(null);
    app = await createTestApp();
    await setUpClinic(app);
    await app.ok(ADMIN_KEY, 'patients.register', PATIENT);
    const kept: string[] = [];
    useKeyKeeper({ keeps: () => true, keep: (k) => kept.push(k) });

    expect(await app.call(ADMIN_KEY, 'encryption.encryptExisting', { confirmation: 'encrypt' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmation: expect.stringMatching(/ENCRYPT in capitals/) } },
    });
    expect(fileEncryption(app.dbFile)).toBe('plain');

    const { recoveryWords, keyKeptOnThisComputer } = await app.ok(ADMIN_KEY, 'encryption.encryptExisting', {
      confirmation: 'ENCRYPT',
    });
    expect(keyKeptOnThisComputer).toBe(true);
    const parsed = parseKeyText(recoveryWords.join(' '));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(kept).toEqual([parsed.key]);
    expect(fileEncryption(app.dbFile)).toBe('encrypted');
    expectNoPatientText(rawBytes(app.dbFile));
    expect(await app.ok(ADMIN_KEY, 'encryption.status', {})).toEqual({
      mode: 'encrypted',
      plainCopyKept: true,
      keyKeptOnThisComputer: true,
    });
    // The plain file is kept whole beside it, and the desk goes on, on the encrypted file.
    expect(patientNames(app.dbFile + PLAIN_COPY_SUFFIX, null)).toEqual([PATIENT.name]);
    await app.ok(ADMIN_KEY, 'patients.register', { ...PATIENT, name: 'Rosalind Second', phone: '0799 000 0001' });
    expect(await app.call(ADMIN_KEY, 'encryption.encryptExisting', { confirmation: 'ENCRYPT' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already encrypted/) },
    });

    expect(await app.ok(ADMIN_KEY, 'encryption.deletePlainCopy', {})).toEqual({ done: true });
    expect(existsSync(app.dbFile + PLAIN_COPY_SUFFIX)).toBe(false);
    expect(await app.call(ADMIN_KEY, 'encryption.deletePlainCopy', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const audit = await app.core.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'encryption.%')
      .orderBy('audit_id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['encryption.enabled', 'encryption.plainCopyDeleted']);
    await app.core.close();
    expect(patientNames(app.dbFile, parsed.key)).toEqual([PATIENT.name, 'Rosalind Second']);
  });

  it('never deletes the only copy: a plain clinic has no plain copy to delete', async () => {
    await app.close();
    useDatabaseKey(null);
    app = await createTestApp();
    await setUpClinic(app);
    writeFileSync(app.dbFile + PLAIN_COPY_SUFFIX, 'left over');
    expect(await app.call(ADMIN_KEY, 'encryption.deletePlainCopy', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(existsSync(app.dbFile + PLAIN_COPY_SUFFIX)).toBe(true);
  });
});
