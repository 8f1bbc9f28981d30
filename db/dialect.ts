import { SqliteAdapter, type DialectAdapter } from 'kysely';

/** Anything that can say which adapter it runs on: a Kysely instance or a transaction. */
interface HasAdapter {
  getExecutor(): { adapter: DialectAdapter };
}

/** Which of the two supported databases a Kysely instance talks to. */
export function dialectOf(db: HasAdapter): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
