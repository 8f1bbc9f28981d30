import type BetterSqlite3 from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  copyFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { changeKey, fileEncryption, openRawSqlite, type DatabaseKey } from './cipher.ts';

// Encrypting an existing clinic file: a plain copy (VACUUM INTO), encrypted in place (rekey),
// checked (quick_check and every table's row count equal), then swapped in with one rename.
// The plain file is kept beside it until the admin confirms. At every moment the clinic's path
// holds a whole database: first the plain one, after the rename the encrypted one.

/** The plain file kept until the admin confirms (then deletePlainCopy). */
export const PLAIN_COPY_SUFFIX = '.plain-before-encryption';
const STAGED_SUFFIX = '.encrypting';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export class EncryptRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptRefused';
  }
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true });
}

function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Directories cannot be synced on Windows; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}

export function rowCounts(conn: BetterSqlite3.Database): Record<string, number> {
  const tables = conn
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (conn.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export interface EncryptResult {
  /** Where the plain file is kept until the admin confirms. */
  plainCopy: string;
  rowCounts: Record<string, number>;
}

/**
 * Encrypts the plain clinic file `file` with `key`. Nothing may have the file open (the app
 * closes its connection first, the command line runs with the app stopped).
 */
export function encryptFile(file: string, key: DatabaseKey): EncryptResult {
  const state = fileEncryption(file);
  if (state === 'none') throw new EncryptRefused(`There is no clinic database at ${file}.`);
  if (state === 'encrypted') throw new EncryptRefused("This clinic's database is already encrypted.");
  const plainCopy = file + PLAIN_COPY_SUFFIX;
  // Left by a run stopped before its swap: the file itself is still the plain clinic, newer or equal.
  removeWithSideFiles(plainCopy);
  const staged = file + STAGED_SUFFIX;
  removeWithSideFiles(staged);

  const source = openRawSqlite(file, { fileMustExist: true }, null);
  let counts: Record<string, number>;
  try {
    // Fold the -wal into the file, so the file alone is the whole clinic at the swap.
    source.pragma('wal_checkpoint(TRUNCATE)');
    counts = rowCounts(source);
    source.prepare('VACUUM INTO ?').run(staged);
  } finally {
    source.close();
  }

  try {
    const copy = openRawSqlite(staged, { fileMustExist: true }, null);
    try {
      changeKey(copy, key);
    } finally {
      copy.close();
    }
    const check = openRawSqlite(staged, { fileMustExist: true }, key);
    try {
      const quick = check.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new EncryptRefused('The encrypted copy did not pass its check; nothing was changed.');
      if (!sameCounts(rowCounts(check), counts)) {
        throw new EncryptRefused('The encrypted copy does not hold every row; nothing was changed.');
      }
      // The file is switched to WAL on its next open, as every clinic file is.
    } finally {
      check.close();
    }
    fsyncPath(staged);
  } catch (error) {
    removeWithSideFiles(staged);
    throw error;
  }

  // A -wal left beside the file would be replayed into the encrypted one: refuse, nothing changed.
  if (existsSync(file + '-wal') && statSync(file + '-wal').size > 0) {
    removeWithSideFiles(staged);
    throw new EncryptRefused('The clinic database is still open somewhere. Close the app and try again.');
  }
  // Keep the plain file under a second name (a hard link, so nothing is copied), then one rename.
  try {
    linkSync(file, plainCopy);
  } catch {
    copyFileSync(file, plainCopy);
    fsyncPath(plainCopy);
  }
  fsyncPath(dirname(file));
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
  renameSync(staged, file);
  fsyncPath(dirname(file));
  return { plainCopy, rowCounts: counts };
}

/** The admin confirmed the encrypted clinic works: the plain copy goes. */
export function deletePlainCopy(file: string): boolean {
  const plainCopy = file + PLAIN_COPY_SUFFIX;
  if (!existsSync(plainCopy)) return false;
  removeWithSideFiles(plainCopy);
  fsyncPath(dirname(file));
  return true;
}
