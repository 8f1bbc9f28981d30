import { sql, type Kysely } from 'kysely';

// Frozen. What sign-in and form editing need on users: lockout state and a version for
// optimistic concurrency.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('users').addColumn('updated_at', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('failed_login_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`failed_login_count >= 0`),
    )
    .execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['locked_until', 'failed_login_count', 'updated_at', 'version']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
