import { sql, type Kysely } from 'kysely';
import { PG_PATIENT_HAYSTACK } from '../dialect-search.ts';
import { isSqlite } from './dialect.ts';
import { dateCheck, oneOf } from './sql-checks.ts';

// Frozen. The front desk: patient details and search, who did each step of a visit, and
// who moved an appointment.

const STATUSES = ['scheduled', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('patients')
    .addColumn('date_of_birth', 'text', (c) => c.check(sql`date_of_birth IS NULL OR (${dateCheck('date_of_birth')})`))
    .execute();
  await db.schema
    .alterTable('patients')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .alterTable('appointments')
    .addColumn('booked_by', 'integer', (c) => c.references('users.user_id'))
    .execute();
  // Set when the desk confirmed booking a patient who already has an overlapping appointment.
  await db.schema.alterTable('appointments').addColumn('overlap_override_reason', 'text').execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('is_walk_in', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`is_walk_in IN (0, 1)`),
    )
    .execute();

  await db.schema
    .createTable('appointment_status_history')
    .addColumn('history_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('from_status', 'text', (c) => c.check(sql`from_status IS NULL OR ${oneOf('from_status', STATUSES)}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(oneOf('to_status', STATUSES)))
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    // An admin's undo is recorded as a step back, pointing at the step it undid.
    .addColumn('undoes_history_id', 'integer', (c) => c.references('appointment_status_history.history_id'))
    .execute();
  await db.schema
    .createIndex('status_history_appointment')
    .on('appointment_status_history')
    .columns(['appointment_id', 'history_id'])
    .execute();

  await db.schema
    .alterTable('appointment_reschedules')
    .addColumn('rescheduled_by', 'integer', (c) => c.references('users.user_id'))
    .execute();
  await db.schema
    .alterTable('appointment_reschedules')
    .addColumn('old_availability_id', 'integer', (c) => c.references('doctor_availability.availability_id'))
    .execute();
  await db.schema
    .alterTable('appointment_reschedules')
    .addColumn('new_availability_id', 'integer', (c) => c.references('doctor_availability.availability_id'))
    .execute();

  if (isSqlite(db)) {
    // Patient search: one trigram index over name, phone digits, email and patient number,
    // so any 3+ characters match anywhere (partial phone numbers included), kept by triggers.
    await sql`CREATE VIRTUAL TABLE patient_search USING fts5(haystack, tokenize = 'trigram')`.execute(db);
    const haystack = `lower(u.name) || ' ' || coalesce(u.phone, '') || ' ' || coalesce(lower(u.email), '') || ' p' || u.user_id`;
    await sql
      .raw(
        `INSERT INTO patient_search (rowid, haystack) SELECT u.user_id, ${haystack} FROM users u JOIN patients p ON p.patient_id = u.user_id`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER patient_search_insert AFTER INSERT ON patients BEGIN
           INSERT INTO patient_search (rowid, haystack) SELECT u.user_id, ${haystack} FROM users u WHERE u.user_id = NEW.patient_id;
         END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER patient_search_update AFTER UPDATE OF name, phone, email ON users WHEN NEW.role = 'patient' BEGIN
           DELETE FROM patient_search WHERE rowid = NEW.user_id;
           INSERT INTO patient_search (rowid, haystack) SELECT u.user_id, ${haystack} FROM users u JOIN patients p ON p.patient_id = u.user_id WHERE u.user_id = NEW.user_id;
         END`,
      )
      .execute(db);
    await sql`CREATE TRIGGER patient_search_delete AFTER DELETE ON patients BEGIN DELETE FROM patient_search WHERE rowid = OLD.patient_id; END`.execute(
      db,
    );
  } else {
    // PostgreSQL: a trigram index over the same text, straight on users (no copy to keep).
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql
      .raw(
        `CREATE INDEX patient_search_trgm ON users USING gin (${PG_PATIENT_HAYSTACK} gin_trgm_ops) WHERE role = 'patient'`,
      )
      .execute(db);
  }
  // Short searches (one or two letters) use a name prefix; role first so the planner takes it.
  await sql`CREATE INDEX users_role_name ON users (role, lower(name))`.execute(db);
  // The calendar joins slots to their appointments (the partial unique index only helps
  // queries that spell out its exact WHERE with literals).
  await db.schema.createIndex('appointments_slot').on('appointments').column('availability_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appointments_slot').execute();
  await db.schema.dropIndex('users_role_name').execute();
  if (isSqlite(db)) {
    for (const trigger of ['patient_search_insert', 'patient_search_update', 'patient_search_delete']) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    }
    await sql`DROP TABLE IF EXISTS patient_search`.execute(db);
  } else {
    await sql`DROP INDEX IF EXISTS patient_search_trgm`.execute(db);
  }
  for (const column of ['new_availability_id', 'old_availability_id', 'rescheduled_by']) {
    await db.schema.alterTable('appointment_reschedules').dropColumn(column).execute();
  }
  await db.schema.dropTable('appointment_status_history').execute();
  for (const column of ['is_walk_in', 'overlap_override_reason', 'booked_by']) {
    await db.schema.alterTable('appointments').dropColumn(column).execute();
  }
  await db.schema.alterTable('patients').dropColumn('version').execute();
  await db.schema.alterTable('patients').dropColumn('date_of_birth').execute();
}
