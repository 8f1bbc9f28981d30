import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { oneOf } from './sql-checks.ts';

// Frozen once landed. The confirmation call list: each time the desk rings a patient about an
// appointment, one row with the outcome, who and when. Rows are never changed or deleted (the
// latest row is the appointment's current mark; the earlier ones are its history).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_call_marks')
    .addColumn('mark_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(oneOf('outcome', ['confirmed', 'left_message', 'no_answer', 'cancelled'])),
    )
    .addColumn('note', 'text')
    .addColumn('marked_by', 'integer', (c) => c.notNull().references('users.user_id').onDelete('restrict'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .execute();
  // The latest mark of each appointment (board, call list): the appointment's marks newest first.
  await db.schema
    .createIndex('appointment_call_marks_latest')
    .on('appointment_call_marks')
    .columns(['appointment_id', 'mark_id'])
    .execute();

  if (isSqlite(db)) {
    await sql`CREATE TRIGGER appointment_call_marks_no_update BEFORE UPDATE ON appointment_call_marks
      BEGIN SELECT RAISE(ABORT, 'call marks are append-only'); END`.execute(db);
    await sql`CREATE TRIGGER appointment_call_marks_no_delete BEFORE DELETE ON appointment_call_marks
      BEGIN SELECT RAISE(ABORT, 'call marks are append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION appointment_call_marks_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'call marks are append-only' USING ERRCODE = 'check_violation'; END $$`.execute(db);
    await sql`CREATE TRIGGER appointment_call_marks_no_change BEFORE UPDATE OR DELETE ON appointment_call_marks
      FOR EACH ROW EXECUTE FUNCTION appointment_call_marks_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS appointment_call_marks_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS appointment_call_marks_no_delete`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS appointment_call_marks_no_change ON appointment_call_marks`.execute(db);
    await sql`DROP FUNCTION IF EXISTS appointment_call_marks_append_only()`.execute(db);
  }
  await db.schema.dropIndex('appointment_call_marks_latest').execute();
  await db.schema.dropTable('appointment_call_marks').execute();
}
