import { sql, type Kysely } from 'kysely';
import { dateCheck, oneOf, timeCheck } from './sql-checks.ts';

// Frozen once landed. Recurring visits: a series records the rule it was booked from ("every
// 1 week, 6 visits"), who booked it, the desk's choice when some dates were not free
// (book all or none, or skip the conflicts) and which dates were skipped and why. Each booked
// visit is an ordinary appointment pointing at its series, so every rule of a single booking
// (one active appointment per slot, is_booked) holds for it unchanged.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_series')
    .addColumn('series_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.patient_id').onDelete('restrict'))
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('first_date', 'text', (c) => c.notNull().check(dateCheck('first_date')))
    .addColumn('first_time', 'text', (c) => c.notNull().check(timeCheck('first_time')))
    .addColumn('every', 'integer', (c) => c.notNull().check(sql`every BETWEEN 1 AND 365`))
    .addColumn('unit', 'text', (c) => c.notNull().check(oneOf('unit', ['days', 'weeks'])))
    .addColumn('occurrence_count', 'integer', (c) => c.check(sql`occurrence_count BETWEEN 1 AND 52`))
    .addColumn('until_date', 'text', (c) => c.check(dateCheck('until_date')))
    .addColumn('mode', 'text', (c) => c.notNull().check(oneOf('mode', ['all_or_none', 'skip_conflicts'])))
    /** JSON list of {index, date, time, reason} for each date not booked */
    .addColumn('skipped_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.user_id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'appointment_series_end',
      sql`(occurrence_count IS NULL) <> (until_date IS NULL) AND (until_date IS NULL OR until_date >= first_date)`,
    )
    .execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('series_id', 'integer', (c) => c.references('appointment_series.series_id'))
    .execute();
  await db.schema.createIndex('appointments_series').on('appointments').columns(['series_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appointments_series').execute();
  await db.schema.alterTable('appointments').dropColumn('series_id').execute();
  await db.schema.dropTable('appointment_series').execute();
}
