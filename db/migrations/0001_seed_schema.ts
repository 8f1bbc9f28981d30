import { sql, type Kysely } from 'kysely';
import { dateCheck, flagCheck, oneOf, timeCheck } from './sql-checks.ts';

// Frozen: the nine tables of er-diagram.md with every seed column, plus the constraints
// that make bad data impossible. Never edit a landed migration; add a new one.

const ROLES = ['admin', 'receptionist', 'doctor', 'patient'];
const USER_STATUSES = ['active', 'inactive', 'locked'];
const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show'];
const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'void'];
const PAYMENT_METHODS = ['cash', 'card', 'mobile_money', 'insurance', 'bank_transfer', 'other'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('email', 'text', (c) => c.check(sql`email IS NULL OR (email = lower(email) AND email LIKE '%_@_%')`))
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ROLES)))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(oneOf('status', USER_STATUSES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Staff sign in (password and email required); patients are records and never sign in.
    .addCheckConstraint('users_password_only_staff', sql`(role = 'patient') = (password_hash IS NULL)`)
    .addCheckConstraint('users_staff_email', sql`role = 'patient' OR email IS NOT NULL`)
    // Target of the composite foreign keys that tie doctors/patients rows to the right role.
    .addUniqueConstraint('users_id_role', ['user_id', 'role'])
    .execute();
  await db.schema
    .createIndex('users_email_unique')
    .on('users')
    .expression(sql`lower(email)`)
    .unique()
    // Staff sign in by email, so theirs are unique; patients of one family may share one.
    .where(sql<boolean>`email IS NOT NULL AND role != 'patient'`)
    .execute();
  await db.schema.createIndex('users_role_status').on('users').columns(['role', 'status']).execute();

  await db.schema
    .createTable('patients')
    .addColumn('patient_id', 'integer', (c) => c.primaryKey().references('users.user_id').onDelete('restrict'))
    .addColumn('user_role', 'text', (c) =>
      c
        .notNull()
        .defaultTo('patient')
        .check(sql`user_role = 'patient'`),
    )
    .addColumn('age', 'integer', (c) => c.check(sql`age IS NULL OR (age >= 0 AND age <= 150)`))
    .addColumn('gender', 'text')
    .addColumn('medical_notes', 'text')
    .addForeignKeyConstraint('patients_user_role_fk', ['patient_id', 'user_role'], 'users', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('doctors')
    .addColumn('doctor_id', 'integer', (c) => c.primaryKey().references('users.user_id').onDelete('restrict'))
    .addColumn('user_role', 'text', (c) =>
      c
        .notNull()
        .defaultTo('doctor')
        .check(sql`user_role = 'doctor'`),
    )
    .addColumn('specialization', 'text', (c) => c.notNull().check(sql`length(trim(specialization)) > 0`))
    .addColumn('experience_years', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`experience_years >= 0 AND experience_years <= 80`),
    )
    .addColumn('consultation_fee', 'real', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`consultation_fee >= 0`),
    )
    .addColumn('about', 'text')
    .addColumn('rating', 'real', (c) => c.check(sql`rating IS NULL OR (rating >= 0 AND rating <= 5)`))
    .addColumn('is_available', 'integer', (c) => c.notNull().defaultTo(1).check(flagCheck('is_available')))
    .addForeignKeyConstraint('doctors_user_role_fk', ['doctor_id', 'user_role'], 'users', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('doctor_availability')
    .addColumn('availability_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('available_date', 'text', (c) => c.notNull().check(dateCheck('available_date')))
    .addColumn('start_time', 'text', (c) => c.notNull().check(timeCheck('start_time')))
    .addColumn('end_time', 'text', (c) => c.notNull().check(timeCheck('end_time')))
    .addColumn('is_booked', 'integer', (c) => c.notNull().defaultTo(0).check(flagCheck('is_booked')))
    .addCheckConstraint('availability_start_before_end', sql`start_time < end_time`)
    .addUniqueConstraint('availability_doctor_date_start', ['doctor_id', 'available_date', 'start_time'])
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('appointment_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.patient_id').onDelete('restrict'))
    .addColumn('availability_id', 'integer', (c) =>
      c.notNull().references('doctor_availability.availability_id').onDelete('restrict'),
    )
    .addColumn('appointment_date', 'text', (c) => c.notNull().check(dateCheck('appointment_date')))
    .addColumn('appointment_time', 'text', (c) => c.notNull().check(timeCheck('appointment_time')))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(oneOf('status', APPOINTMENT_STATUSES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The rule that makes double booking impossible: one active appointment per slot.
  await db.schema
    .createIndex('appointments_one_active_per_slot')
    .on('appointments')
    .column('availability_id')
    .unique()
    .where(sql.ref('status'), 'not in', ['cancelled', 'no_show'])
    .execute();
  await db.schema
    .createIndex('appointments_patient')
    .on('appointments')
    .columns(['patient_id', 'appointment_date'])
    .execute();
  await db.schema
    .createIndex('appointments_doctor_date')
    .on('appointments')
    .columns(['doctor_id', 'appointment_date'])
    .execute();

  await db.schema
    .createTable('appointment_reschedules')
    .addColumn('reschedule_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('old_date', 'text', (c) => c.notNull().check(dateCheck('old_date')))
    .addColumn('old_time', 'text', (c) => c.notNull().check(timeCheck('old_time')))
    .addColumn('new_date', 'text', (c) => c.notNull().check(dateCheck('new_date')))
    .addColumn('new_time', 'text', (c) => c.notNull().check(timeCheck('new_time')))
    .addColumn('reason', 'text')
    .addColumn('rescheduled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reschedules_appointment')
    .on('appointment_reschedules')
    .column('appointment_id')
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('payment_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().unique().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('amount', 'real', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`amount >= 0`),
    )
    .addColumn('payment_method', 'text', (c) =>
      c.check(sql`payment_method IS NULL OR ${oneOf('payment_method', PAYMENT_METHODS)}`),
    )
    .addColumn('payment_status', 'text', (c) =>
      c.notNull().defaultTo('unpaid').check(oneOf('payment_status', PAYMENT_STATUSES)),
    )
    .addColumn('transaction_date', 'text')
    .execute();

  await db.schema
    .createTable('chats')
    .addColumn('chat_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('doctor_id', 'integer', (c) => c.notNull().references('doctors.doctor_id').onDelete('restrict'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.patient_id').onDelete('restrict'))
    .addColumn('last_message', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('chats_one_per_pair', ['doctor_id', 'patient_id'])
    .execute();
  await db.schema.createIndex('chats_updated').on('chats').column('updated_at').execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('message_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('chat_id', 'integer', (c) => c.notNull().references('chats.chat_id').onDelete('restrict'))
    .addColumn('sender_id', 'integer', (c) => c.notNull().references('users.user_id').onDelete('restrict'))
    .addColumn('message_text', 'text', (c) =>
      c.notNull().check(sql`length(message_text) >= 1 AND length(message_text) <= 4000`),
    )
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_messages_chat').on('chat_messages').columns(['chat_id', 'message_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'chat_messages',
    'chats',
    'payments',
    'appointment_reschedules',
    'appointments',
    'doctor_availability',
    'doctors',
    'patients',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
