import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, watchErrors } from './fixtures.ts';
import { ADMIN, dispatch, RECEPTIONIST, signIn, signOut } from './schedule-helpers.ts';

// Admin operations on the real web shell: set the backup folder, back up now (progress bar,
// then a verified row in the list), the home-screen warning before the first backup, and the
// audit viewer with a filter.

const SHOTS = '.tmp/screenshots';
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const folder = mkdtempSync(join(tmpdir(), 'clinic-e2e-backups-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  await dispatch(core, 'setup.complete', {
    clinicName: 'Harbour Street Clinic',
    clinicAddress: '1 Harbour Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: ADMIN.name,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  await dispatch(core, 'users.create', { ...RECEPTIONIST, role: 'receptionist', phone: '' });
});

test('every desk is warned before the first verified backup', async ({ page, clinic }) => {
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/front-desk`);
  await expect(page.getByText('No verified backup has been made yet.')).toBeVisible();
  await signOut(page);
});

test('an admin sets the folder, backs up now and sees the backup listed as verified', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Admin' }).first().click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByLabel('Backup folder').fill(folder);
  await page.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByText('The backup settings were saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  const list = page.getByRole('table', { name: 'Backups made' });
  await expect(list.getByText('Verified')).toBeVisible();
  await expect(list.getByText('On demand')).toBeVisible();
  await expect(list.getByText(/clinic-.*-manual\.sqlite/)).toBeVisible();
  // Notifications stay while hovered; move away and let them close before clicking under them.
  await page.mouse.move(0, 0);
  await expect(page.getByText(/was made and verified/)).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/admin-backups.png`, fullPage: true });

  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);

  await page
    .getByRole('button', { name: /^Restore/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog.getByRole('button', { name: 'Restore this backup' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/admin-restore-dialog.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(errors).toEqual([]);
});

test('the audit viewer shows changes and filters by action', async ({ page, clinic }) => {
  await signIn(page, clinic.url, ADMIN.email, ADMIN.password);
  await page.goto(`${clinic.url}#/admin/audit`);
  const entries = page.getByRole('list', { name: 'Audit entries' });
  await expect(entries.getByText('Signed in', { exact: true }).first()).toBeVisible();
  await expect(entries.getByText('Made a backup', { exact: true }).first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Changed backup settings' }).click();
  await expect(page.getByText('1 entry', { exact: true })).toBeVisible();
  await expect(entries.getByText('Changed backup settings', { exact: true })).toHaveCount(1);
  await expect(entries.getByText(/^(Set|Changed) folder /)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/admin-audit.png`, fullPage: true });

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(entries.getByText('Set up the clinic', { exact: true })).toBeVisible();
});
