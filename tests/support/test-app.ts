import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '#db/connection-any.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';
import { createTestClock, type TestClock } from './clock.ts';
import { pgSyncRaw } from './pg-raw.ts';
import { createPgTestDatabase, testDialect } from './pg-test-db.ts';

export const ADMIN_PASSWORD = 'admin-password-123';
export const STAFF_PASSWORD = 'staff-password-123';

export interface TestApp {
  core: AppCore;
  clock: TestClock;
  /** The SQLite file, or in the PostgreSQL project (CLINIC_TEST_DIALECT=postgres) the database URL. */
  dbFile: string;
  call<C extends ChannelName>(clientKey: string, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Calls and asserts success, returning the value. */
  ok<C extends ChannelName>(clientKey: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

interface TestDatabase {
  dbFile: string;
  core: AppCore;
  remove(): Promise<void>;
}

async function openTestDatabase(clock: TestClock): Promise<TestDatabase> {
  if (testDialect() === 'postgres') {
    const pg = await createPgTestDatabase();
    const database = await openDatabase({ url: pg.url });
    // The tests' synchronous raw reads go to a worker thread (tests/support/pg-raw.ts).
    const sync = pgSyncRaw(pg.url);
    Object.defineProperty(database, 'raw', { value: sync.raw });
    const core = await startAppCore({ database, clock, logger: silentLogger });
    return {
      dbFile: pg.url,
      core,
      remove: async () => {
        await sync.close();
        await pg.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'clinic-test-'));
  const dbFile = join(dir, 'clinic.sqlite');
  const core = await startAppCore({ dbFile, clock, logger: silentLogger });
  return { dbFile, core, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A real app core on a real SQLite file in a temp folder (or, in the PostgreSQL project, a
 * fresh PostgreSQL database), with a test clock.
 */
export async function createTestApp(): Promise<TestApp> {
  const clock = createTestClock();
  const { dbFile, core, remove } = await openTestDatabase(clock);
  const call = <C extends ChannelName>(key: string, channel: C, input: ChannelInput<C>) =>
    core.dispatcher.dispatch(key, channel, input) as Promise<Result<ChannelOutput<C>>>;
  return {
    core,
    clock,
    dbFile,
    call,
    async ok(key, channel, input) {
      const result = await call(key, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async close() {
      await core.close();
      await remove();
    },
  };
}

export const ADMIN_KEY = 'test:admin';

/** First-run setup through the real channel; leaves the admin signed in on ADMIN_KEY. */
export async function setUpClinic(app: TestApp): Promise<void> {
  await app.ok(ADMIN_KEY, 'setup.complete', {
    clinicName: 'Test Clinic',
    clinicAddress: '1 Main Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: 'Ada Admin',
    adminEmail: 'ada@clinic.test',
    adminPassword: ADMIN_PASSWORD,
  });
}

let counter = 0;

/** Creates a staff user of the role through the admin channel and signs them in on a new key. */
export async function signInNew(
  app: TestApp,
  role: StaffRole,
  name = `${role} ${++counter}`,
): Promise<{ key: string; userId: number; email: string }> {
  const email = `${role}${++counter}@clinic.test`;
  const base = { name, email, password: STAFF_PASSWORD };
  const user =
    role === 'doctor'
      ? await app.ok(ADMIN_KEY, 'users.create', {
          ...base,
          role,
          doctor: { specialization: 'General practice', experienceYears: 4, consultationFee: 30, isAvailable: true },
        })
      : await app.ok(ADMIN_KEY, 'users.create', { ...base, role });
  const key = `test:${role}:${counter}`;
  await app.ok(key, 'auth.signIn', { email, password: STAFF_PASSWORD });
  return { key, userId: user.userId, email };
}

/** Row counts of every table, to prove a refused call wrote nothing. */
export async function tableCounts(app: TestApp): Promise<Record<string, number>> {
  if (app.core.database.kind === 'postgres') {
    const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'`.execute(
      app.core.database.db,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(
        app.core.database.db,
      );
      counts[name] = result.rows[0]?.n ?? 0;
    }
    return counts;
  }
  const tables = app.core.database.raw
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
    )
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (app.core.database.raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}
