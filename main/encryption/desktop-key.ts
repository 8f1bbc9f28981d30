import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DatabaseKeyError, fileEncryption, openRawSqlite, useDatabaseKey, type DatabaseKey } from '#db/cipher.ts';
import { parseKeyText } from '#db/database-key.ts';
import type { SecretStore } from '../connection/store.ts';
import type { KeyKeeper } from '../services/encryption/index.ts';

// The desktop app's key for an encrypted clinic file: kept in the OS keychain (Electron
// safeStorage behind the SecretStore port) as database-key.json, which holds only the
// keychain's encryption of it. Without a keychain (Linux without a keyring) nothing is written:
// the recovery words are asked at every start.

export const KEY_FILE_NAME = 'database-key.json';

const fileSchema = z.object({ key: z.string().min(1), next: z.string().min(1).optional() });

export interface KeychainKeeper extends KeyKeeper {
  /** The kept keys, the current first (during a change of key, the next one too); [] if none. */
  load(): DatabaseKey[];
}

export function createKeychainKeeper(file: string, secrets: SecretStore): KeychainKeeper {
  const seal = (key: DatabaseKey) => secrets.encrypt(key).toString('base64');
  return {
    keeps: () => secrets.isAvailable(),
    keep(key, next) {
      if (!secrets.isAvailable()) return;
      const content = { key: seal(key), ...(next ? { next: seal(next) } : {}) };
      mkdirSync(dirname(file), { recursive: true });
      const staged = `${file}.tmp`;
      try {
        writeFileSync(staged, `${JSON.stringify(content)}\n`, { mode: 0o600 });
        renameSync(staged, file);
      } catch (error) {
        rmSync(staged, { force: true });
        throw error;
      }
    },
    load() {
      if (!secrets.isAvailable()) return [];
      try {
        const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        return [parsed.key, parsed.next]
          .filter((v): v is string => v !== undefined)
          .map((sealed) => secrets.decrypt(Buffer.from(sealed, 'base64')));
      } catch {
        // None kept, or another user's or computer's keychain: the recovery words are asked.
        return [];
      }
    },
  };
}

/** Where no key can be kept (the web shell): the words are asked at every start. */
export const NO_KEYCHAIN: KeychainKeeper = { keeps: () => false, keep: () => undefined, load: () => [] };

function opens(file: string, key: DatabaseKey): boolean {
  try {
    openRawSqlite(file, { readonly: true, fileMustExist: true }, key).close();
    return true;
  } catch (error) {
    if (error instanceof DatabaseKeyError) return false;
    throw error;
  }
}

export interface DesktopKeyOptions {
  dbFile: string;
  keeper: KeychainKeeper;
  /**
   * Asks for the key or the 24 recovery words (`problem`: why the last answer was refused);
   * null when the user gives up.
   */
  askKeyText(problem: string | null): Promise<string | null>;
}

/**
 * Before the core opens the clinic file: a plain or new file needs no key; an encrypted one
 * gets the kept key, else the recovery words asked (and then kept, if there is a keychain).
 * True when the file can be opened; false when the user gave up (closed the window).
 */
export async function prepareDesktopKey({ dbFile, keeper, askKeyText }: DesktopKeyOptions): Promise<boolean> {
  if (fileEncryption(dbFile) !== 'encrypted') {
    useDatabaseKey(null);
    return true;
  }
  const kept = keeper.load().find((key) => opens(dbFile, key));
  if (kept !== undefined) {
    useDatabaseKey(kept);
    keeper.keep(kept);
    return true;
  }
  let problem: string | null = null;
  for (;;) {
    const text = await askKeyText(problem);
    if (text === null) return false;
    const parsed = parseKeyText(text);
    if (!parsed.ok) problem = parsed.message;
    else if (!opens(dbFile, parsed.key)) problem = new DatabaseKeyError('wrong').message;
    else {
      useDatabaseKey(parsed.key);
      keeper.keep(parsed.key);
      return true;
    }
  }
}

/**
 * The words may be given once in CLINIC_DB_KEY when starting the app (a PC set up by script);
 * otherwise, and after a refusal, the start screen asks (`askOnScreen`).
 */
export function keyTextFromEnvironment(
  env: NodeJS.ProcessEnv,
  askOnScreen: DesktopKeyOptions['askKeyText'],
): DesktopKeyOptions['askKeyText'] {
  let given = env.CLINIC_DB_KEY ?? null;
  return (problem) => {
    const text = given;
    given = null;
    return text === null ? askOnScreen(problem) : Promise.resolve(text);
  };
}
