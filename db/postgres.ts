import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { guardedDialect } from './parameter-guard.ts';
import { PostgresSchemaPlugin } from './postgres-schema.ts';
import type { Database } from './schema.ts';

export interface PostgresHandle {
  kind: 'postgres';
  db: Kysely<Database>;
  /** The pool, for LISTEN/NOTIFY and the move from a single PC; services use `db`. */
  pool: pg.Pool;
  url: string;
  close: () => Promise<void>;
}

export interface PostgresOptions {
  /** Connections in the pool; one desk rarely needs more than a few. */
  max?: number;
  /**
   * How long to wait for a connection before saying the server is unreachable. pg counts the
   * wait for a free pooled connection in it too, so it is generous.
   */
  connectTimeoutMs?: number;
}

const INT8 = 20;
const NUMERIC = 1700;

// Counts (`count(*)` is bigint) and numerics come back as numbers, as they do from SQLite.
// Our ids and counts stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Opens a pool on a clinic's PostgreSQL database (`postgres://user:password@host:port/db`). */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    types,
    application_name: 'clinic-desk',
  });
  // An idle connection dropped by the server must not crash the app; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: guardedDialect(new PostgresDialect({ pool }), 'postgres'),
    plugins: [new PostgresSchemaPlugin()],
  });
  return { kind: 'postgres', db, pool, url, close: () => db.destroy() };
}
