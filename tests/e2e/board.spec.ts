import type { AppCore } from '../../main/app-core.ts';
import { dispatch, expectNoSeriousA11yViolations, RECEPTIONIST, setUpDeskClinic, signIn } from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// The dense flow board on the real web shell at 1366×768: four doctors' day in one table, how
// many rows fit on the screen (printed, at least 12), late patients and likely no-shows an hour
// and a half later, a cancellation's reason, keyboard row navigation and the doctor filter.

const SHOTS = '.tmp/pw-board';
const DOCTORS = ['Dr Bea Okafor', 'Dr Chen Wei', 'Dr Dana Ruiz'];
const PER_DOCTOR = 10;
const CANCEL_REASON = 'The patient is travelling.';

/** Three more doctors, free all day, and ten booked patients each (plus the desk clinic's own). */
async function setUpBusyDay(core: AppCore) {
  const desk = await setUpDeskClinic(core);
  const doctorIds = [desk.doctorId];
  for (const [i, name] of DOCTORS.entries()) {
    const doctor = await dispatch(core, 'users.create', {
      name,
      email: `doctor${i}@clinic.test`,
      password: 'doctor-password-1',
      phone: '',
      role: 'doctor',
      doctor: {
        specialization: 'General practice',
        experienceYears: 5,
        consultationFee: 40,
        about: null,
        rating: null,
        isAvailable: true,
      },
    });
    await dispatch(core, 'templates.create', {
      doctorId: doctor.userId,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      startTime: '00:00',
      endTime: '23:30',
      slotMinutes: 15,
      validFrom: desk.today,
    });
    doctorIds.push(doctor.userId);
  }
  let n = 0;
  const booked: number[] = [];
  for (const doctorId of doctorIds) {
    const free = await dispatch(core, 'schedule.nextFree', { doctorId, limit: 30 });
    for (const slot of free.filter((s) => s.date === desk.today).slice(0, PER_DOCTOR)) {
      n += 1;
      const patient = await dispatch(core, 'patients.register', {
        name: `Board Patient ${String(n).padStart(2, '0')}`,
        phone: `07700 91${String(n).padStart(4, '0')}`,
        email: null,
        medicalNotes: null,
        confirmedNotDuplicate: true,
      });
      const a = await dispatch(core, 'appointments.book', {
        availabilityId: slot.availabilityId,
        patientId: patient.patientId,
      });
      booked.push(a.appointmentId);
    }
  }
  // The first doctor's second patient: near the top of the board.
  const cancelled = booked[1] ?? 0;
  await dispatch(core, 'appointments.cancel', { appointmentId: cancelled, reason: CANCEL_REASON });
  return desk;
}

test('dense board: rows per screen, likely no-shows, reasons, keyboard and doctor filter', async ({ page, clinic }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await setUpBusyDay(clinic.core);
  // An hour and a half later in the window: the first patients of each doctor are late.
  await page.clock.install({ time: Date.now() + 90 * 60_000 });

  await signIn(page, clinic.url, RECEPTIONIST);
  const table = page.getByRole('table', { name: 'Today’s appointments' });
  await expect(table.getByText('Board Patient 01')).toBeVisible();
  await expect(table.getByText('Likely no-show').first()).toBeVisible();
  await expect(table.getByText(`Reason: ${CANCEL_REASON}`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Appointments by status' }).getByText('Cancelled: 1')).toBeVisible();

  const visibleRows = await table.locator('tbody tr[data-row]').evaluateAll(
    (rows) =>
      rows.filter((r) => {
        const box = r.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
  );
  console.log(`Front desk board: ${visibleRows} appointment rows visible at 1366×768`);
  expect(visibleRows).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: `${SHOTS}/board-1366x768.png` });
  await expectNoSeriousA11yViolations(page, 'board');

  // Keyboard: down two rows, Enter does that row's next step (Check in), Shift+F10 its menu.
  await table.locator('tbody tr[data-row="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  const third = table.locator('tbody tr[data-row="2"]');
  await expect(third).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/board-row-focus.png` });
  const thirdName = (await third.getByRole('link').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${thirdName} is checked in.`)).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: thirdName }).getByText('Checked in')).toBeVisible();
  await third.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: `Cancel the appointment of ${thirdName}` })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/board-row-menu.png` });
  await expectNoSeriousA11yViolations(page, 'board row menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // The doctor filter: one doctor's rows only, counted for that doctor.
  await page.getByRole('combobox', { name: 'Doctor' }).click();
  await page.getByRole('option', { name: `${DOCTORS[1]} (${PER_DOCTOR})` }).click();
  await expect(
    page.getByRole('list', { name: 'Appointments by status' }).getByText(`${PER_DOCTOR} appointments`),
  ).toBeVisible();
  const doctors = await table.locator('tbody tr[data-row] td:nth-child(3)').allTextContents();
  expect(new Set(doctors)).toEqual(new Set([DOCTORS[1]]));
  await page.screenshot({ path: `${SHOTS}/board-one-doctor.png` });

  // The same board in the dark theme: late stripes, badges and links keep their contrast.
  await page.getByRole('combobox', { name: 'Doctor' }).click();
  await page.getByRole('option', { name: 'All doctors (42)' }).click();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(table.getByText('Board Patient 01')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-dark.png` });
  await expectNoSeriousA11yViolations(page, 'board, dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();

  expect(errors).toEqual([]);
});
