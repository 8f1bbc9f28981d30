import type { Page } from '@playwright/test';
import { expect, test, watchErrors } from './fixtures.ts';
import { expectNoSeriousA11yViolations } from './desk-helpers.ts';

// The foundation journey on the real web shell: first-run setup → the admin creates a
// receptionist and a doctor → sign out → the receptionist signs in → cannot open Admin →
// the screen locks after the idle time (clock controlled) → unlocks with the password.

const ADMIN = { name: 'Grace Hopper', email: 'grace@clinic.test', password: 'admin-password-123' };
const RECEPTIONIST = { name: 'Rosa Parks', email: 'rosa@clinic.test', password: 'desk-password-123' };
const DOCTOR = { name: 'Dr Ama Mensah', email: 'ama@clinic.test', password: 'doctor-password-123' };

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe.configure({ mode: 'serial' });

test('first run, staff accounts, roles and the idle lock', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await page.clock.install();
  await page.goto(clinic.url);

  // First-run setup.
  await expect(page.getByRole('heading', { name: /set up/i })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'setup');
  // Where the data lives: this computer only (the default).
  await expect(page.getByRole('radio', { name: /This computer only/ })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Clinic name').fill('Harbour Street Clinic');
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create clinic' }).click();

  // Signed in as the admin, inside the app frame.
  await expect(page.getByRole('link', { name: 'Admin' })).toBeVisible();
  await expect(page.getByText('Harbour Street Clinic').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'front desk');

  // The admin creates a receptionist and a doctor.
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('button', { name: 'New user' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'admin users');

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(RECEPTIONIST.name);
  await dialog.getByLabel('Email').fill(RECEPTIONIST.email);
  await chooseOption(page, 'Role', 'Receptionist');
  await dialog.getByLabel('Password', { exact: true }).fill(RECEPTIONIST.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('cell', { name: RECEPTIONIST.name, exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill(DOCTOR.name);
  await dialog.getByLabel('Email').fill(DOCTOR.email);
  await chooseOption(page, 'Role', 'Doctor');
  await dialog.getByLabel('Password', { exact: true }).fill(DOCTOR.password);
  await dialog.getByLabel('Specialization').fill('Paediatrics');
  await dialog.getByLabel('Years of experience').fill('9');
  await dialog.getByLabel('Consultation fee').fill('45');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('cell', { name: DOCTOR.name, exact: true })).toBeVisible();

  // What the database now holds, read through the real services.
  const staff = await clinic.core.services.users.list({});
  expect(staff.map((u) => [u.name, u.role])).toEqual(
    expect.arrayContaining([
      [RECEPTIONIST.name, 'receptionist'],
      [DOCTOR.name, 'doctor'],
    ]),
  );
  expect(staff.find((u) => u.name === DOCTOR.name)?.doctor).toMatchObject({
    specialization: 'Paediatrics',
    experienceYears: 9,
    consultationFee: 45,
  });

  // Sign out; the receptionist signs in.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'sign in');
  await page.getByLabel('Email').fill(RECEPTIONIST.email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/do not match/)).toBeVisible();
  await page.getByLabel('Password').fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Front desk' })).toBeVisible();

  // No Admin for a receptionist: not shown, and refused by URL.
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto(`${clinic.url}#/admin`);
  await expect(page.getByText('You do not have access to this area.')).toBeVisible();
  const refused = await page.evaluate(async () => window.clinic.users.list({}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // Idle for the configured 15 minutes: the screen locks; the password unlocks it.
  await page.getByRole('link', { name: 'Front desk' }).click();
  await page.clock.runFor(15 * 60_000 + 5_000);
  const lock = page.getByRole('dialog', { name: 'Screen locked' });
  await expect(lock).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'lock screen');
  const lockedCall = await page.evaluate(async () => window.clinic.settings.get({}));
  expect(lockedCall).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  await lock.getByLabel('Password').fill(RECEPTIONIST.password);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('link', { name: 'Front desk' })).toBeVisible();

  expect(errors).toEqual([]);
});
