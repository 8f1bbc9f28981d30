import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';

// Frozen once landed. Sessions live in each app core's memory, but whether one is still valid
// is the database's to say, so that every process and PC sees a revocation: each session
// remembers its user's session_epoch, and any change of the user's role, status (deactivated,
// locked, reactivated) or password hash moves the epoch on, ending every session made before.
// A trigger does the bump, in the same statement as the change, so no code path (the app, the
// CLI, a hand-run UPDATE) can change who someone is without ending their sessions.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('session_epoch', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isSqlite(db)) {
    // SQLite cannot assign NEW in a BEFORE trigger; recursive triggers are off, and the inner
    // UPDATE touches only session_epoch, so it does not fire this trigger again anyway.
    await sql`CREATE TRIGGER users_session_epoch AFTER UPDATE OF role, status, password_hash ON users
      WHEN OLD.role IS NOT NEW.role OR OLD.status IS NOT NEW.status OR OLD.password_hash IS NOT NEW.password_hash
      BEGIN UPDATE users SET session_epoch = OLD.session_epoch + 1 WHERE user_id = NEW.user_id; END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION users_session_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.session_epoch := OLD.session_epoch + 1; RETURN NEW; END $$`.execute(db);
  await sql`CREATE TRIGGER users_session_epoch BEFORE UPDATE ON users FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION users_session_epoch()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS users_session_epoch${isSqlite(db) ? sql`` : sql` ON users`}`.execute(db);
  if (!isSqlite(db)) await sql`DROP FUNCTION IF EXISTS users_session_epoch()`.execute(db);
  await db.schema.alterTable('users').dropColumn('session_epoch').execute();
}
