import { sql, type Kysely } from 'kysely';

// Frozen once landed. The weekly full check of the live SQLite file (PRAGMA integrity_check,
// in a worker at the backup's quiet hour): one row per run, written before it starts, so among
// several processes on the same file (the desk, the command line) only the one whose claim
// committed first runs it, and every admin sees when it last ran and what it found.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('full_checks')
    .addColumn('check_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('started_at', 'text', (c) => c.notNull())
    /** Null while it runs (or if the process stopped during it). */
    .addColumn('finished_at', 'text')
    /** "ok", or the first problems integrity_check found, or why it could not run. */
    .addColumn('result', 'text')
    .addColumn('ok', 'integer', (c) => c.check(sql`ok IS NULL OR ok IN (0, 1)`))
    /** The computer that ran it. */
    .addColumn('host', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('full_checks').execute();
}
