import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { Database } from './schema.ts';

export type Tx = Kysely<Database>;

/** How often PostgreSQL may ask for a write transaction to run again before the desk is told. */
export const PG_TX_ATTEMPTS = 12;

/**
 * Runs `fn` in one write transaction, holding one connection for the whole of it.
 * Inside `fn` use only the `trx` it is given: the outer `db` would wait on itself.
 * Keep it short: no user wait or network call inside.
 *
 * SQLite: BEGIN IMMEDIATE. Kysely's own transaction() sends a DEFERRED begin, which fails
 * with SQLITE_BUSY when a reader upgrades to writer under another process (see STACK-NOTES).
 *
 * PostgreSQL: SERIALIZABLE, so every read-then-write check in a service holds as it does
 * under SQLite's single writer, and `fn` is run again (a bounded number of times, with
 * jittered back-off) when PostgreSQL reports a serialization failure or a deadlock. `fn`
 * must therefore have no effect outside the database (events are sent after it returns).
 */
export async function writeTx<T>(db: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return serializableTx(db, fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return code === '40001' || code === '40P01';
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function serializableTx<T>(db: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        await sql`begin isolation level serializable`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      if (!isRetryable(error) || attempt >= PG_TX_ATTEMPTS) throw error;
      // 2, 4, 8 … 64 ms ceilings, jittered so the desks that collided do not collide again.
      await pause(Math.random() * 2 ** Math.min(attempt, 6));
    }
  }
}
