import { sql, type Kysely } from 'kysely';
import { dateCheck, oneOf } from './sql-checks.ts';

// Frozen. The waitlist: patients waiting for a doctor (or any doctor of a specialization)
// within a range of dates.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('waitlist')
    .addColumn('waitlist_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.patient_id').onDelete('restrict'))
    .addColumn('doctor_id', 'integer', (c) => c.references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('specialization', 'text')
    .addColumn('from_date', 'text', (c) => c.notNull().check(dateCheck('from_date')))
    .addColumn('to_date', 'text', (c) => c.notNull().check(dateCheck('to_date')))
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('waiting')
        .check(oneOf('status', ['waiting', 'booked', 'removed'])),
    )
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.appointment_id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.user_id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('waitlist_dates', sql`from_date <= to_date`)
    .addCheckConstraint('waitlist_target', sql`doctor_id IS NOT NULL OR specialization IS NOT NULL`)
    .execute();
  await db.schema.createIndex('waitlist_waiting').on('waitlist').columns(['status', 'from_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('waitlist').execute();
}
