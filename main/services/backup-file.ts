import BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { MIGRATIONS } from '../../db/migrate.ts';

// The file side of backups: copy a live database with SQLite's online backup API (the app
// keeps working while it runs) and check a copy the way a restore would need it.

export interface Verification {
  ok: boolean;
  /** What `PRAGMA integrity_check` said ("ok", or its first problems); null if unreadable. */
  integrity: string | null;
  /** The last migration the copy has (e.g. "0009_operations"); null when unknown. */
  schemaVersion: string | null;
  rowCounts: Record<string, number>;
  /** A whole sentence when something is wrong. */
  message: string | null;
}

const KNOWN_VERSIONS = new Set(Object.keys(MIGRATIONS));

/**
 * Copies the open database into `destination` page by page (the app's reads and writes go
 * on between steps), then turns the copy into a single self-contained file (no -wal).
 */
export async function copyDatabase(
  source: BetterSqlite3.Database,
  destination: string,
  onProgress: (percent: number) => void,
): Promise<void> {
  onProgress(0);
  await source.backup(destination, {
    progress({ totalPages, remainingPages }) {
      onProgress(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
      return 200;
    },
  });
  const copy = new BetterSqlite3(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(destination + suffix, { force: true });
  onProgress(100);
}

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

const failed = (message: string, partial: Partial<Verification> = {}): Verification => ({
  ok: false,
  integrity: null,
  schemaVersion: null,
  rowCounts: {},
  ...partial,
  message,
});

/** Reopens a copy read-only: integrity check, schema version and the row count of every table. */
export function verifyDatabaseFile(path: string): Verification {
  if (!existsSync(path) || !statSync(path).isFile()) return failed('The backup file is missing.');
  let conn: BetterSqlite3.Database | null = null;
  try {
    conn = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const problems = (conn.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    const integrity = problems.join('; ').slice(0, 2000);
    if (integrity !== 'ok') {
      return failed('The backup file is damaged: the integrity check found problems.', { integrity });
    }
    const schemaVersion = lastMigration(conn);
    if (!schemaVersion) {
      return failed('This file is not a Clinic desk database: it has no schema version.', { integrity });
    }
    const rowCounts: Record<string, number> = {};
    for (const name of tableNames(conn)) {
      rowCounts[name] = (conn.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    if (!KNOWN_VERSIONS.has(schemaVersion)) {
      return failed('This backup was made by a newer version of Clinic desk. Update the app first.', {
        integrity,
        schemaVersion,
        rowCounts,
      });
    }
    return { ok: true, integrity, schemaVersion, rowCounts, message: null };
  } catch {
    return failed('The backup file could not be read as a database: it is damaged or not a Clinic desk backup.');
  } finally {
    conn?.close();
  }
}
