import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { findPgBin, startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { createMemoryConnectionStore } from '../../main/connection/store.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { startWebServer, type WebServer } from '../../main/web/server.ts';
import { expect, test, watchErrors } from './fixtures.ts';
import { expectNoSeriousA11yViolations } from './desk-helpers.ts';

// First run in the web shell, choosing the clinic server: a wrong port is said under Port,
// Test connection reports the empty database, Use this server moves the app onto it, and the
// clinic created next lives on the server. Uses CLINIC_TEST_PG_URL, or starts a throwaway
// cluster (scripts/pg-cluster.ts) when PostgreSQL 15+ is installed.

const SHOTS = resolve(import.meta.dirname, '..', '..', '.tmp', 'setup-server');

let dir: string;
let core: AppCore;
let server: WebServer;
let cluster: PgCluster | null = null;
let serverUrl: URL;

function deadPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

test.beforeAll(async () => {
  const given = process.env.CLINIC_TEST_PG_URL;
  if (given) {
    serverUrl = new URL(given);
  } else {
    const bin = findPgBin();
    if (!bin) throw new Error('PostgreSQL 15+ is not installed and CLINIC_TEST_PG_URL is not set.');
    cluster = await startPgCluster(bin);
    serverUrl = new URL(cluster.url);
  }
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS clinic_e2e_setup WITH (FORCE)');
  await admin.query('CREATE DATABASE clinic_e2e_setup');
  await admin.end();
  dir = mkdtempSync(join(tmpdir(), 'clinic-e2e-setup-'));
  const localFile = join(dir, 'clinic.sqlite');
  core = await startAppCore({
    dbFile: localFile,
    logger: silentLogger,
    connection: { store: createMemoryConnectionStore(), localFile },
  });
  server = await startWebServer({ core, rendererDir: resolve(import.meta.dirname, '..', '..', 'out', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS clinic_e2e_setup WITH (FORCE)');
  await admin.end();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('first run on the clinic server', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(server.url);
  const thisComputer = page.getByRole('radio', { name: /This computer only/ });
  await expect(thisComputer).toBeFocused();
  await page.screenshot({ path: join(SHOTS, '1-choice.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'choice');

  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Clinic server/ })).toBeChecked();
  await page.getByLabel('Server name or address').fill(serverUrl.hostname);
  await page.getByLabel('Port').fill(String(await deadPort()));
  await page.getByLabel('Database', { exact: true }).fill('clinic_e2e_setup');
  await page.getByLabel('Database user').fill(decodeURIComponent(serverUrl.username));
  await page.getByLabel('Password').fill(decodeURIComponent(serverUrl.password));
  await page.getByLabel('Encrypt the connection (TLS)').uncheck();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/Nothing answers on port/)).toBeVisible();
  await expect(page.getByLabel('Port')).toBeFocused();
  await page.screenshot({ path: join(SHOTS, '2-port-error.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'server form with an error');

  await page.getByLabel('Port').fill(serverUrl.port);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Connected to PostgreSQL \d+\.\d+ — the database is empty\.$/);
  await page.screenshot({ path: join(SHOTS, '3-connected.png'), fullPage: true });

  await page.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByLabel('Clinic name')).toBeFocused();
  await expect(page.getByText(/Data: on the clinic server clinic_e2e_setup @/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, '4-clinic-form.png'), fullPage: true });
  expect(core.database.kind).toBe('postgres');

  await page.getByLabel('Clinic name').fill('Harbour Street Clinic');
  await page.getByLabel('Your name').fill('Grace Hopper');
  await page.getByLabel('Email').fill('grace@clinic.test');
  await page.getByLabel('Password', { exact: true }).fill('admin-password-123');
  await page.getByLabel('Confirm password').fill('admin-password-123');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Front desk', level: 1 })).toBeVisible();

  const check = new pg.Client({
    connectionString: Object.assign(new URL(serverUrl), { pathname: '/clinic_e2e_setup' }).toString(),
  });
  await check.connect();
  const { rows } = await check.query('SELECT clinic_name FROM settings');
  await check.end();
  expect(rows).toEqual([{ clinic_name: 'Harbour Street Clinic' }]);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
