import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { openSqlite } from './connection.ts';
import type { Database } from './schema.ts';

// One way to open the clinic's database in either mode: a SQLite file on this computer
// (the default) or the clinic server's PostgreSQL database.

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /**
   * SQLite's raw handle, for pragmas, bulk seeding and benchmarks only. It exists only in
   * SQLite mode: on PostgreSQL, reading it throws.
   */
  raw: BetterSqlite3.Database;
  /** The PostgreSQL pool (LISTEN/NOTIFY, the move to a server); null on SQLite. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

/** A database file path, or a `postgres://` URL. */
export type DatabaseTarget = { file: string } | { url: string };

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function targetOf(fileOrUrl: string): DatabaseTarget {
  return isPostgresUrl(fileOrUrl) ? { url: fileOrUrl } : { file: fileOrUrl };
}

/**
 * Opens either database. The PostgreSQL driver is loaded only when a URL is given, so the
 * built-in mode starts as fast as before.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('file' in target) {
    const handle = openSqlite(target.file);
    return { kind: 'sqlite', db: handle.db, raw: handle.raw, pool: null, close: handle.close };
  }
  const { openPostgres } = await import('./postgres.ts');
  const handle = openPostgres(target.url);
  return {
    kind: 'postgres',
    db: handle.db,
    get raw(): BetterSqlite3.Database {
      throw new Error('The raw SQLite handle does not exist in PostgreSQL mode.');
    },
    pool: handle.pool,
    close: handle.close,
  };
}
