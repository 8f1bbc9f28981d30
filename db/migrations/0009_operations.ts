import { sql, type Kysely } from 'kysely';
import { flagCheck, oneOf, timeCheck } from './sql-checks.ts';

// Backups: the schedule and folder (one row), and every backup made with its verification.
// Plain schema-builder DDL and portable CHECKs only, so it runs on SQLite and PostgreSQL alike.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backup_settings')
    .addColumn('id', 'integer', (c) =>
      c
        .primaryKey()
        .defaultTo(1)
        .check(sql`id = 1`),
    )
    .addColumn('folder', 'text')
    .addColumn('daily_time', 'text', (c) => c.notNull().defaultTo('02:00').check(timeCheck('daily_time')))
    .addColumn('keep_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(14)
        .check(sql`keep_count >= 1 AND keep_count <= 365`),
    )
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(flagCheck('enabled')))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text')
    .execute();
  await sql`INSERT INTO backup_settings (id) VALUES (1)`.execute(db);

  await db.schema
    .createTable('backups')
    .addColumn('backup_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(file_name) > 0`))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`size_bytes >= 0`),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['auto', 'manual', 'pre-restore'])))
    .addColumn('schema_version', 'text')
    .addColumn('row_counts_json', 'text')
    .addColumn('integrity_result', 'text')
    .addColumn('verified', 'text', (c) => c.notNull().check(oneOf('verified', ['ok', 'failed'])))
    .addColumn('message', 'text')
    .addColumn('duration_ms', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`duration_ms >= 0`),
    )
    .addColumn('created_by', 'integer', (c) => c.references('users.user_id').onDelete('set null'))
    /** set when pruning removed the file (the row stays as history) */
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('backups_created').on('backups').columns(['created_at']).execute();
  await db.schema.createIndex('audit_action').on('audit_log').columns(['action', 'audit_id']).execute();
  await db.schema.createIndex('audit_user_id').on('audit_log').columns(['user_id', 'audit_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_user_id').execute();
  await db.schema.dropIndex('audit_action').execute();
  await db.schema.dropTable('backups').execute();
  await db.schema.dropTable('backup_settings').execute();
}
