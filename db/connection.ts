import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { openRawSqlite } from './cipher.ts';
import { guardedDialect } from './parameter-guard.ts';
import type { Database } from './schema.ts';

export interface SqliteHandle {
  db: Kysely<Database>;
  /** The raw handle, for pragmas, backups and benchmarks only; services use `db`. */
  raw: BetterSqlite3.Database;
  close: () => Promise<void>;
}

export interface OpenOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement anew (about half a millisecond each);
 * this keeps the most recent prepared statements by SQL text. Safe because Kysely runs one
 * statement at a time on the connection and never leaves an iterator open between calls.
 */
export function withStatementCache(raw: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Refresh its place: the map's order is the eviction order.
        cache.delete(sql);
      } else {
        statement = raw.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** Opens (creating if needed) a clinic database file with the pragmas every connection needs. */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteHandle {
  // Encrypted or new with a key in use: keyed before the first statement (see cipher.ts).
  const raw = openRawSqlite(file, { readonly: options.readonly ?? false });
  if (!options.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // FULL: in WAL every commit is synced to disk before it is acknowledged, so a booking or
  // payment whose receipt was printed survives a power cut or an OS crash, not only a killed
  // process (NORMAL syncs at checkpoints only). About 0.15–0.2 ms a commit on an idle disk.
  raw.pragma('synchronous = FULL');
  // Statement journals (a statement that fires a trigger keeps one so it can abort alone)
  // in memory, not in temp files: a year of slots was twice as slow with them on disk.
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({
    dialect: guardedDialect(new SqliteDialect({ database: withStatementCache(raw) }), 'sqlite'),
  });
  return {
    db,
    raw,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => db.destroy(),
  };
}
