import type { Locator, Page } from '@playwright/test';
import { addDays, mondayOf } from '#shared/dates.ts';
import { expect, test, watchErrors } from './fixtures.ts';
import {
  ADMIN,
  dispatch,
  formatDateLong,
  formatDateMedium,
  RECEPTIONIST,
  setUpScheduleClinic,
  signIn,
  type ScheduleClinic,
} from './schedule-helpers.ts';
import { expectNoSeriousA11yViolations } from './desk-helpers.ts';

// The calendar on the real web shell: doctors and weekly rules are made through the
// dispatcher (London time, rules valid from today on every weekday, 08:00–12:00 and
// 13:00–18:00); people sign in through the UI. Dates follow the real clock.

const LOCALE = 'en-US';
const SHOTS = '.tmp/screenshots';
test.use({ locale: LOCALE, timezoneId: 'Pacific/Auckland' });
// Axe scans of a full grid take seconds each on a busy two-core machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let clinicData: ScheduleClinic;

test.beforeAll(async ({ clinics }, testInfo) => {
  clinicData = await setUpScheduleClinic((await clinics.for(testInfo.file)).core);
});

const longDate = (date: string) => formatDateLong(date, LOCALE);
const dayGrid = (page: Page, date: string) =>
  page.getByRole('grid', { name: `Slots of every doctor on ${longDate(date)}` });
const cellStarting = (scope: Page | Locator, who: string, range: string) =>
  scope.getByRole('gridcell', { name: new RegExp(`^${who}, ${range}, `) });

async function screenshots(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}-light.png` });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png` });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
}

test('day view: a column per doctor, the specialization filter, keys across cells and days', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  const { today } = clinicData;
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('tab', { name: 'Day', selected: true })).toBeVisible();
  const grid = dayGrid(page, today);
  await expect(grid).toBeVisible();
  await expect(page.getByRole('heading', { name: longDate(today) })).toBeVisible();

  const headers = grid.getByRole('columnheader');
  await expect(headers).toHaveCount(4);
  await expect(headers.nth(1)).toContainText('Dr Ama Mensah');
  await expect(headers.nth(2)).toContainText('Dr Kofi Osei');
  await expect(headers.nth(3)).toContainText('Dr Lena Berg');
  await expect(headers.nth(3)).toContainText('Not taking bookings');
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'day view');
  await screenshots(page, 'day');

  // The specialization filter.
  await page.getByRole('combobox', { name: 'Specialization' }).click();
  await page.getByRole('option', { name: 'Paediatrics', exact: true }).click();
  await expect(headers).toHaveCount(2);
  await expect(headers.nth(1)).toContainText('Dr Kofi Osei');
  await page.getByRole('combobox', { name: 'Specialization' }).click();
  await page.getByRole('option', { name: 'All specializations' }).click();
  await expect(headers).toHaveCount(4);

  // Arrow keys move between slots; Page Down and Page Up change the day; T comes back.
  await cellStarting(grid, 'Dr Ama Mensah', '08:00 to 08:15').focus();
  await page.keyboard.press('ArrowDown');
  await expect(cellStarting(grid, 'Dr Ama Mensah', '08:15 to 08:30')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(cellStarting(grid, 'Dr Kofi Osei', '08:00 to 08:20')).toBeFocused();
  await page.keyboard.press('End');
  await expect(cellStarting(grid, 'Dr Kofi Osei', '17:40 to 18:00')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  const tomorrow = addDays(today, 1);
  await expect(page.getByRole('heading', { name: longDate(tomorrow) })).toBeVisible();
  await expect(cellStarting(dayGrid(page, tomorrow), 'Dr Kofi Osei', '08:00 to 08:20')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(
    dayGrid(page, tomorrow).getByRole('gridcell', { name: /^Dr Ama Mensah, 08:00 to 08:15, free$/ }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(
    dayGrid(page, tomorrow).getByRole('gridcell', {
      name: 'Dr Ama Mensah, 08:15 to 08:30, booked: Jane Doe, Scheduled',
    }),
  ).toBeFocused();
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: longDate(today) })).toBeVisible();
  await expect(cellStarting(dayGrid(page, today), 'Dr Ama Mensah', '08:15 to 08:30')).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('heading', { name: longDate(addDays(today, -1)) })).toBeVisible();
  await expect(
    page.getByText('No slots on this day. Add a weekly schedule under Doctors, or an extra session.'),
  ).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('heading', { name: longDate(today) })).toBeVisible();
  expect(errors).toEqual([]);
});

