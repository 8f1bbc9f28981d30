import { SqliteAdapter, type Kysely } from 'kysely';

/** The few places that need dialect-specific SQL (triggers, full-text search) branch on this. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
