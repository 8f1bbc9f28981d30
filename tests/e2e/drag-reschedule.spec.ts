import type { Locator, Page } from '@playwright/test';
import { addDays, mondayOf } from '#shared/dates.ts';
import { expect, test, watchErrors } from './fixtures.ts';
import {
  dispatch,
  formatDateLong,
  formatDateMedium,
  RECEPTIONIST,
  setUpScheduleClinic,
  signIn,
  type ScheduleClinic,
} from './schedule-helpers.ts';
import { expectNoSeriousA11yViolations } from './desk-helpers.ts';

// Moving appointments in the calendar on the real web shell: a real mouse drag in the day view
// (refused on a taken slot, then dropped on a free one, with a reason), and the keyboard path in
// the week view. The moves are checked where the desk reads them: the patient's reschedule history.

const LOCALE = 'en-US';
const SHOTS = '.tmp/screenshots';
test.use({ locale: LOCALE });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const MOVER = { name: 'Drew Dragger', phone: '+44 20 7946 0101' };
const BLOCKER = { name: 'Tara Taken', phone: '+44 20 7946 0102' };
const KEYS = { name: 'Kai Keys', phone: '+44 20 7946 0103' };

let clinicData: ScheduleClinic;
const patientIds: Record<string, number> = {};

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  clinicData = await setUpScheduleClinic(core);
  const mensah = clinicData.doctorIds['Dr Ama Mensah'];
  const book = async (patient: { name: string; phone: string }, date: string, time: string) => {
    const { patientId } = await dispatch(core, 'patients.register', patient);
    patientIds[patient.name] = patientId;
    const day = await dispatch(core, 'schedule.day', { date });
    const slot = day.slots.find((candidate) => candidate.doctorId === mensah && candidate.startTime === time);
    if (!slot) throw new Error(`No slot of Dr Ama Mensah at ${date} ${time}.`);
    await dispatch(core, 'appointments.book', { availabilityId: slot.availabilityId, patientId });
  };
  const tomorrow = addDays(clinicData.today, 1);
  await book(MOVER, tomorrow, '08:30');
  await book(BLOCKER, tomorrow, '08:45');
  await book(KEYS, mondayOf(addDays(clinicData.today, 7)), '10:00');
  await dispatch(core, 'exceptions.addLeave', {
    doctorId: clinicData.doctorIds['Dr Kofi Osei'] ?? 0,
    startDate: tomorrow,
    endDate: tomorrow,
    startTime: '08:40',
    endTime: '10:00',
    reason: 'Training',
  });
});

