import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, watchErrors } from './fixtures.ts';
import { ADMIN, DOCTOR, expectNoSeriousA11yViolations, PATIENTS, setUpDeskClinic, signIn } from './desk-helpers.ts';

// Admin → Exports in Chromium over the real web shell: the CSV and .ics downloads arrive as
// files with the content main made. Screenshots go to .tmp/screenshots/exports.

const SHOTS = '.tmp/screenshots/exports';
const FILES = '.tmp/e2e-exports';

test.beforeAll(async ({ clinics }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(FILES, { recursive: true });
  await setUpDeskClinic((await clinics.for(testInfo.file)).core);
});

test('an admin downloads this month’s appointments as CSV and a doctor’s calendar as .ics', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/admin/exports`);
  await expect(page.getByRole('tab', { name: 'Exports', selected: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download calendar' })).toBeDisabled();
  await page.screenshot({ path: join(SHOTS, 'exports-tab.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'exports');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download appointments CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^appointments-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = join(FILES, 'appointments.csv');
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain(PATIENTS.moving.name);
  expect(text).toContain(PATIENTS.cancelling.name);
  await expect(page.getByText(/^Saved appointments-/)).toBeVisible();

  await page
    .getByRole('textbox', { name: 'Doctor' })
    .or(page.getByRole('combobox', { name: 'Doctor' }))
    .click();
  await page.getByRole('option', { name: DOCTOR.name }).click();
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar' }).click(),
  ]);
  expect(ics.suggestedFilename()).toMatch(/^calendar-dr-ama-mensah-.*\.ics$/);
  const icsPath = join(FILES, 'calendar.ics');
  await ics.saveAs(icsPath);
  const calendar = readFileSync(icsPath, 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  await page.screenshot({ path: join(SHOTS, 'exports-doctor-chosen.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a doctor exports their own calendar from My day', async ({ page, clinic }) => {
  await signIn(page, clinic.url, DOCTOR);
  await page.goto(`${clinic.url}#/calendar/my-day`);
  const button = page.getByRole('button', { name: 'Export my calendar (.ics)' });
  await expect(button).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'my-day-export.png') });
  const [ics] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(ics.suggestedFilename()).toMatch(/^calendar-dr-ama-mensah-.*\.ics$/);
});