test('week view: one doctor, seven days, Page Down for the next week', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  const { today } = clinicData;
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/calendar/week`);
  await page.getByRole('combobox', { name: 'Doctor' }).click();
  await page.getByRole('option', { name: 'Dr Kofi Osei · Paediatrics' }).click();
  const monday = mondayOf(today);
  const weekGrid = (start: string) =>
    page.getByRole('grid', { name: `Slots of Dr Kofi Osei in the week starting ${formatDateMedium(start, LOCALE)}` });
  const grid = weekGrid(monday);
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('columnheader')).toHaveCount(8);
  await expectNoSeriousA11yViolations(page, 'week view');
  await screenshots(page, 'week');
  // 200% zoom of a 1366×768 screen.
  await page.setViewportSize({ width: 683, height: 384 });
  await page.screenshot({ path: `${SHOTS}/week-zoom-200.png` });
  await page.setViewportSize({ width: 1366, height: 768 });

  const target = addDays(monday, 7);
  await grid.getByRole('gridcell').and(grid.locator('[tabindex="0"]')).focus();
  await page.keyboard.press('PageDown');
  await expect(weekGrid(target)).toBeVisible();
  await expect(weekGrid(target).locator('[tabindex="0"]')).toBeFocused();
  await expect(weekGrid(target).getByRole('gridcell', { name: /, 08:00 to 08:20, free$/ })).toHaveCount(7);
  expect(errors).toEqual([]);
});

test('blocking a slot from its dialog shows it blocked, with the reason on focus', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  const tomorrow = addDays(clinicData.today, 1);
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/calendar/day?date=${tomorrow}`);
  const grid = dayGrid(page, tomorrow);
  await grid.getByRole('gridcell', { name: 'Dr Ama Mensah, 09:00 to 09:15, free' }).focus();
  // Enter books a free slot; B opens its details, where it can be blocked.
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: 'Dr Ama Mensah, 09:00 to 09:15' });
  await expect(dialog.getByRole('button', { name: 'Book appointment' })).toBeEnabled();
  await expect(dialog.getByLabel('Reason for blocking')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'slot dialog');
  await dialog.getByLabel('Reason for blocking').fill('Team meeting');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const blocked = grid.getByRole('gridcell', { name: 'Dr Ama Mensah, 09:00 to 09:15, blocked: Team meeting' });
  await expect(blocked).toBeFocused();
  await expect(blocked).toContainText('Team meeting');
  await expect(page.getByRole('tooltip')).toHaveText('Blocked: Team meeting');
  expect(errors).toEqual([]);
});

