import { sql, type Kysely } from 'kysely';
import { oneOf } from './sql-checks.ts';

// Frozen once landed. Importing patients from a spreadsheet: the column mapping each header
// was last given (so the next file with that header is mapped the same way), and one row per
// import with its counts and state. The counts move in the same transaction as each batch of
// patients, and a cancel is a flag the running import reads between batches, so any process
// (the window, the command line) sees how far an import got and can stop it.

const STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patient_import_mappings')
    /** The header as matched: lower case, letters and digits only ("E-mail" → "email"). */
    .addColumn('header_key', 'text', (c) => c.primaryKey())
    /** The patient field (contract name), or null: the column is left out. */
    .addColumn('field', 'text')
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.user_id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('patient_imports')
    .addColumn('import_id', 'integer', (c) => c.primaryKey().autoIncrement())
    /** The caller's id for this run: progress events and cancel name it. */
    .addColumn('run_id', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.notNull().references('users.user_id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('total_rows', 'integer', (c) => c.notNull().check(sql`total_rows >= 0`))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_requested_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('patient_imports').execute();
  await db.schema.dropTable('patient_import_mappings').execute();
}
