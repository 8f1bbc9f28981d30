import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { DatabaseKeyError, fileEncryption, openRawSqlite } from '#db/cipher.ts';

// The raw side of a backup, shared by main's thread and the backup worker: copy a live file
// with the online backup API and read the facts of a copy. Only better-sqlite3 and node:fs are
// imported, so the worker bundle stays small and starts fast.

/** What reopening a copy found; `backup-file.ts` turns it into a verification. */
export type CopyFacts =
  | { kind: 'missing' }
  | { kind: 'unreadable' }
  /** Encrypted, and the key in use does not open it (or there is none). */
  | { kind: 'locked' }
  | { kind: 'damaged'; integrity: string }
  | { kind: 'read'; integrity: string; schemaVersion: string | null; rowCounts: Record<string, number> };

/**
 * How much of a file is checked. 'quick' (PRAGMA quick_check: every page and record is
 * readable and well formed, but index entries are not matched to their rows) for each fresh
 * backup: the online backup copies pages exactly, so a mismatch in the copy is one in the live
 * file, which the weekly 'full' check (PRAGMA integrity_check) of the live file finds. 'full' for
 * a file of unknown history (one chosen to restore) and for that weekly check.
 */
export type CheckLevel = 'quick' | 'full';

/** The verification's page cache, in KiB (see readCopyFacts). */
export const CHECK_CACHE_KIB = 32 * 1024;

/** 4096 pages of 4 KiB: 16 MiB per step, a progress report about every 20 ms on a quiet disk. */
export const PAGES_PER_STEP = 4096;

function tableNames(conn: BetterSqlite3.Database): string[] {
  const rows = conn
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

function lastMigration(conn: BetterSqlite3.Database): string | null {
  const exists = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (!exists) return null;
  const row = conn.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as
    { name: string } | undefined;
  return row?.name ?? null;
}

/**
 * Reopens a copy read-only: `PRAGMA quick_check` or `integrity_check` (see CheckLevel), the last
 * migration and the row count of every table. Blocks for as long as SQLite reads the file: call
 * it from the backup worker, or where blocking does not matter (the command line, tests).
 */
export function readCopyFacts(path: string, level: CheckLevel): CopyFacts {
  if (!existsSync(path) || !statSync(path).isFile()) return { kind: 'missing' };
  let conn: BetterSqlite3.Database | null = null;
  try {
    conn = openRawSqlite(path, { readonly: true, fileMustExist: true });
    // A 32 MiB page cache. 256 MiB made the check of a 1.7 GB copy about a third faster, but
    // the worker's freed cache stayed in main's resident memory (about 200 MiB, for good); at
    // 32 MiB it goes back when the worker ends. No memory map: an I/O error on a mapped file
    // (a backup drive pulled out, a network folder gone) is a SIGBUS that ends the whole app.
    conn.pragma(`cache_size = -${CHECK_CACHE_KIB}`);
    const pragma = level === 'quick' ? 'quick_check' : 'integrity_check';
    const problems = (conn.pragma(`${pragma}(20)`) as Record<string, string>[]).map((r) => r[pragma] ?? '');
    const integrity = problems.join('; ').slice(0, 2000);
    if (integrity !== 'ok') return { kind: 'damaged', integrity };
    const schemaVersion = lastMigration(conn);
    const rowCounts: Record<string, number> = {};
    if (schemaVersion) {
      for (const name of tableNames(conn)) {
        rowCounts[name] = (conn.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      }
    }
    return { kind: 'read', integrity, schemaVersion, rowCounts };
  } catch (error) {
    return error instanceof DatabaseKeyError ? { kind: 'locked' } : { kind: 'unreadable' };
  } finally {
    conn?.close();
  }
}

/** Turns a fresh copy (made from a WAL database) into one self-contained file: no -wal. */
export function sealCopy(destination: string): void {
  const copy = openRawSqlite(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(destination + suffix, { force: true });
}

/**
 * Copies the database file `source` into `destination` through a connection of its own, inside
 * one read transaction: the copy is the snapshot of that moment, and writes by the app (other
 * connections, WAL mode) neither wait for it nor restart it.
 */
export async function copyFileSnapshot(
  source: string,
  destination: string,
  onProgress: (copied: number, total: number) => void,
): Promise<void> {
  const conn = openRawSqlite(source, { fileMustExist: true });
  try {
    if (fileEncryption(source) === 'encrypted') {
      // The backup API cannot write a keyed target; VACUUM INTO writes one snapshot encrypted
      // with the source's cipher and key (no page-by-page progress).
      conn.prepare('VACUUM INTO ?').run(destination);
      onProgress(1, 1);
      return;
    }
    conn.pragma('busy_timeout = 5000');
    conn.exec('BEGIN');
    conn.prepare('SELECT count(*) FROM sqlite_master').get();
    const { totalPages } = await conn.backup(destination, {
      progress({ totalPages: total, remainingPages }) {
        onProgress(total - remainingPages, total);
        return PAGES_PER_STEP;
      },
    });
    conn.exec('COMMIT');
    onProgress(totalPages, totalPages);
  } finally {
    conn.close();
  }
}
