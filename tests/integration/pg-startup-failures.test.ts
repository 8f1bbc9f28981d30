import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMigrator } from '#db/migrate.ts';
import { startAppCore } from '../../main/app-core.ts';
import { StartupError } from '../../main/connection/start-failure.ts';
import { startFromChoice } from '../../main/connection/startup.ts';
import { createMemoryConnectionStore } from '../../main/connection/store.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { ADMIN_PASSWORD } from '../support/test-app.ts';

// The desktop start on a clinic server: a refused database password is said as such (no
// "unreachable", no retry loop) with the server's answer in the log; an update held for an
// administrator is asked on this PC, again after a wrong password, and then goes ahead.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const userData = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-pgstart-'));
  dirs.push(dir);
  return dir;
};

let server: PgTestDatabase;
beforeEach(async () => {
  server = await createEmptyPgDatabase();
});
afterEach(async () => {
  await server.drop();
});

describe('desktop start on a clinic server', () => {
  it('reports a refused password as a sign-in failure, not as an unreachable server', async () => {
    const url = new URL(server.url);
    url.password = 'wrong-password-xyz';
    const logger = recordingLogger();
    const onServerUnreachable = vi.fn(async () => true);
    const error = await startFromChoice({
      userData: userData(),
      store: createMemoryConnectionStore(),
      env: { CLINIC_DATABASE_URL: url.toString() },
      onServerUnreachable,
      core: { logger },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/refused this PC’s database user/) });
    expect(onServerUnreachable).not.toHaveBeenCalled();
    expect(logger.text()).toMatch(/"code":"28P01"/);
    expect(logger.text()).not.toContain('wrong-password-xyz');
  });

  it('asks an administrator to confirm a held update, again after a wrong password', async () => {
    // A clinic on the release before the gate (0015).
    const first = await startAppCore({ databaseUrl: server.url, logger: silentLogger, appVersion: '1.0.0' });
    await first.dispatcher.dispatch('k', 'setup.complete', {
      clinicName: 'Test Clinic',
      clinicAddress: '1 Main Street',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Ada Admin',
      adminEmail: 'ada@clinic.test',
      adminPassword: ADMIN_PASSWORD,
    });
    expect((await createMigrator(first.database.db).migrateDown()).error).toBeUndefined();
    await first.close();

    const answers = [
      { email: 'ada@clinic.test', password: 'guess' },
      { email: 'ada@clinic.test', password: ADMIN_PASSWORD },
    ];
    const problems: (string | null)[] = [];
    const onUpgradeNeedsConfirmation = vi.fn(async (_hold: unknown, problem: string | null) => {
      problems.push(problem);
      return answers.shift() ?? null;
    });
    const core = await startFromChoice({
      userData: userData(),
      store: createMemoryConnectionStore(),
      env: { CLINIC_DATABASE_URL: server.url },
      onServerUnreachable: async () => false,
      onUpgradeNeedsConfirmation,
      core: { logger: silentLogger, appVersion: '2.0.0', hostName: 'DESK-A' },
    });
    expect(core).not.toBeNull();
    expect(onUpgradeNeedsConfirmation).toHaveBeenCalledTimes(2);
    expect(problems).toEqual([null, expect.stringMatching(/do not match an active administrator/)]);
    const stamp = await core?.database.db.selectFrom('app_meta').selectAll().executeTakeFirst();
    expect(stamp).toMatchObject({ app_version: '2.0.0', migrated_by_host: 'DESK-A', confirmed_by: 'ada@clinic.test' });
    await core?.close();
  });
});
