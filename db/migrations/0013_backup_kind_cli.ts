import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { oneOf } from './sql-checks.ts';

// Frozen once landed. Backups made by `npm run cli -- backup --out FILE` are listed like the
// app's own, with kind 'cli' (never pruned: the file is wherever the command was told).

const KINDS_BEFORE = ['auto', 'manual', 'pre-restore'];
const KINDS_AFTER = ['auto', 'manual', 'pre-restore', 'cli'];

/** SQLite cannot change a CHECK: the table is rebuilt with the same columns, rows and ids. */
async function rebuildSqlite(db: Kysely<unknown>, kinds: readonly string[]): Promise<void> {
  await db.schema
    .createTable('backups_rebuilt')
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
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', kinds)))
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
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`INSERT INTO backups_rebuilt (backup_id, file_name, path, created_at, size_bytes, kind, schema_version,
      row_counts_json, integrity_result, verified, message, duration_ms, created_by, deleted_at)
    SELECT backup_id, file_name, path, created_at, size_bytes, kind, schema_version,
      row_counts_json, integrity_result, verified, message, duration_ms, created_by, deleted_at
    FROM backups`.execute(db);
  await db.schema.dropTable('backups').execute();
  await db.schema.alterTable('backups_rebuilt').renameTo('backups').execute();
  await db.schema.createIndex('backups_created').on('backups').columns(['created_at']).execute();
}

async function setKinds(db: Kysely<unknown>, kinds: readonly string[]): Promise<void> {
  if (isSqlite(db)) {
    await rebuildSqlite(db, kinds);
    return;
  }
  // PostgreSQL names a column's CHECK <table>_<column>_check.
  await sql`ALTER TABLE backups DROP CONSTRAINT backups_kind_check`.execute(db);
  await sql`ALTER TABLE backups ADD CONSTRAINT backups_kind_check CHECK (${oneOf('kind', kinds)})`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setKinds(db, KINDS_AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM backups WHERE kind = 'cli'`.execute(db);
  await setKinds(db, KINDS_BEFORE);
}
