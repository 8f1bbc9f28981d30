import { expect, test, watchErrors } from './fixtures.ts';
import {
  ADMIN,
  dispatch,
  expectNoSeriousA11yViolations,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';

// Demographics on the real web shell: "More details" in the register dialog by keyboard, the
// guardian linked both ways on the patient pages, and the top bar's search finding a patient by
// insurance member number; an admin requiring a field. Each screen scanned by axe and photographed.

const SHOTS = '.tmp/pw-demographics';
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  await setUpDeskClinic(core);
  await dispatch(core, 'patients.register', {
    name: 'Amara Silva',
    phone: '0771 765 432',
    email: null,
    medicalNotes: null,
    insuranceProvider: 'Ceylinco Health',
    insuranceMemberNumber: 'CH-2291-77',
  });
});

test('registers a child with More details and a guardian, linked both ways', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.goto(`${clinic.url}#/patients`);
  await page.getByRole('button', { name: 'Register patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register patient' });
  await dialog.getByLabel('Full name').fill('Nila Silva');
  await dialog.getByLabel('Phone', { exact: true }).fill('0771 000 111');
  const more = dialog.getByRole('button', { name: /More details/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await dialog.getByLabel('Address', { exact: true }).fill('12 Temple Road');
  await dialog.getByLabel('City').fill('Kandy');
  await dialog.getByLabel('ID number').fill('N1234567');
  await dialog.getByRole('combobox', { name: 'Preferred language' }).fill('Sinha');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Preferred language' })).toHaveValue('Sinhala');
  await dialog.getByRole('combobox', { name: 'Guardian' }).pressSequentially('Amara');
  await page.getByRole('option', { name: /Amara Silva/ }).click();
  await expect(dialog.getByText(/Amara Silva, P-\d{6}/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/register-more-details.png` });
  await expectNoSeriousA11yViolations(page, 'register with more details');
  await dialog.getByRole('button', { name: 'Register patient' }).click();

  const details = page.getByRole('region', { name: 'Details' });
  await expect(page.getByRole('heading', { level: 1, name: 'Nila Silva' })).toBeVisible();
  await expect(details.getByText('12 Temple Road')).toBeVisible();
  await expect(details.getByText('Sinhala')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/child-page.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'child page');
  await details.getByRole('link', { name: /^Amara Silva, P-\d{6}$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Silva' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Details' }).getByRole('link', { name: /^Nila Silva, P-\d{6}$/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('the top bar finds a patient by insurance member number and says why', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ch2291');
  const option = page.getByRole('option', { name: /Amara Silva/ });
  await expect(option).toContainText('Insurance CH-2291-77');
  await page.screenshot({ path: `${SHOTS}/search-insurance.png` });
  // The best match is taken by Enter.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Silva' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an admin makes the ID number required, and the register dialog shows it open and marked', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/admin/settings`);
  const required = page.getByRole('group', { name: 'Patient details the desk must fill in' });
  await required.getByRole('checkbox', { name: 'ID number' }).check();
  await page.screenshot({ path: `${SHOTS}/settings-required.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'settings with required patient details');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The clinic settings were saved.')).toBeVisible();

  await page.goto(`${clinic.url}#/patients`);
  await page.getByRole('button', { name: 'Register patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register patient' });
  await expect(dialog.getByRole('button', { name: /More details/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog.getByRole('textbox', { name: 'ID number' })).toHaveAttribute('required', '');
  await dialog.getByLabel('Full name').fill('Kavi Silva');
  await dialog.getByLabel('Phone', { exact: true }).fill('0771 000 222');
  await dialog.getByRole('button', { name: 'Register patient' }).click();
  await expect(dialog.getByText('This clinic requires an ID number.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'register refused for a required field');
  expect(errors).toEqual([]);
});
