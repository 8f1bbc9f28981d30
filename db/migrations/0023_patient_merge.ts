import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';

// Frozen once landed. Merging duplicate patients: the merged-away record stays as a tombstone
// pointing at the kept one, and each merge keeps what an admin's undo needs (both records as
// they were, which rows moved, a fingerprint of everything it touched right after the merge).
// Chat messages stay append-only in content; a message may change thread only between two
// threads of one doctor whose patients a live merge links (joining, and undoing a join).

/** SQLite: the old thread `o` and new thread `n` belong to one doctor and a live merge links their patients. */
const LINKED_THREADS = `EXISTS (SELECT 1 FROM chats o JOIN chats n ON n.doctor_id = o.doctor_id
    JOIN patient_merges pm ON pm.undone_at IS NULL
      AND ((pm.kept_patient_id = n.patient_id AND pm.merged_patient_id = o.patient_id)
        OR (pm.kept_patient_id = o.patient_id AND pm.merged_patient_id = n.patient_id))
    WHERE o.chat_id = OLD.chat_id AND n.chat_id = NEW.chat_id)`;

/** The tables whose rows point at a patient directly: none may point at a tombstone. */
const PATIENT_ROWS = ['appointments', 'waitlist', 'chats', 'appointment_series'] as const;
const TOMBSTONE_REFUSAL = 'that patient was merged into another record';

const SAME_CONTENT = `NEW.message_id = OLD.message_id AND NEW.sender_id = OLD.sender_id
    AND NEW.message_text = OLD.message_text AND NEW.sent_at = OLD.sent_at`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('patients')
    .addColumn('merged_into_patient_id', 'integer', (c) =>
      c
        .references('patients.patient_id')
        .onDelete('restrict')
        .check(sql`merged_into_patient_id IS NULL OR merged_into_patient_id <> patient_id`),
    )
    .execute();
  await db.schema
    .createIndex('patients_merged_into')
    .on('patients')
    .column('merged_into_patient_id')
    .where(sql.ref('merged_into_patient_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('patient_merges')
    .addColumn('merge_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kept_patient_id', 'integer', (c) => c.notNull().references('patients.patient_id').onDelete('restrict'))
    .addColumn('merged_patient_id', 'integer', (c) =>
      c.notNull().references('patients.patient_id').onDelete('restrict'),
    )
    .addColumn('merged_by', 'integer', (c) => c.notNull().references('users.user_id').onDelete('restrict'))
    .addColumn('merged_at', 'text', (c) => c.notNull())
    /** The users and patients rows of each record as they were before the merge. */
    .addColumn('kept_before_json', 'text', (c) => c.notNull())
    .addColumn('merged_before_json', 'text', (c) => c.notNull())
    /** The ids moved per table, and the before-images of joined threads and their read markers. */
    .addColumn('moved_json', 'text', (c) => c.notNull())
    /** Fingerprints of every row the merge touched, as it left them: undo refuses when one differs. */
    .addColumn('after_digest', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addCheckConstraint('patient_merges_two_records', sql`kept_patient_id <> merged_patient_id`)
    .addCheckConstraint('patient_merges_undone_by_whom', sql`(undone_at IS NULL) = (undone_by IS NULL)`)
    .execute();
  // A record is merged away at most once at a time.
  await db.schema
    .createIndex('patient_merges_one_live')
    .on('patient_merges')
    .column('merged_patient_id')
    .unique()
    .where(sql.ref('undone_at'), 'is', null)
    .execute();
  await db.schema.createIndex('patient_merges_kept').on('patient_merges').column('kept_patient_id').execute();

  await refuseTombstoneRows(db);
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_update`.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER chat_messages_no_update BEFORE UPDATE ON chat_messages
         WHEN NOT (${SAME_CONTENT} AND ${LINKED_THREADS})
         BEGIN SELECT RAISE(ABORT, 'chat messages are append-only'); END`,
      )
      .execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_change ON chat_messages`.execute(db);
    await sql
      .raw(
        `CREATE FUNCTION chat_messages_content_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'UPDATE' AND ${SAME_CONTENT} AND ${LINKED_THREADS} THEN RETURN NEW; END IF;
           RAISE EXCEPTION 'chat messages are append-only' USING ERRCODE = 'check_violation';
         END $$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER chat_messages_no_change BEFORE UPDATE OR DELETE ON chat_messages
      FOR EACH ROW EXECUTE FUNCTION chat_messages_content_fixed()`.execute(db);
  }
}

/** A booking, waitlist entry, thread or series for a merged-away record (a stale screen) is refused. */
async function refuseTombstoneRows(db: Kysely<unknown>): Promise<void> {
  const merged = `(SELECT merged_into_patient_id FROM patients WHERE patient_id = NEW.patient_id) IS NOT NULL`;
  if (isSqlite(db)) {
    for (const table of PATIENT_ROWS) {
      for (const [event, name] of [
        ['INSERT', 'insert'],
        ['UPDATE OF patient_id', 'update'],
      ] as const) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_live_patient_${name} BEFORE ${event} ON ${table} WHEN ${merged}
             BEGIN SELECT RAISE(ABORT, '${TOMBSTONE_REFUSAL}'); END`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION refuse_merged_patient() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF ${merged} THEN RAISE EXCEPTION '${TOMBSTONE_REFUSAL}'; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  for (const table of PATIENT_ROWS) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_live_patient BEFORE INSERT OR UPDATE OF patient_id ON ${table}
         FOR EACH ROW EXECUTE FUNCTION refuse_merged_patient()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of PATIENT_ROWS) {
    if (isSqlite(db)) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_live_patient_insert`).execute(db);
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_live_patient_update`).execute(db);
    } else {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_live_patient ON ${table}`).execute(db);
    }
  }
  if (!isSqlite(db)) await sql`DROP FUNCTION IF EXISTS refuse_merged_patient()`.execute(db);
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_update`.execute(db);
    await sql`CREATE TRIGGER chat_messages_no_update BEFORE UPDATE ON chat_messages
      BEGIN SELECT RAISE(ABORT, 'chat messages are append-only'); END`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS chat_messages_no_change ON chat_messages`.execute(db);
    await sql`DROP FUNCTION IF EXISTS chat_messages_content_fixed()`.execute(db);
    await sql`CREATE TRIGGER chat_messages_no_change BEFORE UPDATE OR DELETE ON chat_messages
      FOR EACH ROW EXECUTE FUNCTION chat_messages_append_only()`.execute(db);
  }
  await db.schema.dropTable('patient_merges').execute();
  await db.schema.dropIndex('patients_merged_into').execute();
  await db.schema.alterTable('patients').dropColumn('merged_into_patient_id').execute();
}
