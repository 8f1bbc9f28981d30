import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { dateCheck, oneOf, timeCheck } from './sql-checks.ts';

// Frozen. Doctor schedules: weekly templates, leave and extra sessions, and what slots need
// to say about themselves (where they came from, whether they are blocked and why).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedule_templates')
    .addColumn('template_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    // Bit 0 = Sunday ... bit 6 = Saturday (JavaScript's getUTCDay numbering).
    .addColumn('weekdays', 'integer', (c) => c.notNull().check(sql`weekdays >= 1 AND weekdays <= 127`))
    .addColumn('start_time', 'text', (c) => c.notNull().check(timeCheck('start_time')))
    .addColumn('end_time', 'text', (c) => c.notNull().check(timeCheck('end_time')))
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().check(sql`slot_minutes >= 5 AND slot_minutes <= 240`))
    .addColumn('valid_from', 'text', (c) => c.notNull().check(dateCheck('valid_from')))
    .addColumn('valid_to', 'text', (c) => c.check(sql`valid_to IS NULL OR (${dateCheck('valid_to')})`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('template_start_before_end', sql`start_time < end_time`)
    .addCheckConstraint('template_valid_range', sql`valid_to IS NULL OR valid_from <= valid_to`)
    .execute();
  await db.schema.createIndex('templates_doctor').on('schedule_templates').column('doctor_id').execute();

  await db.schema
    .createTable('schedule_exceptions')
    .addColumn('exception_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['leave', 'extra'])))
    .addColumn('start_date', 'text', (c) => c.notNull().check(dateCheck('start_date')))
    .addColumn('end_date', 'text', (c) => c.notNull().check(dateCheck('end_date')))
    // Both null: whole days. Both set: that part of each day.
    .addColumn('start_time', 'text', (c) => c.check(sql`start_time IS NULL OR (${timeCheck('start_time')})`))
    .addColumn('end_time', 'text', (c) => c.check(sql`end_time IS NULL OR (${timeCheck('end_time')})`))
    .addColumn('slot_minutes', 'integer', (c) =>
      c.check(sql`slot_minutes IS NULL OR (slot_minutes >= 5 AND slot_minutes <= 240)`),
    )
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('exception_date_range', sql`start_date <= end_date`)
    .addCheckConstraint('exception_times_together', sql`(start_time IS NULL) = (end_time IS NULL)`)
    .addCheckConstraint('exception_time_range', sql`start_time IS NULL OR start_time < end_time`)
    // An extra session has hours and a slot length; leave may be whole days.
    .addCheckConstraint(
      'exception_extra_shape',
      sql`kind = 'leave' OR (start_time IS NOT NULL AND slot_minutes IS NOT NULL)`,
    )
    .execute();
  await db.schema
    .createIndex('exceptions_doctor_dates')
    .on('schedule_exceptions')
    .columns(['doctor_id', 'start_date', 'end_date'])
    .execute();

  await db.schema
    .alterTable('doctor_availability')
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .defaultTo('manual')
        .check(oneOf('source', ['template', 'extra', 'manual', 'walk_in'])),
    )
    .execute();
  await db.schema.alterTable('doctor_availability').addColumn('blocked_reason', 'text').execute();
  await db.schema
    .alterTable('doctor_availability')
    .addColumn('blocked_by', 'integer', (c) => c.references('users.user_id'))
    .execute();
  // The day view reads every doctor's slots for one date.
  await db.schema
    .createIndex('availability_date_start')
    .on('doctor_availability')
    .columns(['available_date', 'start_time'])
    .execute();

  await db.schema
    .alterTable('doctors')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('schedule_horizon_weeks', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(12)
        .check(sql`schedule_horizon_weeks >= 1 AND schedule_horizon_weeks <= 104`),
    )
    .execute();
  // Set when leave is added over a booking and the desk chose "list for rescheduling".
  await db.schema.alterTable('appointments').addColumn('needs_reschedule_reason', 'text').execute();

  if (isSqlite(db)) {
    // One doctor's slots never overlap on the wall clock (PostgreSQL gets an exclusion constraint).
    for (const event of ['INSERT', 'UPDATE']) {
      await sql
        .raw(
          `CREATE TRIGGER availability_no_overlap_${event.toLowerCase()} BEFORE ${event} ON doctor_availability
           WHEN EXISTS (SELECT 1 FROM doctor_availability other
             WHERE other.doctor_id = NEW.doctor_id AND other.available_date = NEW.available_date
               AND other.availability_id IS NOT NEW.availability_id
               AND other.start_time < NEW.end_time AND NEW.start_time < other.end_time)
           BEGIN SELECT RAISE(ABORT, 'doctor_availability slots overlap'); END`,
        )
        .execute(db);
    }
  } else {
    // PostgreSQL: an exclusion constraint over each slot's minutes of the day, which also
    // holds between concurrent transactions ('[)' ranges: back-to-back slots do not overlap).
    const minutes = (column: string): string =>
      `(substr(${column}, 1, 2)::integer * 60 + substr(${column}, 4, 2)::integer)`;
    await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
    await sql
      .raw(
        `ALTER TABLE doctor_availability ADD CONSTRAINT availability_no_overlap EXCLUDE USING gist
           (doctor_id WITH =, available_date WITH =, int4range(${minutes('start_time')}, ${minutes('end_time')}) WITH &&)`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS availability_no_overlap_insert`.execute(db);
    await sql`DROP TRIGGER IF EXISTS availability_no_overlap_update`.execute(db);
  } else {
    await sql`ALTER TABLE doctor_availability DROP CONSTRAINT IF EXISTS availability_no_overlap`.execute(db);
  }
  await db.schema.alterTable('appointments').dropColumn('needs_reschedule_reason').execute();
  await db.schema.alterTable('settings').dropColumn('schedule_horizon_weeks').execute();
  await db.schema.alterTable('doctors').dropColumn('version').execute();
  await db.schema.dropIndex('availability_date_start').execute();
  await db.schema.alterTable('doctor_availability').dropColumn('blocked_by').execute();
  await db.schema.alterTable('doctor_availability').dropColumn('blocked_reason').execute();
  await db.schema.alterTable('doctor_availability').dropColumn('source').execute();
  await db.schema.dropTable('schedule_exceptions').execute();
  await db.schema.dropTable('schedule_templates').execute();
}
