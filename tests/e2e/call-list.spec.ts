import { readFileSync } from 'node:fs';
import { addDays } from '#shared/dates.ts';
import { pdfText } from '../support/payments-pdf.ts';
import {
  dispatch,
  expectNoSeriousA11yViolations,
  PATIENTS,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// Working a call list by keyboard on the real web shell: tomorrow's list by default, then
// today's, marked with the number keys (4 asks for the reason and cancels), the progress line
// counting, and the flow board showing each mark.

const SHOTS = '.tmp/pw-call-list';

test('works a call list by keyboard and the board shows the marks', async ({ page, clinic }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const desk = await setUpDeskClinic(clinic.core);
  const tomorrow = addDays(desk.today, 1);
  const free = await dispatch(clinic.core, 'schedule.nextFree', {
    doctorId: desk.doctorId,
    fromDate: tomorrow,
    limit: 2,
  });
  for (const [i, slot] of free.entries()) {
    await dispatch(clinic.core, 'appointments.book', {
      availabilityId: slot.availabilityId,
      patientId: i === 0 ? desk.patientIds.returning : desk.patientIds.moving,
    });
  }

  await signIn(page, clinic.url, RECEPTIONIST);
  await page.getByRole('link', { name: 'Call list' }).click();
  await expect(page.getByRole('heading', { name: 'Call list' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Appointments to confirm' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('0 of 2 called')).toBeVisible();

  // Today's list instead: Martin and Clara, later today.
  const day = page.getByLabel('Day');
  await day.fill(desk.today);
  await day.press('Enter');
  await expect(table.getByText(PATIENTS.moving.name)).toBeVisible();
  await expect(table.getByText(PATIENTS.cancelling.name)).toBeVisible();
  await expect(page.getByText('0 of 2 called')).toBeVisible();

  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await row(PATIENTS.moving.name).focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(PATIENTS.cancelling.name)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(PATIENTS.moving.name)).toBeFocused();
  await page.keyboard.press('1');
  await expect(row(PATIENTS.moving.name).getByText('Confirmed')).toBeVisible();
  await expect(row(PATIENTS.cancelling.name)).toBeFocused();
  await expect(page.getByText('1 of 2 called')).toBeVisible();

  await page.keyboard.press('3');
  await expect(row(PATIENTS.cancelling.name).getByText('No answer')).toBeVisible();
  await expect(page.getByText('2 of 2 called')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'call list');
  await page.screenshot({ path: `${SHOTS}/call-list.png`, fullPage: true });

  // Rang again: Clara cancels, with the reason asked first.
  await row(PATIENTS.cancelling.name).focus();
  await page.keyboard.press('4');
  const dialog = page.getByRole('dialog', { name: `Cancel the appointment of ${PATIENTS.cancelling.name}?` });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'call list cancel dialog');
  await page.keyboard.type('Feeling better');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(PATIENTS.cancelling.name).getByText('Cancelled')).toBeVisible();
  await expect(row(PATIENTS.cancelling.name).getByText('2 calls', { exact: false })).toBeVisible();

  await page.getByRole('link', { name: 'Front desk' }).click();
  const board = page.getByRole('table', { name: 'Today’s appointments' });
  await expect(board.getByRole('row').filter({ hasText: PATIENTS.moving.name }).getByText('Confirmed')).toBeVisible();
  const clara = board.getByRole('row').filter({ hasText: PATIENTS.cancelling.name });
  await expect(clara.getByText('Cancelled').first()).toBeVisible();
  await expect(clara.getByText('Reason: Feeling better')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'board with call marks');
  await page.screenshot({ path: `${SHOTS}/board-marks.png` });

  // The printed sheets: in the web shell the PDF is saved for the browser to print.
  await page.goto(`${clinic.url}#/calendar/day`);
  await expect(page.getByRole('button', { name: 'Print day list' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/day-view.png` });
  const dayList = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print day list' }).click();
  const dayListFile = await dayList;
  expect(dayListFile.suggestedFilename()).toBe(`day-list-${desk.today}-clinic.pdf`);
  const dayListText = pdfText(readFileSync(await dayListFile.path()).toString('base64'));
  expect(dayListText).toContain(PATIENTS.moving.name);
  expect(dayListText).not.toContain(PATIENTS.cancelling.name);

  await page.goto(`${clinic.url}#/patients/${desk.patientIds.moving}`);
  // Martin has a visit today and one tomorrow: a card button on each.
  const cardButton = page.getByRole('button', { name: `Print an appointment card for ${PATIENTS.moving.name}` });
  await expect(cardButton).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/patient-page.png` });
  const card = page.waitForEvent('download');
  await cardButton.first().click();
  const cardFile = await card;
  expect(cardFile.suggestedFilename()).toMatch(/^appointment-card-\d{4}-\d{2}-\d{2}-\d+\.pdf$/);
  expect(pdfText(readFileSync(await cardFile.path()).toString('base64'))).toContain(PATIENTS.moving.name);
  expect(errors).toEqual([]);
});
