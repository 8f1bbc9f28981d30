import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

// Encryption at rest for the built-in (SQLite) mode, with SQLite3 Multiple Ciphers
// (better-sqlite3-multiple-ciphers). Settings: SQLCipher 4 defaults (`cipher='sqlcipher'`,
// `legacy=4`: AES-256-CBC, HMAC-SHA512, 4096-byte pages) with a raw 256-bit key (`x'…'`), so
// opening costs no key derivation and the standard `sqlcipher` tool opens the file with the
// same key. One clinic per process: the key in use is set once (CLI, web shell, desktop start)
// and every opener below applies it to an encrypted file or a new one.

/** 32 random bytes as 64 lowercase hex digits. */
export type DatabaseKey = string;

const KEY_PATTERN = /^[0-9a-f]{64}$/;
const ENCRYPTED_CACHE_KIB = 32 * 1024;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type KeyProblem = 'missing' | 'wrong';

/** A file that needs a key it did not get: a plain sentence, never SQLite's own text. */
export class DatabaseKeyError extends Error {
  readonly problem: KeyProblem;

  constructor(problem: KeyProblem) {
    super(
      problem === 'missing'
        ? "This clinic's database is encrypted. Give its key or its 24 recovery words to open it."
        : "This key does not open this clinic's database. Check the key or the recovery words.",
    );
    this.name = 'DatabaseKeyError';
    this.problem = problem;
  }
}

let keyInUse: DatabaseKey | null = null;

/** Sets the key this process opens its clinic's files with (null: plain files only). */
export function useDatabaseKey(key: DatabaseKey | null): void {
  if (key !== null && !KEY_PATTERN.test(key)) throw new Error('A database key is 64 hexadecimal digits.');
  keyInUse = key;
}

export function databaseKeyInUse(): DatabaseKey | null {
  return keyInUse;
}

/** `none`: no file yet (or an empty one, or :memory:); `plain`: a readable SQLite file; else encrypted. */
export type FileEncryption = 'none' | 'plain' | 'encrypted';

export function fileEncryption(path: string): FileEncryption {
  if (path === '' || path === ':memory:') return 'none';
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'none';
  }
  if (size === 0) return 'none';
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
}

/** The pragmas that set the cipher and the key; they must come before the first statement. */
export function applyKey(conn: BetterSqlite3.Database, key: DatabaseKey): void {
  if (!KEY_PATTERN.test(key)) throw new Error('A database key is 64 hexadecimal digits.');
  conn.pragma("cipher = 'sqlcipher'");
  conn.pragma('legacy = 4');
  conn.pragma(`key = "x'${key}'"`);
}

/** Changes the key of an open encrypted database (or encrypts an open plain one not in WAL mode). */
export function changeKey(conn: BetterSqlite3.Database, key: DatabaseKey): void {
  if (!KEY_PATTERN.test(key)) throw new Error('A database key is 64 hexadecimal digits.');
  conn.pragma("cipher = 'sqlcipher'");
  conn.pragma('legacy = 4');
  conn.pragma(`rekey = "x'${key}'"`);
}

const isNotADatabase = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_NOTADB';

/**
 * Opens a SQLite file the way its bytes need: a plain file as is; an encrypted one with the key
 * (a missing or wrong key is a DatabaseKeyError before anything is written); a new file with the
 * key when there is one (an encrypted clinic), else plain.
 */
export function openRawSqlite(
  path: string,
  options: BetterSqlite3.Options = {},
  key: DatabaseKey | null = keyInUse,
): BetterSqlite3.Database {
  const state = fileEncryption(path);
  if (state === 'encrypted' && key === null) throw new DatabaseKeyError('missing');
  const conn = new BetterSqlite3(path, options);
  if (state === 'plain' || key === null || (state === 'none' && (options.readonly || path === ':memory:'))) {
    return conn;
  }
  try {
    applyKey(conn, key);
    // Pages are decrypted on their way into SQLite's page cache; a plain file's reads are served
    // by the OS cache instead. A 32 MiB cache (default 2 MiB) keeps the desk's hot pages decrypted.
    if (!options.readonly) conn.pragma(`cache_size = -${ENCRYPTED_CACHE_KIB}`);
    // Reading page 1 is what fails with a wrong key; nothing has been written yet.
    if (state === 'encrypted') conn.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    conn.close();
    if (isNotADatabase(error)) throw new DatabaseKeyError('wrong');
    throw error;
  }
  return conn;
}
