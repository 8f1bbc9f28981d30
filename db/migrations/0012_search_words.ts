import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';

// Frozen once landed. Patient names by word, so a name typed in any word order ("smith joh")
// is answered by word prefixes instead of the trigram index of 0005: a trigram search for two
// words reads the long lists of every three letters of both (tens of milliseconds at a million
// patients when the hits are few). Accents fold ("hernandez" finds Hernández). Kept by triggers
// like the trigram table. PostgreSQL needs nothing: its trigram GIN index (0005) answers
// several words as one bitmap AND.

const NAME = `(SELECT u.name FROM users u WHERE u.user_id = NEW.patient_id)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  // Prefix indexes of one to three letters: a typed word prefix reads one list, not a merge
  // of every name word it starts.
  await sql`CREATE VIRTUAL TABLE patient_search_words USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`.execute(
    db,
  );
  await sql`INSERT INTO patient_search_words (rowid, name)
    SELECT u.user_id, u.name FROM users u JOIN patients p ON p.patient_id = u.user_id`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER patient_search_words_insert AFTER INSERT ON patients BEGIN
         INSERT INTO patient_search_words (rowid, name) VALUES (NEW.patient_id, ${NAME});
       END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER patient_search_words_update AFTER UPDATE OF name ON users WHEN NEW.role = 'patient' BEGIN
         DELETE FROM patient_search_words WHERE rowid = NEW.user_id;
         INSERT INTO patient_search_words (rowid, name)
           SELECT NEW.user_id, NEW.name WHERE EXISTS (SELECT 1 FROM patients p WHERE p.patient_id = NEW.user_id);
       END`,
    )
    .execute(db);
  await sql`CREATE TRIGGER patient_search_words_delete AFTER DELETE ON patients BEGIN
      DELETE FROM patient_search_words WHERE rowid = OLD.patient_id;
    END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const trigger of ['patient_search_words_insert', 'patient_search_words_update', 'patient_search_words_delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS patient_search_words`.execute(db);
}
