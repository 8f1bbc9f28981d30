import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEncryption } from '#db/cipher.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import { runCli, type CliRun } from '../support/cli.ts';

// The command line on an encrypted clinic: the key from CLINIC_DB_KEY (hex or the 24 recovery
// words), never an argument; a missing or wrong key is one plain sentence, exit 1.

const PASSWORD = 'cli-admin-password-1';
const PATIENT_NAME = 'Philippa Quarrington';

const cli = (args: string[], dbKey: string | null): Promise<CliRun> => runCli(args, PASSWORD, dbKey);

const noStackTrace = (run: CliRun): void => expect(run.stderr).not.toMatch(/\n\s+at |SQLITE_|SqliteError/);

const key = newDatabaseKey();
const words = recoveryWords(key).join(' ');
let dir = '';
let db = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-cli-encrypted-'));
  db = join(dir, 'clinic.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line on an encrypted clinic', { timeout: 90_000 }, () => {
  it('creates an encrypted clinic with CLINIC_DB_KEY (recovery words) and says so', async () => {
    const run = await cli(['migrate', '--db', db], words);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Creating an encrypted clinic database/);
    expect(fileEncryption(db)).toBe('encrypted');
    const admin = await cli(['create-admin', '--db', db, '--email', 'admin@clinic.test', '--tz', 'UTC'], words);
    expect(admin.code, admin.stderr).toBe(0);
    const register = await cli(
      [
        'call',
        'patients.register',
        JSON.stringify({ name: PATIENT_NAME, phone: '0711 222 333', email: null, medicalNotes: 'Knee' }),
        '--db',
        db,
        '--as',
        'admin@clinic.test',
      ],
      words,
    );
    expect(register.code, register.stderr).toBe(0);
    expect(readFileSync(db).includes(PATIENT_NAME)).toBe(false);
  });

  it('opens it with the hex key too (another PC), and refuses a missing or wrong key plainly', async () => {
    const status = await cli(['call', 'setup.status', '{}', '--db', db], key);
    expect(status.code, status.stderr).toBe(0);

    const missing = await cli(['call', 'setup.status', '{}', '--db', db], null);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is encrypted\. Set CLINIC_DB_KEY/);
    noStackTrace(missing);

    const wrong = await cli(['call', 'setup.status', '{}', '--db', db], newDatabaseKey());
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      "This key does not open this clinic's database. Check the key or the recovery words.",
    );
    noStackTrace(wrong);

    const garbled = await cli(['call', 'setup.status', '{}', '--db', db], words.replace(/^\S+/, 'zebra'));
    expect(garbled.code).toBe(1);
    expect(garbled.stderr).toMatch(/CLINIC_DB_KEY: The recovery words do not check out|CLINIC_DB_KEY: These are not/);
    noStackTrace(garbled);
  });

  it('backs up encrypted and restores the encrypted backup on a new file', async () => {
    const out = join(dir, 'backup.sqlite');
    const backup = await cli(['backup', '--db', db, '--out', out], key);
    expect(backup.code, backup.stderr).toBe(0);
    expect(fileEncryption(out)).toBe('encrypted');
    expect(readFileSync(out).includes(PATIENT_NAME)).toBe(false);

    const restored = join(dir, 'restored.sqlite');
    const restore = await cli(['restore', '--db', restored, '--from', out], words);
    expect(restore.code, restore.stderr).toBe(0);
    expect(fileEncryption(restored)).toBe('encrypted');
    const search = await cli(
      [
        'call',
        'patients.search',
        JSON.stringify({ query: 'Quarrington' }),
        '--db',
        restored,
        '--as',
        'admin@clinic.test',
      ],
      key,
    );
    expect(search.stdout).toContain(PATIENT_NAME);
  });

  it('creates a plain file without CLINIC_DB_KEY, and says so; encrypt then locks it with new words', async () => {
    const plain = join(dir, 'plain.sqlite');
    const run = await cli(['migrate', '--db', plain], null);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Creating a plain database, NOT encrypted/);
    expect(fileEncryption(plain)).toBe('plain');

    const encrypt = await cli(['encrypt', '--db', plain], null);
    expect(encrypt.code, encrypt.stderr).toBe(0);
    expect(fileEncryption(plain)).toBe('encrypted');
    expect(fileEncryption(`${plain}.plain-before-encryption`)).toBe('plain');
    const printed = /Recovery words: (.+)/.exec(encrypt.stdout)?.[1] ?? '';
    expect(printed.split(' ')).toHaveLength(24);
    const opened = await cli(['migrate', '--db', plain], printed);
    expect(opened.stdout).toMatch(/Already up to date/);

    const confirm = await cli(['encrypt', '--db', plain, '--delete-plain-copy'], printed);
    expect(confirm.code, confirm.stderr).toBe(0);
    expect(existsSync(`${plain}.plain-before-encryption`)).toBe(false);
  });
});
