import type { Page } from '@playwright/test';
import {
  DOCTOR,
  expectNoSeriousA11yViolations,
  PATIENTS,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// The front-desk journey on the real web shell, keyboard first: a receptionist finds a
// returning patient by part of the phone number, books the doctor's next free slot, checks
// the patient in on the board, reschedules and cancels other appointments and registers a
// walk-in; the doctor, signed in in a second browser, sees the check-in live and sees the
// patient through the visit.

const SHOTS = '.tmp/screenshots';

test.describe.configure({ mode: 'serial' });

const row = (page: Page, patient: string) => page.getByRole('row').filter({ hasText: patient });

test('front desk journey: search, book, check in, reschedule, cancel, walk-in, live board', async ({
  page,
  browser,
  clinic,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await setUpDeskClinic(clinic.core);

  // The doctor signs in in a second browser and watches the board.
  const doctorContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const doctorPage = await doctorContext.newPage();
  const doctorErrors = watchErrors(doctorPage);
  await signIn(doctorPage, clinic.url, DOCTOR);
  await doctorPage.getByRole('link', { name: 'Front desk' }).press('Enter');
  await expect(row(doctorPage, PATIENTS.moving.name)).toBeVisible();

  // The receptionist signs in and finds a returning patient by part of the phone number.
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search patients' });
  await expect(search).toBeFocused();
  await search.pressSequentially('900123');
  await expect(page.getByRole('option', { name: /Jane Returning/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: PATIENTS.returning.name })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'patient page');

  // Book the doctor's next free slot from the patient page.
  await page.getByRole('button', { name: 'Book appointment' }).press('Enter');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking.getByText(PATIENTS.returning.name)).toBeVisible();
  const who = booking.getByRole('combobox', { name: 'Doctor or specialization' });
  await who.focus();
  await who.pressSequentially('Ama');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const firstSlot = booking.getByRole('radio').first();
  await expect(firstSlot).toBeVisible();
  await firstSlot.focus();
  await page.keyboard.press('Space');
  await expect(firstSlot).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/booking-dialog.png` });
  await expectNoSeriousA11yViolations(page, 'booking dialog');
  await page.keyboard.press('Enter');
  await expect(booking).toBeHidden();
  await expect(page.getByText(/Jane Returning is booked with Dr Ama Mensah/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Upcoming appointments' }).getByText('Scheduled')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/patient-page.png` });

  // T goes to today's board; check the patient in.
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Check in Jane Returning' }).press('Enter');
  await expect(row(page, PATIENTS.returning.name).getByText('Checked in')).toBeVisible();
  await expect(row(page, PATIENTS.returning.name).getByText(/Waiting \d+ min/)).toBeVisible();

  // The doctor's board shows the check-in without a reload.
  await expect(row(doctorPage, PATIENTS.returning.name).getByText('Checked in')).toBeVisible();

  // Reschedule another appointment with a reason.
  await page.getByRole('button', { name: `More actions for ${PATIENTS.moving.name}` }).press('Enter');
  await page.getByRole('menuitem', { name: `Reschedule the appointment of ${PATIENTS.moving.name}` }).press('Enter');
  const moving = page.getByRole('dialog', { name: `Reschedule the appointment of ${PATIENTS.moving.name}` });
  const newSlot = moving.getByRole('radio').nth(2);
  await newSlot.focus();
  await page.keyboard.press('Space');
  await moving.getByLabel('Reason for the change').fill('The patient asked for another time.');
  await page.keyboard.press('Enter');
  await expect(moving).toBeHidden();
  await expect(page.getByText(new RegExp(`The appointment of ${PATIENTS.moving.name} is moved to`))).toBeVisible();

  // Cancel a third appointment with a reason; the dialog names the consequence.
  await page.getByRole('button', { name: `More actions for ${PATIENTS.cancelling.name}` }).press('Enter');
  await page.getByRole('menuitem', { name: `Cancel the appointment of ${PATIENTS.cancelling.name}` }).press('Enter');
  const cancelling = page.getByRole('dialog', { name: `Cancel the appointment of ${PATIENTS.cancelling.name}?` });
  await expect(cancelling.getByText(/the slot becomes free for others to book/)).toBeVisible();
  await cancelling.getByLabel('Reason for cancelling').fill('The patient called to cancel.');
  await page.keyboard.press('Enter');
  await expect(cancelling).toBeHidden();
  await expect(row(page, PATIENTS.cancelling.name).getByText('Cancelled')).toBeVisible();
  // The reason is where the desk looks: on the board's row.
  await expect(row(page, PATIENTS.cancelling.name).getByText('Reason: The patient called to cancel.')).toBeVisible();

  // A walk-in, registered in place, checked in with the doctor.
  await page.keyboard.press('w');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await expect(walkIn.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Walter Walkin');
  await expect(page.getByRole('option', { name: /Register new patient/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(walkIn.getByLabel('Full name')).toHaveValue('Walter Walkin');
  await walkIn.getByLabel('Phone').fill('07700 900999');
  await page.screenshot({ path: `${SHOTS}/walk-in-register.png` });
  await walkIn.getByRole('button', { name: 'Register patient' }).press('Enter');
  await expect(walkIn.getByText('Walter Walkin')).toBeVisible();
  const doctor = walkIn.getByRole('combobox', { name: 'Doctor' });
  await doctor.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(walkIn).toBeHidden();
  await expect(row(page, 'Walter Walkin').getByText('Checked in')).toBeVisible();
  await expect(row(doctorPage, 'Walter Walkin')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board.png` });
  await expectNoSeriousA11yViolations(page, 'board');

  // The doctor starts and completes the visit; the desk sees it live.
  await doctorPage.getByRole('button', { name: 'Start the consultation with Jane Returning' }).press('Enter');
  await expect(row(doctorPage, PATIENTS.returning.name).getByText('In consultation')).toBeVisible();
  await doctorPage.getByRole('button', { name: 'Complete the visit of Jane Returning' }).press('Enter');
  await expect(row(doctorPage, PATIENTS.returning.name).getByText('Completed')).toBeVisible();
  await expect(row(page, PATIENTS.returning.name).getByText('Completed')).toBeVisible();
  await doctorPage.screenshot({ path: `${SHOTS}/board-doctor.png` });

  // Clara goes on the waitlist from her page; the board offers her the next free slot.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Clara');
  await expect(page.getByRole('option', { name: /Clara Cancels/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add to waitlist' }).press('Enter');
  const waitlist = page.getByRole('dialog', { name: 'Add Clara Cancels to the waitlist' });
  await expect(waitlist.getByRole('combobox', { name: 'Doctor or specialization' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitlist.getByRole('button', { name: 'Add to waitlist' }).press('Enter');
  await expect(waitlist).toBeHidden();
  await page.getByRole('link', { name: 'Front desk' }).press('Enter');
  const offer = page.getByRole('button', { name: /^Book Clara Cancels with Dr Ama Mensah at/ });
  await expect(page.getByText(/A slot is free for Clara Cancels with Dr Ama Mensah at/)).toBeVisible();
  await offer.press('Enter');
  await expect(page.getByText(/Clara Cancels is booked for .* and taken off the waitlist/)).toBeVisible();
  await expect(row(page, PATIENTS.cancelling.name).getByText('Scheduled')).toBeVisible();

  // At 200% zoom (half the width and height) the board still fits its frame.
  await page.setViewportSize({ width: 683, height: 384 });
  await page.screenshot({ path: `${SHOTS}/board-200-percent.png` });

  expect(errors).toEqual([]);
  expect(doctorErrors).toEqual([]);
  await doctorContext.close();
});
