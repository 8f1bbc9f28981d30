import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createMigrator, LATEST_MIGRATION } from '#db/migrate.ts';
import { openPostgres } from '#db/postgres.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { startFromChoice } from '../../main/connection/startup.ts';
import { createMemoryConnectionStore } from '../../main/connection/store.ts';
import { createStartHoldDesk, type StartHoldDesk } from '../../main/connection/start-hold.ts';
import { ServerNewerError } from '../../main/connection/version-gate.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { startWebServer } from '../../main/web/server.ts';
import { startWebShell } from '../../main/web/web-start.ts';
import { fakeRendererDir, pageCaller } from '../support/web-shell.ts';
import { createTestClock } from '../support/clock.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';
import { ADMIN_PASSWORD } from '../support/test-app.ts';

// The held start as the window sees it, with two app cores on one clinic server: PC A runs a
// newer app, opens on the confirmation screen (the only channels that answer), an administrator
// confirms there, and the server is migrated; PC B, still on the old app, is then refused.

const ADMIN = 'ada@clinic.test';
const clock = createTestClock(new Date('2026-12-07T09:00:00.000Z'));
const dirs: string[] = [];
const open: AppCore[] = [];
let server: PgTestDatabase;

afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeEach(async () => {
  server = await createEmptyPgDatabase();
  // PC B set the clinic up with the previous release (one migration behind this app).
  const first = await startAppCore({
    databaseUrl: server.url,
    logger: silentLogger,
    clock,
    appVersion: '1.0.0',
    hostName: 'DESK-B',
  });
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
  expect((await createMigrator(first.database.db).migrateDown()).error).toBeUndefined();
  await first.close();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.drop();
});

/** PC A's start with the hold desk as its window; the desk is settled the way main/index.ts does. */
function startHeld(desk: StartHoldDesk): Promise<AppCore | null> {
  const userData = mkdtempSync(join(tmpdir(), 'clinic-hold-'));
  dirs.push(userData);
  return startFromChoice({
    userData,
    store: createMemoryConnectionStore(),
    env: { CLINIC_DATABASE_URL: server.url },
    onServerUnreachable: () => Promise.resolve(false),
    onUpgradeNeedsConfirmation: desk.askUpgrade,
    core: { logger: silentLogger, clock, appVersion: '2.0.0', hostName: 'DESK-A' },
  }).then(
    (core) => {
      if (core) open.push(core);
      desk.settle({ started: true });
      return core;
    },
    (error: unknown) => {
      desk.settle({ failed: (error as Error).message });
      throw error;
    },
  );
}

/** Waits until the held start has asked (the gate ran on the server). */
async function heldView(desk: StartHoldDesk): Promise<unknown> {
  for (let i = 0; i < 200; i += 1) {
    const answer = await desk.dispatch('w', 'setup.upgradeHold', {});
    if (answer.ok && answer.value !== null) return answer.value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The start never asked for a confirmation.');
}

describe('confirming a server update on the held PC', () => {
  it('shows the hold, refuses a wrong password, migrates after the admin confirms, then refuses the old PC', async () => {
    const desk = createStartHoldDesk();
    const started = startHeld(desk);
    expect(await heldView(desk)).toEqual({
      appVersion: '2.0.0',
      serverVersion: '1.0.0',
      message: expect.stringMatching(
        /^This PC runs Clinic desk 2\.0\.0, newer than the clinic's server \(last updated to 1\.0\.0 by DESK-B on 2026-12-07\)\. .*fresh backup/,
      ),
    });
    // Nothing else answers while held.
    expect(await desk.dispatch('w', 'auth.session', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await desk.dispatch('w', 'setup.confirmUpgrade', { email: ADMIN })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: expect.any(String) } },
    });

    const wrong = await desk.dispatch('w', 'setup.confirmUpgrade', { email: ADMIN, password: 'not-the-password' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', fields: { password: expect.any(String) } },
    });
    const right = await desk.dispatch('w', 'setup.confirmUpgrade', { email: ADMIN, password: ADMIN_PASSWORD });
    expect(right).toEqual({ ok: true, value: { done: true } });

    const pcA = await started;
    expect(pcA).not.toBeNull();
    const stamp = await pcA!.database.db.selectFrom('app_meta').selectAll().executeTakeFirstOrThrow();
    expect(stamp).toMatchObject({ app_version: '2.0.0', migrated_by_host: 'DESK-A', confirmed_by: ADMIN });
    expect(await desk.dispatch('w', 'setup.upgradeHold', {})).toEqual({ ok: true, value: null });
    // The real core now answers the window, and says there is nothing to confirm.
    expect(await pcA!.dispatcher.dispatch('w', 'setup.upgradeHold', {})).toEqual({ ok: true, value: null });
    expect(
      await pcA!.dispatcher.dispatch('w', 'setup.confirmUpgrade', { email: ADMIN, password: ADMIN_PASSWORD }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const pcB = await startAppCore({
      databaseUrl: server.url,
      logger: silentLogger,
      appVersion: '1.0.0',
      hostName: 'DESK-B',
    }).catch((e: unknown) => e);
    expect(pcB).toBeInstanceOf(ServerNewerError);
    expect((pcB as Error).message).toBe(
      "This PC runs Clinic desk 1.0.0; the clinic's server was updated to 2.0.0 by DESK-A on 2026-12-07. Update this PC.",
    );
  });

  it('quits without touching the server when the held window is closed', async () => {
    const desk = createStartHoldDesk();
    const started = startHeld(desk);
    await heldView(desk);
    desk.cancel();
    expect(await started).toBeNull();
    const handle = openPostgres(server.url, { max: 1 });
    try {
      const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(handle.db);
      expect(rows.map((r) => r.name)).not.toContain(LATEST_MIGRATION);
    } finally {
      await handle.close();
    }
  });
});

describe('confirming a server update in the web shell', () => {
  it("serves the confirmation screen's calls at the address it announced, then the app on the same page", async () => {
    const rendererDir = fakeRendererDir();
    dirs.push(rendererDir);
    const announced: string[] = [];
    const started = startWebShell({
      start: (upgrade) =>
        startAppCore({
          databaseUrl: server.url,
          logger: silentLogger,
          clock,
          appVersion: '2.0.0',
          hostName: 'DESK-A',
          ...(upgrade ? { upgrade } : {}),
        }),
      listen: (core) => startWebServer({ core, rendererDir }),
      where: 'the clinic server',
      logger: silentLogger,
      clock,
      onHeld: (url) => void announced.push(url),
    });
    await vi.waitFor(() => expect(announced).toHaveLength(1), { timeout: 10_000 });
    const call = await pageCaller(announced[0] as string);

    expect(await call('setup.upgradeHold', {})).toMatchObject({ ok: true, value: { appVersion: '2.0.0' } });
    expect(await call('auth.signIn', { email: ADMIN, password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    expect(await call('setup.confirmUpgrade', { email: ADMIN, password: 'not-the-password' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', fields: { password: expect.any(String) } },
    });
    expect(await call('setup.confirmUpgrade', { email: ADMIN, password: ADMIN_PASSWORD })).toEqual({
      ok: true,
      value: { done: true },
    });

    const shell = await started;
    expect(shell).not.toBeNull();
    open.push(shell!.core);
    try {
      expect(shell!.wasHeld).toBe(true);
      expect(shell!.server.url).toBe(announced[0]);
      // The same page now talks to the app.
      expect(await call('setup.upgradeHold', {})).toEqual({ ok: true, value: null });
      expect(await call('auth.signIn', { email: ADMIN, password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
    } finally {
      await shell!.server.close();
    }
  });
});
