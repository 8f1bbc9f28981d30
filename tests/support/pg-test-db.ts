import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '#db/postgres.ts';
import { MIGRATIONS, migrateToLatest } from '#db/migrate.ts';

// PostgreSQL for the integration tests: the `integration-pg` vitest project sets
// CLINIC_TEST_DIALECT=postgres, and CLINIC_TEST_PG_URL points at a server where the test user
// may create databases (scripts/pg-cluster.ts starts a throwaway one). Each test app gets a
// fresh database, copied from a template migrated once per migration list.

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.CLINIC_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

function serverUrl(): string {
  const url = process.env.CLINIC_TEST_PG_URL;
  if (!url) throw new Error('CLINIC_TEST_PG_URL is not set: run the PostgreSQL tests through scripts/pg-cluster.ts.');
  return url;
}

/** The same server URL with another database name. */
export function databaseUrl(name: string, base = serverUrl()): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

const templateName = (): string =>
  `clinic_tpl_${createHash('sha256').update(Object.keys(MIGRATIONS).join(',')).digest('hex').slice(0, 12)}`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureTemplate(client: pg.Client): Promise<string> {
  const name = templateName();
  // Workers of one run race to build it: one builds, the others wait on the lock.
  await client.query('SELECT pg_advisory_lock(424242)');
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      const handle = openPostgres(databaseUrl(name), { max: 1 });
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(424242)');
  }
  return name;
}

export interface PgTestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty clinic database. */
export async function createPgTestDatabase(): Promise<PgTestDatabase> {
  const name = `clinic_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    const template = await ensureTemplate(client);
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
        return;
      } catch (error) {
        // "source database is being accessed by other users": another copy is in progress.
        if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database with nothing in it (for the migrations and the move to a server). */
export async function createEmptyPgDatabase(): Promise<PgTestDatabase> {
  const name = `clinic_e_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
