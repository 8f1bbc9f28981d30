import type { Page } from '@playwright/test';
import {
  DOCTOR,
  dispatch,
  expectNoSeriousA11yViolations,
  PATIENTS,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// The desk's hot loop by keyboard on the real web shell: a receptionist books a returning
// patient into their usual doctor's first free slot in at most seven keys from the board
// (N, three letters of the surname, Enter for the first match, Enter to book), checks them in;
// the doctor starts and completes the visit from My day. Key presses are counted and printed.

const SHOTS = '.tmp/screenshots';
const MAX_KEYS = 7;

/** Presses keys as a person would, counting every press. */
function keyCounter(page: Page) {
  let count = 0;
  return {
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      for (const char of text) await this.press(char);
    },
    get count() {
      return count;
    },
  };
}

test('book a returning patient in at most seven keys, check in, and the doctor starts and completes from My day', async ({
  page,
  browser,
  clinic,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const desk = await setUpDeskClinic(clinic.core);

  // Another doctor, free all day too, so "the usual doctor" is a choice, not the only one.
  const other = await dispatch(clinic.core, 'users.create', {
    name: 'Dr Bo Adjei',
    email: 'bo@clinic.test',
    password: 'doctor-password-2',
    phone: '',
    role: 'doctor',
    doctor: {
      specialization: 'Cardiology',
      experienceYears: 3,
      consultationFee: 40,
      about: null,
      rating: null,
      isAvailable: true,
    },
  });
  await dispatch(clinic.core, 'templates.create', {
    doctorId: other.userId,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: '00:00',
    endTime: '23:30',
    slotMinutes: 15,
    validFrom: desk.today,
  });
  // Jane was seen by Dr Ama Mensah earlier today: that makes Dr Mensah her usual doctor.
  const [earlier] = await dispatch(clinic.core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!earlier) throw new Error('Dr Mensah has no free slot today.');
  const seen = await dispatch(clinic.core, 'appointments.book', {
    availabilityId: earlier.availabilityId,
    patientId: desk.patientIds.returning,
  });
  for (const step of ['appointments.checkIn', 'appointments.startConsultation', 'appointments.complete'] as const) {
    await dispatch(clinic.core, step, { appointmentId: seen.appointmentId });
  }
  const [expected] = await dispatch(clinic.core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!expected) throw new Error('Dr Mensah has no free slot left.');

  // From the board, keyboard only.
  await signIn(page, clinic.url, RECEPTIONIST);
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  const keys = keyCounter(page);
  await keys.press('n');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  const patient = booking.getByRole('combobox', { name: 'Patient' });
  await expect(patient).toBeFocused();
  await keys.type('Ret');
  await expect(page.getByRole('option', { name: /Jane Returning/ })).toHaveAttribute('data-combobox-selected', 'true');
  await keys.press('Enter');
  const slot = booking.getByRole('radio', { checked: true });
  await expect(slot).toBeFocused();
  await expect(booking.getByRole('combobox', { name: 'Doctor or specialization' })).toHaveValue(
    'Dr Ama Mensah (Cardiology)',
  );
  await expect(
    booking.getByText('Dr Ama Mensah saw this patient last: their first free slot is chosen.'),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/booking-seven-keys.png` });
  await expectNoSeriousA11yViolations(page, 'booking dialog');
  await keys.press('Enter');
  await expect(booking).toBeHidden();
  await expect(page.getByText(/Jane Returning is booked with Dr Ama Mensah/)).toBeVisible();
  console.log(`Booking a returning patient from the board took ${keys.count} key presses (goal ≤ ${MAX_KEYS}).`);
  expect(keys.count).toBeLessThanOrEqual(MAX_KEYS);
  const booked = (await dispatch(clinic.core, 'appointments.board', { doctorId: desk.doctorId })).appointments.find(
    (a) => a.patientId === desk.patientIds.returning && a.status === 'scheduled',
  );
  expect(booked?.availabilityId).toBe(expected.availabilityId);

  // The walk-in dialog keeps focus inside too, and preselects the usual doctor.
  await page.keyboard.press('w');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await expect(walkIn.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Ret');
  await expect(page.getByRole('option', { name: /Jane Returning/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(walkIn.getByRole('combobox', { name: 'Doctor' })).toBeFocused();
  await expect(walkIn.getByRole('combobox', { name: 'Doctor' })).toHaveValue('Dr Ama Mensah (Cardiology)');
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    expect(await walkIn.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await expectNoSeriousA11yViolations(page, 'walk-in dialog');
  await page.keyboard.press('Escape');
  await expect(walkIn).toBeHidden();

  // Check in on the board.
  await page.getByRole('button', { name: 'Check in Jane Returning' }).press('Enter');
  await expect(page.getByText('Jane Returning is checked in.')).toBeVisible();

  // The doctor, in a second browser: My day, Start, Complete.
  const doctorContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const doctorPage = await doctorContext.newPage();
  const doctorErrors = watchErrors(doctorPage);
  await signIn(doctorPage, clinic.url, DOCTOR);
  await doctorPage.goto(`${clinic.url}#/calendar/my-day`);
  const queue = doctorPage.getByRole('table', { name: 'Your patients still to see today' });
  const janeRow = queue.getByRole('row').filter({ hasText: PATIENTS.returning.name });
  await expect(janeRow.getByText(/Waiting \d+ min/)).toBeVisible();
  await expect(janeRow.getByRole('button', { name: 'Message the desk about Jane Returning' })).toBeVisible();
  await doctorPage.screenshot({ path: `${SHOTS}/my-day-queue.png` });
  await expectNoSeriousA11yViolations(doctorPage, 'My day');
  await janeRow.getByRole('button', { name: 'Start the consultation with Jane Returning' }).press('Enter');
  await expect(janeRow.getByText('In consultation')).toBeVisible();
  await janeRow.getByRole('button', { name: 'Complete the visit of Jane Returning' }).press('Enter');
  await expect(doctorPage.getByText('The visit of Jane Returning is complete.')).toBeVisible();
  await expect(janeRow).toHaveCount(0);
  await doctorPage.screenshot({ path: `${SHOTS}/my-day-after.png` });

  expect(errors).toEqual([]);
  expect(doctorErrors).toEqual([]);
  await doctorContext.close();
});
