import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '#db/postgres.ts';
import { LATEST_MIGRATION, migrateTo, MIGRATIONS } from '#db/migrate.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import {
  ServerNewerError,
  UpgradeNeedsConfirmationError,
  type UpgradeConfirmation,
} from '../../main/connection/version-gate.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { createTestClock } from '../support/clock.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';
import { ADMIN_PASSWORD } from '../support/test-app.ts';

// Several PCs on one clinic server, updated one by one. The server remembers which app version
// last migrated it, from which PC and when: an older PC is refused with a sentence naming them
// and writes nothing; a newer PC does not migrate a server holding a clinic until an
// administrator confirms it on that PC.

const ADMIN = 'ada@clinic.test';
const clock = createTestClock(new Date('2026-11-26T10:00:00.000Z'));
let server: PgTestDatabase;
const open: AppCore[] = [];

function core(appVersion: string, hostName: string, upgrade?: UpgradeConfirmation): Promise<AppCore> {
  return startAppCore({ databaseUrl: server.url, clock, logger: silentLogger, appVersion, hostName, upgrade }).then(
    (c) => {
      open.push(c);
      return c;
    },
  );
}

/** Everything a refused start could have touched: every table's rows, the migrations, the stamp. */
async function snapshot(): Promise<string> {
  const handle = openPostgres(server.url, { max: 1 });
  try {
    const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(handle.db);
    const parts: string[] = [];
    for (const { name } of rows) {
      const all = await sql`SELECT * FROM ${sql.table(name)}`.execute(handle.db);
      parts.push(`${name}: ${JSON.stringify(all.rows.map((r) => JSON.stringify(r)).sort())}`);
    }
    return parts.join('\n');
  } finally {
    await handle.close();
  }
}

const PREVIOUS_RELEASE = '0015_canonical_time_zone';
const SINCE_PREVIOUS_RELEASE = Object.keys(MIGRATIONS).filter((name) => name > PREVIOUS_RELEASE);

/** A server set up by the release before the gate: migrated to 0015, a clinic and its admin. */
async function serverOfPreviousRelease(): Promise<void> {
  const first = await core('1.0.0', 'DESK-OLD');
  const setUp = await first.dispatcher.dispatch('k', 'setup.complete', {
    clinicName: 'Test Clinic',
    clinicAddress: '1 Main Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: 'Ada Admin',
    adminEmail: ADMIN,
    adminPassword: ADMIN_PASSWORD,
  });
  expect(setUp.ok).toBe(true);
  await migrateTo(first.database.db, PREVIOUS_RELEASE);
  await first.close();
  open.splice(open.indexOf(first), 1);
}

beforeEach(async () => {
  server = await createEmptyPgDatabase();
  await serverOfPreviousRelease();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.drop();
});

describe('version gate on a clinic server', () => {
  it('holds a newer PC until an administrator confirms, then records its version, PC and time', async () => {
    const before = await snapshot();
    const held = await core('2.0.0', 'DESK-A').catch((e: unknown) => e);
    expect(held).toBeInstanceOf(UpgradeNeedsConfirmationError);
    expect(held).toMatchObject({ appVersion: '2.0.0', pendingMigrations: SINCE_PREVIOUS_RELEASE });
    expect((held as Error).message).toMatch(/fresh backup/);
    const wrong = await core('2.0.0', 'DESK-A', { email: ADMIN, password: 'not-the-password' }).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await snapshot()).toBe(before);

    const a = await core('2.0.0', 'DESK-A', { email: ADMIN, password: ADMIN_PASSWORD });
    const stamp = await a.database.db.selectFrom('app_meta').selectAll().executeTakeFirstOrThrow();
    expect(stamp).toEqual({
      id: 1,
      app_version: '2.0.0',
      schema_version: LATEST_MIGRATION,
      migrated_by_host: 'DESK-A',
      migrated_at: '2026-11-26T10:00:00.000Z',
      confirmed_by: ADMIN,
    });
  });

  it('refuses an older PC with the versions, PC and date, and it writes nothing', async () => {
    await core('2.0.0', 'DESK-A', { email: ADMIN, password: ADMIN_PASSWORD });
    const before = await snapshot();
    const refused = await core('1.0.0', 'DESK-B').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServerNewerError);
    expect((refused as Error).message).toBe(
      "This PC runs Clinic desk 1.0.0; the clinic's server was updated to 2.0.0 by DESK-A on 2026-11-26. Update this PC.",
    );
    expect(refused).toMatchObject({
      serverVersion: '2.0.0',
      updatedBy: 'DESK-A',
      updatedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(await snapshot()).toBe(before);
    // A PC on the same version starts without asking again, and leaves the stamp as it was.
    await core('2.0.0', 'DESK-C');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a PC that does not know a migration the server ran', async () => {
    await core('2.0.0', 'DESK-A', { email: ADMIN, password: ADMIN_PASSWORD });
    const handle = openPostgres(server.url, { max: 1 });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0099_future', 'x')`.execute(handle.db);
    await handle.close();
    const before = await snapshot();
    const refused = await core('2.0.0', 'DESK-B').catch((e: unknown) => e);
    expect(refused).toMatchObject({ unknownMigrations: ['0099_future'] });
    expect((refused as Error).message).toMatch(/updated to 2\.0\.0 by DESK-A on 2026-11-26\. Update this PC\.$/);
    expect(await snapshot()).toBe(before);
  });
});
