import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';

// Frozen once landed. Internal messaging: a read marker per user and thread (exact unread
// counts), indexes for the thread list and the unread totals, and chat messages made
// append-only (a message is its own record: it is never edited or deleted).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_read_markers')
    .addColumn('chat_id', 'integer', (c) => c.notNull().references('chats.chat_id').onDelete('restrict'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.user_id').onDelete('restrict'))
    .addColumn('last_read_message_id', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`last_read_message_id >= 0`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_read_markers_pk', ['chat_id', 'user_id'])
    .execute();
  await db.schema.createIndex('chat_read_markers_user').on('chat_read_markers').column('user_id').execute();
  // Thread list of one doctor, newest first; threads of one patient (patient page).
  await db.schema.createIndex('chats_doctor_updated').on('chats').columns(['doctor_id', 'updated_at']).execute();
  await db.schema.createIndex('chats_patient').on('chats').column('patient_id').execute();
  await db.schema.createIndex('chat_messages_sender').on('chat_messages').column('sender_id').execute();

  if (isSqlite(db)) {
    await sql`CREATE TRIGGER chat_messages_no_update BEFORE UPDATE ON chat_messages
      BEGIN SELECT RAISE(ABORT, 'chat messages are append-only'); END`.execute(db);
    await sql`CREATE TRIGGER chat_messages_no_delete BEFORE DELETE ON chat_messages
      BEGIN SELECT RAISE(ABORT, 'chat messages are append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION chat_messages_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'chat messages are append-only' USING ERRCODE = 'check_violation'; END $$`.execute(db);
    await sql`CREATE TRIGGER chat_messages_no_change BEFORE UPDATE OR DELETE ON chat_messages
      FOR EACH ROW EXECUTE FUNCTION chat_messages_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_delete`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_change ON chat_messages`.execute(db);
    await sql`DROP FUNCTION IF EXISTS chat_messages_append_only()`.execute(db);
  }
  for (const index of ['chat_messages_sender', 'chats_patient', 'chats_doctor_updated']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('chat_read_markers').execute();
}
