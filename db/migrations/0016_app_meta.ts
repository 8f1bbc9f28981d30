import { sql, type Kysely } from 'kysely';

// Frozen once landed. One row saying which Clinic desk version last migrated this database,
// to which migration, from which PC and when. On a clinic server several PCs share the
// database: a PC with an older app reads it before touching anything and refuses to start
// (main/connection/version-gate.ts), instead of failing inside the migrator. The row is
// written by the app after migrating, not here: a migration does not know the app's version.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('app_version', 'text', (c) => c.notNull().check(sql`length(app_version) > 0`))
    .addColumn('schema_version', 'text', (c) => c.notNull().check(sql`length(schema_version) > 0`))
    .addColumn('migrated_by_host', 'text', (c) => c.notNull())
    .addColumn('migrated_at', 'text', (c) => c.notNull())
    /** The administrator who confirmed a server upgrade (email), null when none was needed. */
    .addColumn('confirmed_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('app_meta').execute();
}
