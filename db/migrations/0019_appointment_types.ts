import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { dateCheck, flagCheck, timeCheck } from './sql-checks.ts';

// Frozen once landed. Appointment types (length, colour, default fee, who offers them) and
// rooms/resources. A type longer than a slot joins consecutive free slots into one slot, which
// remembers its original length (`base_minutes`) so freeing it splits it back. A resource held
// by a live appointment has one `resource_bookings` row with the appointment's wall-clock
// span; the database refuses two overlapping rows for one resource.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('resource_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 80`))
    /** What it is ('room', 'ultrasound', …): a type asks for a kind, booking picks one free. */
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`length(kind) BETWEEN 1 AND 40`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(flagCheck('active')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX resources_name ON resources (lower(name))`.execute(db);

  await db.schema
    .createTable('appointment_types')
    .addColumn('appointment_type_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 80`))
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes >= 5 AND minutes <= 480`))
    .addColumn('colour', 'text', (c) => c.notNull().check(sql`length(colour) = 7 AND substr(colour, 1, 1) = '#'`))
    /** Minor units of the clinic's currency; null: the doctor's consultation fee. */
    .addColumn('default_fee_minor', 'integer', (c) => c.check(sql`default_fee_minor IS NULL OR default_fee_minor >= 0`))
    .addColumn('needs_resource_kind', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(flagCheck('active')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX appointment_types_name ON appointment_types (lower(name))`.execute(db);

  await db.schema
    .createTable('appointment_type_doctors')
    .addColumn('appointment_type_id', 'integer', (c) =>
      c.notNull().references('appointment_types.appointment_type_id').onDelete('cascade'),
    )
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addPrimaryKeyConstraint('appointment_type_doctors_pk', ['appointment_type_id', 'doctor_id'])
    .execute();
  await db.schema
    .createIndex('appointment_type_doctors_doctor')
    .on('appointment_type_doctors')
    .column('doctor_id')
    .execute();

  await db.schema
    .alterTable('appointments')
    .addColumn('appointment_type_id', 'integer', (c) => c.references('appointment_types.appointment_type_id'))
    .execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('resource_id', 'integer', (c) => c.references('resources.resource_id'))
    .execute();
  // Set while a slot is several joined slots: the length to split it back into when freed.
  await db.schema
    .alterTable('doctor_availability')
    .addColumn('base_minutes', 'integer', (c) =>
      c.check(sql`base_minutes IS NULL OR (base_minutes >= 5 AND base_minutes <= 240)`),
    )
    .execute();

  await db.schema
    .createTable('resource_bookings')
    .addColumn('appointment_id', 'integer', (c) =>
      c.primaryKey().references('appointments.appointment_id').onDelete('cascade'),
    )
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.resource_id').onDelete('restrict'))
    .addColumn('booking_date', 'text', (c) => c.notNull().check(dateCheck('booking_date')))
    .addColumn('start_time', 'text', (c) => c.notNull().check(timeCheck('start_time')))
    .addColumn('end_time', 'text', (c) => c.notNull().check(timeCheck('end_time')))
    .addCheckConstraint('resource_booking_span', sql`start_time < end_time`)
    .execute();

  if (isSqlite(db)) {
    await db.schema
      .createIndex('resource_bookings_day')
      .on('resource_bookings')
      .columns(['resource_id', 'booking_date', 'start_time'])
      .execute();
    // One resource is never in two overlapping live appointments (PostgreSQL: an exclusion constraint).
    for (const event of ['INSERT', 'UPDATE']) {
      await sql
        .raw(
          `CREATE TRIGGER resource_bookings_no_overlap_${event.toLowerCase()} BEFORE ${event} ON resource_bookings
           WHEN EXISTS (SELECT 1 FROM resource_bookings other
             WHERE other.resource_id = NEW.resource_id AND other.booking_date = NEW.booking_date
               AND other.appointment_id IS NOT NEW.appointment_id
               AND other.start_time < NEW.end_time AND NEW.start_time < other.end_time)
           BEGIN SELECT RAISE(ABORT, 'resource_bookings overlap'); END`,
        )
        .execute(db);
    }
  } else {
    // The same minutes-of-the-day ranges as the slots' constraint in 0004 (btree_gist is there).
    const minutes = (column: string): string =>
      `(substr(${column}, 1, 2)::integer * 60 + substr(${column}, 4, 2)::integer)`;
    await sql
      .raw(
        `ALTER TABLE resource_bookings ADD CONSTRAINT resource_bookings_no_overlap EXCLUDE USING gist
           (resource_id WITH =, booking_date WITH =, int4range(${minutes('start_time')}, ${minutes('end_time')}) WITH &&)`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('resource_bookings').execute();
  await db.schema.alterTable('doctor_availability').dropColumn('base_minutes').execute();
  await db.schema.alterTable('appointments').dropColumn('resource_id').execute();
  await db.schema.alterTable('appointments').dropColumn('appointment_type_id').execute();
  await db.schema.dropTable('appointment_type_doctors').execute();
  await db.schema.dropTable('appointment_types').execute();
  await db.schema.dropTable('resources').execute();
}