test('leave added on the doctor page shows in the calendar; booked appointments need a choice', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  const inTwoDays = addDays(clinicData.today, 2);
  const tomorrow = addDays(clinicData.today, 1);
  await signIn(page, clinic.url, ADMIN.email, ADMIN.password);
  await page.goto(`${clinic.url}#/calendar/doctors`);
  await page.getByRole('textbox', { name: 'Search doctors' }).fill('osei');
  await expect(page.getByRole('link', { name: 'Dr Ama Mensah' })).toBeHidden();
  await page.getByRole('link', { name: 'Dr Kofi Osei' }).click();
  await expect(page.getByRole('heading', { name: 'Dr Kofi Osei' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Weekly schedule rules' }).getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'doctor page');
  await page.screenshot({ path: `${SHOTS}/doctor-page-light.png`, fullPage: true });

  await page.getByRole('button', { name: 'Add leave' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add leave' });
  await dialog.getByLabel('First day').fill(inTwoDays);
  // The picker's state is set on purpose, not left to focus timing: open, scanned, then closed.
  await dialog.getByLabel('First day').click();
  const previousMonth = page.getByRole('button', { name: 'Previous month' });
  await expect(previousMonth).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next month' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'leave dialog with the date picker open');
  await page.screenshot({ path: `${SHOTS}/leave-dialog-picker-light.png` });
  await dialog.getByLabel('Reason', { exact: true }).click();
  await expect(previousMonth).toBeHidden();
  await dialog.getByLabel('Reason', { exact: true }).fill('Conference');
  await expectNoSeriousA11yViolations(page, 'leave dialog');
  await page.screenshot({ path: `${SHOTS}/leave-dialog-light.png` });
  await dialog.getByRole('button', { name: 'Add leave' }).click();
  await expect(dialog).toBeHidden();
  // "… 12 slots removed." — or, when the run crosses the clinic's midnight, the new day's slots
  // added at the end of the horizon as well: "… 3 slots added, 12 removed."
  await expect(page.getByText(/^Leave saved\. (\d+ slots? added, )?\d+ (slots )?removed\.$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Leave and extra sessions' })).toContainText('Conference');

  await page.goto(`${clinic.url}#/calendar/day?date=${inTwoDays}`);
  const grid = dayGrid(page, inTwoDays);
  await expect(grid.getByRole('columnheader').nth(2)).toContainText('On leave all day: Conference');
  await expect(grid.getByRole('gridcell', { name: 'Dr Kofi Osei, on leave: Conference' })).toBeVisible();

  // Leave over Jane Doe's booking tomorrow: the dialog lists it and asks what happens to it.
  await page.goto(`${clinic.url}#/calendar/doctors/${clinicData.doctorIds['Dr Ama Mensah']}`);
  await page.getByRole('button', { name: 'Add leave' }).click();
  dialog = page.getByRole('dialog', { name: 'Add leave' });
  await dialog.getByLabel('First day').fill(tomorrow);
  await dialog.getByRole('switch', { name: 'Only part of the day' }).check();
  await dialog.getByLabel('From').fill('08:00');
  await dialog.getByLabel('Until').fill('9:00');
  await dialog.getByLabel('Reason', { exact: true }).fill('Training');
  await dialog.getByRole('button', { name: 'Add leave' }).click();
  await expect(dialog.getByRole('table', { name: 'Booked appointments in this leave' })).toContainText('Jane Doe');
  await dialog.getByRole('button', { name: 'Add leave' }).click();
  await expect(dialog.getByText('Choose what happens to the booked appointments.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/leave-choice-light.png` });
  await expectNoSeriousA11yViolations(page, 'leave dialog with booked appointments');
  await dialog.getByRole('radio', { name: /^Keep them/ }).check();
  await dialog.getByRole('button', { name: 'Add leave' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`${clinic.url}#/calendar/day?date=${tomorrow}`);
  const next = dayGrid(page, tomorrow);
  await expect(next.getByRole('columnheader').nth(1)).toContainText('On leave 08:00 to 09:00: Training');
  await expect(
    next.getByRole('gridcell', { name: 'Dr Ama Mensah, 08:15 to 08:30, booked: Jane Doe, Scheduled' }),
  ).toBeVisible();
  // The free slots in the leave were removed: the leave shows as bands around the kept booking.
  await expect(next.getByRole('gridcell', { name: 'Dr Ama Mensah, on leave: Training' })).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'day view with leave, a booking and a block');
  await screenshots(page, 'day-states');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expectNoSeriousA11yViolations(page, 'day view in the dark theme');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  expect(errors).toEqual([]);
});

/** Five more doctors, so that the clinic's eight do not all fit beside each other at 1366 px. */
const MORE_DOCTORS = ['Dr Noor Haddad', 'Dr Tomas Ruiz', 'Dr Priya Raman', 'Dr Chen Wei', 'Dr Olu Adeyemi'];

test('day view at 1366×768: every doctor reachable on pages that say so, the now line, Enter books a free slot', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  const { today } = clinicData;
  for (const [index, name] of MORE_DOCTORS.entries()) {
    const user = await dispatch(clinic.core, 'users.create', {
      name,
      email: `more-${index}@clinic.test`,
      password: `doctor-password-more-${index}`,
      phone: '',
      role: 'doctor',
      doctor: {
        specialization: 'General practice',
        experienceYears: 3,
        consultationFee: 30,
        about: null,
        rating: null,
        isAvailable: true,
      },
    });
    await dispatch(clinic.core, 'templates.create', {
      doctorId: user.userId,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      startTime: '08:00',
      endTime: '18:00',
      slotMinutes: 15,
      validFrom: today,
    });
  }
  const everyDoctor = [...['Dr Ama Mensah', 'Dr Kofi Osei', 'Dr Lena Berg'], ...MORE_DOCTORS].sort();
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  await page.goto(`${clinic.url}#/calendar/day`);
  const grid = dayGrid(page, today);
  await expect(grid).toBeVisible();

  // Every doctor of the day: on this page, in view, or on a later page the count names.
  const pager = page.getByText(/^Doctors \d+–\d+ of \d+$/);
  const seen: string[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    const headers = grid.getByRole('columnheader');
    await expect(headers.first()).toBeVisible();
    const count = (await headers.count()) - 1;
    for (let index = 1; index <= count; index += 1) {
      await expect(headers.nth(index)).toBeInViewport();
      seen.push((await headers.nth(index).locator('p').first().innerText()).trim());
    }
    if (seen.length === everyDoctor.length) {
      console.log(
        `Calendar at 1366×768: ${everyDoctor.length} doctors on ${pageNumber} page(s), ${count} on the last.`,
      );
      break;
    }
    const range = /^Doctors (\d+)–(\d+) of (\d+)$/.exec(await pager.innerText());
    expect(range?.slice(1).map(Number)).toEqual([seen.length - count + 1, seen.length, everyDoctor.length]);
    if (pageNumber === 1) {
      await expectNoSeriousA11yViolations(page, 'day view, paged doctors');
      await screenshots(page, 'day-1366-paged');
    }
    await page.getByRole('button', { name: 'Next doctors' }).click();
    await expect(pager).toHaveText(new RegExp(`^Doctors ${seen.length + 1}–`));
  }
  expect([...seen].sort()).toEqual(everyDoctor);

  // Today opens at now: the line is drawn and scrolled into view, with the time on it.
  const nowLine = page.locator('.cd-now-line');
  await expect(nowLine).toBeVisible();
  await expect(nowLine).toBeInViewport();
  await expect(nowLine).toHaveText(/^Now \d{2}:\d{2}$/);

  // Enter on a free slot goes straight to booking, with the slot chosen.
  await page.getByRole('button', { name: 'Previous doctors' }).click();
  const tomorrow = addDays(today, 1);
  await page.goto(`${clinic.url}#/calendar/day?date=${tomorrow}`);
  // (09:00 was blocked by an earlier test; 08:00–09:00 is leave.)
  const free = dayGrid(page, tomorrow).getByRole('gridcell', { name: 'Dr Ama Mensah, 10:00 to 10:15, free' });
  await free.focus();
  await page.keyboard.press('Enter');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking).toBeVisible();
  await expect(booking).toContainText('Dr Ama Mensah');
  await expect(page.getByLabel('Reason for blocking')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(booking).toBeHidden();
  await expect(free).toBeFocused();
  // A booked slot says its status in words.
  await expect(
    dayGrid(page, tomorrow).getByRole('gridcell', {
      name: 'Dr Ama Mensah, 08:15 to 08:30, booked: Jane Doe, Scheduled',
    }),
  ).toContainText('Scheduled');
  await page.screenshot({ path: `${SHOTS}/day-1366-tomorrow-light.png` });
  expect(errors).toEqual([]);
});

test('day view with 200 doctors: one page of columns, read from main page by page (figures printed)', async ({
  page,
  clinic,
}) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  const tomorrow = addDays(clinicData.today, 1);
  const existing = (await dispatch(clinic.core, 'schedule.day', { date: tomorrow })).totalDoctors;
  for (let index = existing; index < 200; index += 1) {
    const user = await dispatch(clinic.core, 'users.create', {
      name: `Dr Many ${String(index).padStart(3, '0')}`,
      email: `many-${index}@clinic.test`,
      password: `doctor-password-many-${index}`,
      phone: '',
      role: 'doctor',
      doctor: {
        specialization: 'General practice',
        experienceYears: 1,
        consultationFee: 30,
        about: null,
        rating: null,
        isAvailable: true,
      },
    });
    await dispatch(clinic.core, 'templates.create', {
      doctorId: user.userId,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      startTime: '08:00',
      endTime: '18:00',
      slotMinutes: 15,
      validFrom: clinicData.today,
      validTo: tomorrow,
    });
  }
  await signIn(page, clinic.url, RECEPTIONIST.email, RECEPTIONIST.password);
  const { today } = clinicData;
  await page.goto(`${clinic.url}#/calendar/day`);
  await expect(dayGrid(page, today)).toBeVisible();
  // From another screen to today's day view: the click to the first slot cell painted, the
  // longest task meanwhile, and the page's size. Twice: the first visit also loads the area.
  for (const visit of ['first', 'second']) {
    await page.getByRole('link', { name: 'Patients' }).click();
    await expect(page.getByRole('grid')).toHaveCount(0);
    await page.evaluate(() => {
      const marks = { start: performance.now(), grid: 0, longest: 0 };
      Object.assign(window, { calendarMarks: marks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.startTime >= marks.start) marks.longest = Math.max(marks.longest, entry.duration);
        }
      }).observe({ type: 'longtask' });
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[role="grid"] [role="gridcell"]')) return;
        seen.disconnect();
        requestAnimationFrame(() => {
          marks.grid = performance.now();
        });
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('link', { name: 'Calendar' }).click();
    await expect(page.getByText(/^Doctors 1–\d+ of 200$/)).toBeVisible();
    await expect(dayGrid(page, today).getByRole('gridcell').first()).toBeVisible();
    const figures = await page.evaluate(() => {
      const marks = (window as unknown as { calendarMarks: { start: number; grid: number; longest: number } })
        .calendarMarks;
      return {
        firstGridMs: Math.round(marks.grid - marks.start),
        longestTaskMs: Math.round(marks.longest),
        domNodes: document.getElementsByTagName('*').length,
      };
    });
    console.log(
      `Calendar day view, 200 doctors, ${visit} visit: first slot cells painted ${figures.firstGridMs} ms after the click, longest task ${figures.longestTaskMs} ms, ${figures.domNodes} DOM nodes.`,
    );
  }
  const grid = dayGrid(page, today);
  const columns = (await grid.getByRole('columnheader').count()) - 1;
  expect(columns).toBeLessThanOrEqual(8);
  await page.getByRole('button', { name: 'Next doctors' }).click();
  await expect(page.getByText(new RegExp(`^Doctors ${columns + 1}–${2 * columns} of 200$`))).toBeVisible();
  expect(errors).toEqual([]);
});