async function centreOf(cell: Locator): Promise<{ x: number; y: number }> {
  await cell.scrollIntoViewIfNeeded();
  const box = await cell.boundingBox();
  if (!box) throw new Error('The cell is not on screen.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag from one cell to another, in steps; `midway` runs with the button still down. */
async function drag(page: Page, from: Locator, to: Locator, midway: () => Promise<void> = async () => {}) {
  const start = await centreOf(from);
  const end = await centreOf(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await midway();
  await page.mouse.up();
}

async function expectMoveInHistory(page: Page, url: string, patientId: number, reason: string): Promise<void> {
  await page.goto(`${url}#/patients/${patientId}`);
  const history = page.getByRole('region', { name: 'Reschedule history' });
  await expect(history.getByText(/^Moved from .+ to .+/)).toHaveCount(1);
  await expect(history.getByText(`Reason: ${reason}`)).toBeVisible();
  await expect(history.getByText(new RegExp(`by ${RECEPTIONIST.name}`))).toBeVisible();
}

test('day view: a mouse drag onto a taken slot is refused with why; onto a free one it asks the reason and moves', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  const tomorrow = addDays(clinicData.today, 1);
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/calendar/day?date=${tomorrow}`);
  const grid = page.getByRole('grid', { name: `Slots of every doctor on ${formatDateLong(tomorrow, LOCALE)}` });
  const mover = grid.getByRole('gridcell', { name: `Dr Ama Mensah, 08:30 to 08:45, booked: ${MOVER.name}, Scheduled` });
  const taken = grid.getByRole('gridcell', {
    name: `Dr Ama Mensah, 08:45 to 09:00, booked: ${BLOCKER.name}, Scheduled`,
  });
  await expect(mover).toBeVisible();

  await drag(page, mover, taken, async () => {
    await expect(taken).toHaveAttribute('data-drag', 'refused');
    await expect(page.locator('.cd-drop-note')).toHaveText('It cannot go here: This slot is already booked.');
  });
  await expect(page.getByRole('status').filter({ hasText: 'It cannot go here' })).toHaveText(
    'It cannot go here: This slot is already booked.',
  );
  await expect(page.locator('.cd-drop-note')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/drag-refused.png` });
  await expectNoSeriousA11yViolations(page, 'day view after a refused drop');

  // A doctor on leave takes nothing either, and the leave's reason says why.
  const onLeave = grid.getByRole('gridcell', { name: /^Dr Kofi Osei, .*on leave: Training$/ }).first();
  await drag(page, mover, onLeave);
  await expect(page.locator('.cd-drop-note')).toHaveText(
    /^It cannot go here: (The doctor is on leave|On leave): Training$/,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const target = grid.getByRole('gridcell', { name: 'Dr Ama Mensah, 09:15 to 09:30, free' });
  await drag(page, mover, target, async () => {
    await expect(mover).toHaveAttribute('data-drag', 'source');
    await expect(target).toHaveAttribute('data-drag', 'target');
    await expect(page.locator('.cd-drop-note')).toHaveText(`Drop to move ${MOVER.name} here.`);
    await page.screenshot({ path: `${SHOTS}/drag-mid-drag.png` });
  });
  const dialog = page.getByRole('dialog', { name: `Reschedule the appointment of ${MOVER.name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Move ${MOVER.name} from ${formatDateLong(tomorrow, LOCALE)}, 08:30 to`);
  await expect(dialog.getByLabel('Reason for the change')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'drag reason step');
  await page.keyboard.type('The patient will be late from work.');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(new RegExp(`The appointment of ${MOVER.name} is moved to`))).toBeVisible();
  await expect(
    grid.getByRole('gridcell', { name: `Dr Ama Mensah, 09:15 to 09:30, booked: ${MOVER.name}, Scheduled` }),
  ).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'Dr Ama Mensah, 08:30 to 08:45, free' })).toBeVisible();

  await expectMoveInHistory(page, clinic.url, patientIds[MOVER.name] ?? 0, 'The patient will be late from work.');
  expect(errors).toEqual([]);
});

test('week view: M picks an appointment up, arrows move it to the next day, Enter drops it', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  const monday = mondayOf(addDays(clinicData.today, 7));
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/calendar/week?date=${monday}`);
  await page.getByRole('combobox', { name: 'Doctor' }).click();
  await page.getByRole('option', { name: 'Dr Ama Mensah · Cardiology' }).click();
  const grid = page.getByRole('grid', {
    name: `Slots of Dr Ama Mensah in the week starting ${formatDateMedium(monday, LOCALE)}`,
  });
  const dayName = (date: string) =>
    new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const source = grid.getByRole('gridcell', { name: new RegExp(`, 10:00 to 10:15, booked: ${KEYS.name}, Scheduled$`) });
  await source.focus();
  await page.keyboard.press('m');
  await expect(page.getByRole('status').filter({ hasText: 'Moving' })).toContainText(
    `Moving the appointment of ${KEYS.name}.`,
  );
  await expect(source).toHaveAttribute('data-drag', 'source');
  await page.keyboard.press('ArrowRight');
  const target = grid.getByRole('gridcell', {
    name: new RegExp(`^${dayName(addDays(monday, 1))}, 10:00 to 10:15, free$`),
  });
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('data-drag', 'target');
  await expect(page.locator('.cd-drop-note')).toHaveText(`Drop to move ${KEYS.name} here.`);
  await page.screenshot({ path: `${SHOTS}/drag-keyboard-week.png` });
  await expectNoSeriousA11yViolations(page, 'week view holding an appointment');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.screenshot({ path: `${SHOTS}/drag-keyboard-week-dark.png` });
  await expectNoSeriousA11yViolations(page, 'week view holding an appointment, dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await target.focus();

  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Reschedule the appointment of ${KEYS.name}` });
  await expect(dialog.getByLabel('Reason for the change')).toBeFocused();
  await page.keyboard.type('The doctor moved her clinic day.');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(
    grid.getByRole('gridcell', {
      name: new RegExp(`^${dayName(addDays(monday, 1))}, 10:00 to 10:15, booked: ${KEYS.name}`),
    }),
  ).toBeVisible();

  await expectMoveInHistory(page, clinic.url, patientIds[KEYS.name] ?? 0, 'The doctor moved her clinic day.');
  expect(errors).toEqual([]);
});
