import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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

/** Opens (creating if needed) a clinic database file with the pragmas every connection needs. */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteHandle {
  const raw = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  if (!options.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    raw,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => db.destroy(),
  };
}
