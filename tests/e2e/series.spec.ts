import { addDays } from '#shared/dates.ts';
import {
  dispatch,
  expectNoSeriousA11yViolations,
  PATIENTS,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// Recurring visits by keyboard on the real web shell: the receptionist books Jane's usual slot,
// presses "Repeat…", keeps "every 1 week, 6 visits", sees the one taken date with its
// alternatives, books skipping it, and then cancels "this and following" from the board.

const SHOTS = '.tmp/screenshots';

test('books a 6-week series with one conflict skipped, then cancels this and following, by keyboard', async ({
  page,
  clinic,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const desk = await setUpDeskClinic(clinic.core);
  // Jane was seen by Dr Ama Mensah earlier today: her usual doctor and first free slot are preselected.
  const [earlier] = await dispatch(clinic.core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!earlier) throw new Error('Dr Mensah has no free slot today.');
  const seen = await dispatch(clinic.core, 'appointments.book', {
    availabilityId: earlier.availabilityId,
    patientId: desk.patientIds.returning,
  });
  for (const step of ['appointments.checkIn', 'appointments.startConsultation', 'appointments.complete'] as const) {
    await dispatch(clinic.core, step, { appointmentId: seen.appointmentId });
  }
  const [first] = await dispatch(clinic.core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!first) throw new Error('Dr Mensah has no free slot left today.');
  // The same time a week later is taken by another patient: the series' one conflict.
  const conflictDate = addDays(first.date, 7);
  const conflict = await dispatch(clinic.core, 'schedule.whyNot', {
    doctorId: desk.doctorId,
    date: conflictDate,
    time: first.startTime,
  });
  if (!conflict.slot) throw new Error('No slot a week later.');
  await dispatch(clinic.core, 'appointments.book', {
    availabilityId: conflict.slot.availabilityId,
    patientId: desk.patientIds.moving,
  });

  await signIn(page, clinic.url, RECEPTIONIST);
  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible();
  await page.keyboard.press('n');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Ret');
  await expect(page.getByRole('option', { name: /Jane Returning/ })).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(booking.getByRole('radio', { checked: true })).toBeFocused();

  // Tab to "Repeat…" (past the other slots' group), then the rule: every 1 week, 6 visits.
  const repeat = booking.getByRole('button', { name: 'Repeat…' });
  for (let i = 0; i < 20 && !(await repeat.evaluate((node) => node === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(repeat).toBeFocused();
  await page.keyboard.press('Enter');
  const every = booking.getByRole('textbox', { name: 'Every' });
  await expect(every).toBeFocused();
  await expect(every).toHaveValue('1');
  await expect(booking.getByRole('combobox', { name: 'Unit' })).toHaveValue('weeks');
  await expect(booking.getByRole('textbox', { name: 'Number of visits' })).toHaveValue('6');
  await page.keyboard.press('Enter');

  const dates = booking.getByRole('list', { name: 'Dates of the series' });
  await expect(dates.getByRole('listitem')).toHaveCount(6);
  await expect(booking.getByText('5 of 6 dates are free; choose for the others.')).toBeVisible();
  await expect(dates.getByRole('listitem').nth(1)).toContainText('Taken');
  await expect(dates.getByRole('combobox', { name: /^Instead of/ })).toHaveValue('');
  await expect(booking.getByRole('button', { name: 'Book, skip conflicts' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/series-plan.png` });
  await expectNoSeriousA11yViolations(page, 'series plan');
  await page.keyboard.press('Enter');

  await expect(booking.getByRole('status')).toHaveText('5 visits are booked.');
  await expect(booking.getByRole('list', { name: 'Skipped dates' }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/series-booked.png` });
  await expectNoSeriousA11yViolations(page, 'series result');
  await expect(booking.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(booking).toBeHidden();

  const rows = clinic.core.database.raw
    .prepare(
      "SELECT appointment_date, series_id FROM appointments WHERE patient_id = ? AND status = 'scheduled' ORDER BY appointment_date",
    )
    .all(desk.patientIds.returning) as { appointment_date: string; series_id: number | null }[];
  expect(rows.map((r) => r.appointment_date)).toEqual([0, 14, 21, 28, 35].map((d) => addDays(first.date, d)));
  expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
  const series = clinic.core.database.raw.prepare('SELECT mode, skipped_json FROM appointment_series').get() as {
    mode: string;
    skipped_json: string;
  };
  expect(series.mode).toBe('skip_conflicts');
  expect(JSON.parse(series.skipped_json)).toMatchObject([{ index: 2, date: conflictDate }]);

  // Today's visit is on the board: cancel it and every later one of the series.
  // The board is in time order: the completed visit first, then today's visit of the series.
  await page
    .getByRole('button', { name: `More actions for ${PATIENTS.returning.name}` })
    .last()
    .press('Enter');
  await page.getByRole('menuitem', { name: `Cancel the appointment of ${PATIENTS.returning.name}` }).press('Enter');
  const cancel = page.getByRole('dialog', { name: `Cancel the appointment of ${PATIENTS.returning.name}?` });
  const reason = cancel.getByRole('textbox', { name: 'Reason for cancelling' });
  await expect(reason).toBeFocused();
  await page.keyboard.type('Treatment plan changed');
  // Tab to the choice (the first radio, "Only this visit", is checked), then the arrow picks "this and following".
  await page.keyboard.press('Tab');
  await expect(cancel.getByRole('radio', { name: 'Only this visit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cancel.getByRole('radio', { name: 'Cancel this and following (5 visits)' })).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/series-cancel.png` });
  await expectNoSeriousA11yViolations(page, 'series cancel');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).press('Enter');
  await expect(cancel).toBeHidden();
  const open = clinic.core.database.raw
    .prepare("SELECT count(*) AS n FROM appointments WHERE patient_id = ? AND status = 'scheduled'")
    .get(desk.patientIds.returning);
  expect(open).toEqual({ n: 0 });
  expect(errors).toEqual([]);
});
