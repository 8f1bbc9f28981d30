import { sql, type Kysely } from 'kysely';

// Frozen once landed. The flow board at a big clinic's size: a clinic setting for when a
// patient still "Scheduled" after their time is marked as a likely no-show, and an index that
// reads one day of every doctor in time order, with the doctor and status in it so the day's
// counts need no table row (the board pages through 13,000 appointments a day).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('settings')
    .addColumn('likely_no_show_minutes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(20)
        .check(sql`likely_no_show_minutes BETWEEN 1 AND 480`),
    )
    .execute();
  await db.schema
    .createIndex('appointments_date_time')
    .on('appointments')
    .columns(['appointment_date', 'appointment_time', 'doctor_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appointments_date_time').execute();
  await db.schema.alterTable('settings').dropColumn('likely_no_show_minutes').execute();
}
