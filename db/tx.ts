import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type Tx = Kysely<Database>;

/**
 * Runs `fn` in one write transaction opened as BEGIN IMMEDIATE, holding Kysely's connection
 * for the whole of it. Kysely's own transaction() sends a DEFERRED begin, which fails with
 * SQLITE_BUSY when a reader upgrades to writer under another process (see STACK-NOTES).
 * Inside `fn` use only the `trx` it is given: the outer `db` would wait on itself.
 * Keep it short: no user wait or network call inside.
 */
export async function writeTx<T>(db: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T> {
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
