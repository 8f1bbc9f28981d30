import {
  dispatch,
  expectNoSeriousA11yViolations,
  ADMIN,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
} from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// A 45-minute scan that needs the ultrasound room, booked by keyboard at the desk: one block of
// three 15-minute slots in the type's colour, shown in the room's column of the day view; and
// the admin's types and rooms screen.

const SHOTS = '.tmp/screenshots';

// One clinic per spec file: the second test uses the clinic the first one set up.
test.describe.configure({ mode: 'serial' });

test('books a 45-minute type with a room by keyboard and shows it by room', async ({ page, clinic }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const desk = await setUpDeskClinic(clinic.core);
  await dispatch(clinic.core, 'resources.create', { name: 'Ultrasound room', kind: 'ultrasound', active: true });
  await dispatch(clinic.core, 'resources.create', { name: 'Room 1', kind: 'room', active: true });
  await dispatch(clinic.core, 'types.create', {
    name: 'Ultrasound',
    minutes: 45,
    colour: '#8a4fb3',
    defaultFee: 80,
    needsResourceKind: 'ultrasound',
    active: true,
    doctorIds: [desk.doctorId],
  });

  await signIn(page, clinic.url, RECEPTIONIST);
  await page.keyboard.press('n');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Ret');
  await expect(page.getByRole('option', { name: /Jane Returning/ })).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  // A patient with no visits yet: the doctor is chosen by typing, then the first free slot.
  const who = booking.getByRole('combobox', { name: 'Doctor or specialization' });
  await expect(who).toBeFocused();
  await who.pressSequentially('Ama');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const firstSlot = booking.getByRole('radio').first();
  await firstSlot.focus();
  await page.keyboard.press('Space');
  await expect(firstSlot).toBeChecked();

  // Tab to the type (past the other slots), choose it by typing, then the room the same way.
  const type = booking.getByRole('combobox', { name: /Appointment type/ });
  for (let i = 0; i < 30 && !(await type.evaluate((node) => node === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(type).toBeFocused();
  await page.keyboard.type('Ultra');
  await expect(type).toHaveValue(/\d+/);
  await page.keyboard.press('Tab');
  const room = booking.getByRole('combobox', { name: /Room or resource/ });
  await expect(room).toBeFocused();
  await expect(room.getByRole('option', { name: 'Ultrasound room' })).toBeAttached();
  await page.keyboard.type('Ultra');
  await expect(room.locator('option:checked')).toHaveText('Ultrasound room');
  await page.screenshot({ path: `${SHOTS}/booking-type-room.png` });
  await expectNoSeriousA11yViolations(page, 'booking dialog with type and room');
  await page.keyboard.press('Enter');
  await expect(booking).toBeHidden();
  await expect(page.getByText(/Jane Returning is booked with Dr Ama Mensah/)).toBeVisible();

  // The calendar's day view by room: the scan is one 45-minute block in the room's column.
  await page.goto(`${clinic.url}#/calendar/day`);
  await page.getByText('By room').click();
  const grid = page.getByRole('grid', { name: /Rooms on/ });
  await expect(grid.getByRole('columnheader', { name: /Ultrasound room/ })).toBeVisible();
  const block = grid.getByRole('gridcell', { name: /Jane Returning/ });
  await expect(block).toBeVisible();
  await expect(block).toContainText('Ultrasound · Ultrasound room');
  // One cell for the whole 45 minutes (the room column has no other boundaries in between).
  await expect(block).toHaveAccessibleName(/^Ultrasound room, (\d\d):(\d\d) to \d\d:\d\d, booked: Jane Returning/);
  await block.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/calendar-by-room.png` });
  await expectNoSeriousA11yViolations(page, 'calendar by room');

  // By doctor: the same appointment is one cell from its start to 45 minutes later.
  await page.getByText('By doctor').click();
  const doctorBlock = page
    .getByRole('grid', { name: /^Slots of every doctor/ })
    .getByRole('gridcell', { name: /Jane Returning/ });
  const span = /, (\d\d):(\d\d) to (\d\d):(\d\d),/.exec((await doctorBlock.getAttribute('aria-label')) ?? '');
  const [h1, m1, h2, m2] = (span ?? []).slice(1).map(Number);
  expect((h2 ?? 0) * 60 + (m2 ?? 0) - ((h1 ?? 0) * 60 + (m1 ?? 0))).toBe(45);
  await expect(doctorBlock).toContainText('Ultrasound · Ultrasound room');
  await doctorBlock.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/calendar-long-block.png` });
  expect(errors).toEqual([]);
});

test('the admin lists and edits appointment types and rooms', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/admin/booking`);
  await page.getByRole('button', { name: 'Add room or resource' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New room or resource' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Room 2');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Rooms and resources' }).getByRole('cell', { name: 'Room 2', exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Add type' }).press('Enter');
  const typeDialog = page.getByRole('dialog', { name: 'New appointment type' });
  await typeDialog.getByRole('textbox', { name: 'Name' }).fill('Long consultation');
  await typeDialog.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(typeDialog.getByText('Choose at least one doctor who offers it.')).toBeVisible();
  await typeDialog.getByRole('checkbox', { name: 'Dr Ama Mensah' }).check();
  await page.screenshot({ path: `${SHOTS}/admin-type-dialog.png` });
  await expectNoSeriousA11yViolations(page, 'appointment type dialog');
  await typeDialog.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(typeDialog).toBeHidden();
  await expect(
    page
      .getByRole('table', { name: 'Appointment types' })
      .getByRole('cell', { name: 'Long consultation', exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/admin-types-rooms.png` });
  await expectNoSeriousA11yViolations(page, 'types and rooms');
  expect(errors).toEqual([]);
});
