import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, watchErrors } from './fixtures.ts';
import { ADMIN, expectNoSeriousA11yViolations, PATIENTS, setUpDeskClinic, signIn } from './desk-helpers.ts';

// Admin → Import patients in Chromium over the real web shell: a generated 1,000-row file with
// mistakes (no personal data: made-up names, reserved phone numbers, example.test addresses) is
// mapped, previewed, dry-run and imported, and the report CSV arrives. Screenshots go to
// .tmp/screenshots/patient-import.

const SHOTS = '.tmp/screenshots/patient-import';
const FILES = '.tmp/e2e-patient-import';
const ROWS = 1000;

/** Row numbers as a spreadsheet shows them: the header is row 1, so data row i is row i + 2. */
function generatedFile(): { text: string; refused: number; duplicates: number } {
  const lines = ['Full name;Mobile;E-mail;DOB;Sex'];
  let refused = 0;
  let duplicates = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const phone = `+44 7700 ${String(500000 + i)}`;
    if (i === 0) lines.push(`Zoë Ñúñez-Müller;${phone};zoe@example.test;03/04/1980;F`);
    else if (i === 1) lines.push(`"=HYPERLINK(""http://evil.test"")";${phone};;;`);
    else if (i === 2) lines.push(`"${PATIENTS.returning.name}";${PATIENTS.returning.phone};;;`);
    else if (i % 100 === 50) lines.push(`Test Person ${i};;;;`);
    else if (i % 100 === 75) lines.push(`Test Person ${i};${phone};not-an-email;;`);
    else if (i % 250 === 99) lines.push(`Test Person ${i};${phone};;31/02/1990;`);
    else if (i % 200 === 10) lines.push(`Test Person ${i - 5};+44 7700 ${String(500000 + i - 5)};;;`);
    else lines.push(`Test Person ${i};${phone};;${1940 + (i % 60)}-01-15;${i % 2 ? 'M' : 'F'}`);
    if (i % 100 === 50 || i % 100 === 75 || (i % 250 === 99 && i % 100 !== 50 && i % 100 !== 75)) refused += 1;
    if (i === 2 || i % 200 === 10) duplicates += 1;
  }
  return { text: `${lines.join('\r\n')}\r\n`, refused, duplicates };
}

test.beforeAll(async ({ clinics }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(FILES, { recursive: true });
  await setUpDeskClinic((await clinics.for(testInfo.file)).core);
});

test('an admin imports a 1,000-row file with mistakes: mapping, preview, dry run, import, report', async ({
  page,
  clinic,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const generated = generatedFile();
  const csvPath = join(FILES, 'patients.csv');
  writeFileSync(csvPath, `\uFEFF${generated.text}`);

  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/admin/import`);
  await expect(page.getByRole('tab', { name: 'Import patients', selected: true })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(csvPath);

  await expect(page.getByText(`${ROWS.toLocaleString('en')} rows · UTF-8 · columns separated by ";"`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Patient field for column "Full name"' })).toHaveValue('name');
  await expect(page.getByRole('combobox', { name: 'Patient field for column "Mobile"' })).toHaveValue('phone');
  await expect(page.getByRole('combobox', { name: 'Patient field for column "DOB"' })).toHaveValue('dateOfBirth');
  const preview = page.getByRole('table', { name: 'First rows as they will be stored' });
  await expect(preview.getByRole('cell', { name: 'Zoë Ñúñez-Müller' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: '1980-04-03' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: '=HYPERLINK("http://evil.test")' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import mapping');

  // Keyboard: the dry run button is reached and pressed without the mouse.
  await page.getByRole('button', { name: 'Dry run' }).focus();
  await page.keyboard.press('Enter');
  const dryRun = page.getByRole('region', { name: 'Dry run' });
  await expect(dryRun.getByRole('status')).toHaveText(
    `${ROWS.toLocaleString('en')} rows: ${generated.refused} would be refused, ${generated.duplicates} likely duplicates.`,
  );
  await expect(dryRun.getByRole('table', { name: 'Rows that would be refused' }).getByRole('row').nth(1)).toHaveText(
    /^52Phone/,
  );
  await page.screenshot({ path: join(SHOTS, 'dry-run.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'import dry run');

  await page.getByRole('radio', { name: 'Merge: fill the existing record’s empty fields' }).check();
  await page.getByRole('button', { name: 'Import' }).click();
  const imported = ROWS - generated.refused - generated.duplicates;
  await expect(
    page.getByText(`Imported ${imported}, merged ${generated.duplicates}, skipped ${generated.refused}.`),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: join(SHOTS, 'imported.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'import done');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('patients-import-report.csv');
  const reportPath = join(FILES, 'report.csv');
  await download.saveAs(reportPath);
  const report = readFileSync(reportPath, 'utf8');
  expect(report.split('\r\n').filter(Boolean)).toHaveLength(ROWS + 1);
  expect(report).toContain(`'=HYPERLINK(""http://evil.test"")"`);
  expect(report).toMatch(/\r\n52,skipped,,Test Person 50,phone: /);

  // An imported patient is found by the desk's search.
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').first().fill('Ñúñez');
  await expect(page.getByText('Zoë Ñúñez-Müller').first()).toBeVisible();
  expect(errors).toEqual([]);
});
