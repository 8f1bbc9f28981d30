import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileEncryption, openRawSqlite, useDatabaseKey } from '#db/cipher.ts';
import { parseKeyText } from '#db/database-key.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { useKeyKeeper } from '../../main/services/encryption/index.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { startWebServer, type WebServer } from '../../main/web/server.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// First run with encryption on: where a keychain keeps the key (the desktop app; a stand-in
// keeper here), the clinic form has "Encrypt" ticked, the recovery words are shown once, and
// the file written is encrypted and opens with those words.

const SHOTS = resolve(import.meta.dirname, '..', '..', '.tmp', 'setup-encryption');
const kept: string[] = [];
let dir: string;
let dbFile: string;
let core: AppCore;
let server: WebServer;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-e2e-encryption-'));
  dbFile = join(dir, 'clinic.sqlite');
  useKeyKeeper({ keeps: () => true, keep: (key) => kept.push(key) });
  core = await startAppCore({ dbFile, logger: silentLogger });
  server = await startWebServer({ core, rendererDir: resolve(import.meta.dirname, '..', '..', 'out', 'renderer') });
});

test.afterAll(async () => {
  await server.close();
  await core.close();
  useKeyKeeper(null);
  useDatabaseKey(null);
  rmSync(dir, { recursive: true, force: true });
});

test('the first run encrypts the new clinic and shows its recovery words once', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = watchErrors(page);
  await page.goto(server.url);
  // Where the data lives: this computer only (the default), where encryption is offered.
  await page.getByRole('button', { name: 'Continue' }).click();
  const encrypt = page.getByRole('checkbox', { name: /Encrypt the clinic’s data on this computer/ });
  await expect(encrypt).toBeChecked();
  await page.getByLabel('Clinic name').fill('Harbour Street Clinic');
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Email').fill('ada@clinic.test');
  await page.getByLabel('Password', { exact: true }).fill('a-long-password');
  await page.getByLabel('Confirm password').fill('a-long-password');
  await page.screenshot({ path: join(SHOTS, 'clinic-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create clinic' }).click();

  const list = page.getByRole('list', { name: 'Recovery words' });
  await expect(list.getByRole('listitem')).toHaveCount(24);
  const words = await list.getByRole('listitem').allTextContents();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'recovery-words.png'), fullPage: true });
  await page.getByRole('button', { name: 'I have written them down' }).click();
  await expect(page.getByRole('link', { name: 'Admin' })).toBeVisible();

  const parsed = parseKeyText(words.join(' '));
  if (!parsed.ok) throw new Error(parsed.message);
  expect(kept).toEqual([parsed.key]);
  expect(fileEncryption(dbFile)).toBe('encrypted');
  expect(readFileSync(dbFile).includes('Harbour Street Clinic')).toBe(false);
  expect(existsSync(`${dbFile}-wal`) && readFileSync(`${dbFile}-wal`).includes('Harbour Street Clinic')).toBe(false);
  const conn = openRawSqlite(dbFile, { readonly: true, fileMustExist: true }, parsed.key);
  try {
    expect(conn.prepare("SELECT count(*) AS n FROM users WHERE email = 'ada@clinic.test'").get()).toEqual({ n: 1 });
  } finally {
    conn.close();
  }
  expect(errors).toEqual([]);
});
