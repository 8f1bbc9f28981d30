import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { oneOf } from './sql-checks.ts';

// Frozen. Clinic settings (a single row) and the append-only audit trail.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (c) =>
      c
        .primaryKey()
        .defaultTo(1)
        .check(sql`id = 1`),
    )
    .addColumn('clinic_name', 'text', (c) => c.notNull().check(sql`length(trim(clinic_name)) > 0`))
    .addColumn('clinic_address', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3 AND currency = upper(currency)`))
    .addColumn('default_slot_minutes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(15)
        .check(sql`default_slot_minutes >= 5 AND default_slot_minutes <= 240`),
    )
    .addColumn('idle_lock_minutes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(15)
        .check(sql`idle_lock_minutes >= 1 AND idle_lock_minutes <= 240`),
    )
    .addColumn('time_format', 'text', (c) =>
      c
        .notNull()
        .defaultTo('24h')
        .check(oneOf('time_format', ['24h', '12h'])),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('audit_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_user').on('audit_log').columns(['user_id', 'at']).execute();

  if (isSqlite(db)) {
    // The audit trail is append-only: the database itself refuses edits and deletions.
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  } else {
    // PostgreSQL: the same refusal from a trigger function (TRUNCATE included).
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('settings').execute();
  if (!isSqlite(db)) await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
