import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeKey, databaseKeyInUse, openRawSqlite, useDatabaseKey } from '#db/cipher.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import type { SecretStore } from '../../main/connection/store.ts';
import { createStartHoldDesk } from '../../main/connection/start-hold.ts';
import {
  createKeychainKeeper,
  KEY_FILE_NAME,
  keyTextFromEnvironment,
  prepareDesktopKey,
} from '../../main/encryption/desktop-key.ts';

// The desktop start of an encrypted clinic: the key from the keychain (Electron safeStorage,
// faked here), else the recovery words asked, and kept only where there is a keychain.

/** A stand-in for safeStorage: reversible, and never the key's own text. */
function fakeKeychain(available: boolean): SecretStore {
  const flip = (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a));
  return {
    isAvailable: () => available,
    encrypt: (text) => flip(Buffer.from(text, 'utf8')),
    decrypt: (data) => flip(data).toString('utf8'),
  };
}

let dir: string;
let dbFile: string;
let keyFile: string;
let key: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-desktop-key-'));
  dbFile = join(dir, 'clinic.sqlite');
  keyFile = join(dir, KEY_FILE_NAME);
  key = newDatabaseKey();
  const conn = openRawSqlite(dbFile, {}, key);
  conn.exec("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('Ida Keyholder')");
  conn.close();
});
afterEach(() => {
  useDatabaseKey(null);
  rmSync(dir, { recursive: true, force: true });
});

/** Answers in turn; records the problems it was shown. */
function answers(...texts: (string | null)[]) {
  const problems: (string | null)[] = [];
  return {
    problems,
    ask: (problem: string | null) => {
      problems.push(problem);
      return Promise.resolve(texts.shift() ?? null);
    },
  };
}

describe('the desktop key of an encrypted clinic', () => {
  it('asks for the recovery words on another PC, then keeps the key in the keychain only', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(true));
    const asked = answers('not the words', recoveryWords(newDatabaseKey()).join(' '), recoveryWords(key).join(' '));
    expect(await prepareDesktopKey({ dbFile, keeper, askKeyText: asked.ask })).toBe(true);
    expect(databaseKeyInUse()).toBe(key);
    expect(asked.problems[0]).toBeNull();
    expect(asked.problems[1]).toMatch(/64 hexadecimal digits or 24 recovery words/);
    expect(asked.problems[2]).toMatch(/does not open/);
    expect(readFileSync(keyFile, 'utf8')).not.toContain(key);

    // The next start opens without asking.
    useDatabaseKey(null);
    const again = answers();
    await prepareDesktopKey({ dbFile, keeper, askKeyText: again.ask });
    expect(databaseKeyInUse()).toBe(key);
    expect(again.problems).toEqual([]);
  });

  it('without a keychain asks at every start and writes no key to disk', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(false));
    for (let start = 0; start < 2; start++) {
      useDatabaseKey(null);
      const asked = answers(key);
      await prepareDesktopKey({ dbFile, keeper, askKeyText: asked.ask });
      expect(asked.problems).toEqual([null]);
      expect(databaseKeyInUse()).toBe(key);
    }
    expect(existsSync(keyFile)).toBe(false);
  });

  it('says the user gave up when the window asking for the words is closed', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(false));
    expect(await prepareDesktopKey({ dbFile, keeper, askKeyText: answers(null).ask })).toBe(false);
    expect(databaseKeyInUse()).toBeNull();
  });

  it('opens with the next key when a change of key stopped after the file was re-keyed', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(true));
    const next = newDatabaseKey();
    keeper.keep(key, next);
    const conn = openRawSqlite(dbFile, {}, key);
    changeKey(conn, next);
    conn.close();
    await prepareDesktopKey({ dbFile, keeper, askKeyText: answers().ask });
    expect(databaseKeyInUse()).toBe(next);
    expect(keeper.load()).toEqual([next]);
  });
});

describe('the recovery words asked on the start screen', () => {
  it('shows the question, refuses wrong words by the field, then opens with the right ones', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(false));
    const desk = createStartHoldDesk();
    // CLINIC_DB_KEY holds another clinic's words: refused, then the screen asks with the reason.
    const env = { CLINIC_DB_KEY: recoveryWords(newDatabaseKey()).join(' ') };
    const prepared = prepareDesktopKey({ dbFile, keeper, askKeyText: keyTextFromEnvironment(env, desk.askKey) });
    await vi.waitFor(async () =>
      expect(await desk.dispatch('w', 'setup.keyHold', {})).toEqual({
        ok: true,
        value: { problem: expect.stringMatching(/key/i) },
      }),
    );
    expect(await desk.dispatch('w', 'setup.upgradeHold', {})).toEqual({ ok: true, value: null });
    expect(await desk.dispatch('w', 'auth.session', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/recovery words/) },
    });
    expect(await desk.dispatch('w', 'setup.enterKey', { recoveryWords: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { recoveryWords: 'Enter the 24 recovery words.' } },
    });
    expect(await desk.dispatch('w', 'setup.enterKey', { recoveryWords: 'apple banana' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { recoveryWords: expect.any(String) } },
    });

    const accepted = desk.dispatch('w', 'setup.enterKey', { recoveryWords: recoveryWords(key).join(' ') });
    expect(await prepared).toBe(true);
    expect(databaseKeyInUse()).toBe(key);
    desk.settle({ started: true });
    expect(await accepted).toEqual({ ok: true, value: { done: true } });
    expect(await desk.dispatch('w', 'setup.keyHold', {})).toEqual({ ok: true, value: null });
  });

  it('gives up when the window is closed', async () => {
    const keeper = createKeychainKeeper(keyFile, fakeKeychain(false));
    const desk = createStartHoldDesk();
    const prepared = prepareDesktopKey({ dbFile, keeper, askKeyText: keyTextFromEnvironment({}, desk.askKey) });
    await vi.waitFor(async () =>
      expect(await desk.dispatch('w', 'setup.keyHold', {})).toEqual({ ok: true, value: { problem: null } }),
    );
    desk.cancel();
    expect(await prepared).toBe(false);
  });
});
