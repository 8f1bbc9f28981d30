import { addDays } from '#shared/dates.ts';
import { expect, test, watchErrors } from './fixtures.ts';
import {
  ADMIN,
  dispatch,
  expectNoSeriousA11yViolations,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
  type DeskClinic,
} from './desk-helpers.ts';

// Search that answers the question, the patient page's history and money words, and the audit
// viewer for people, on the real web shell; each screen scanned by axe and photographed.

const SHOTS = '.tmp/pw-patients';
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let desk: DeskClinic;

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  desk = await setUpDeskClinic(core);
  // Jane came today (a completed visit) and is booked again for next week.
  const [first] = await dispatch(core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!first) throw new Error('The doctor has no free slot today.');
  const { appointmentId } = await dispatch(core, 'appointments.book', {
    availabilityId: first.availabilityId,
    patientId: desk.patientIds.returning,
  });
  await dispatch(core, 'appointments.checkIn', { appointmentId });
  await dispatch(core, 'appointments.startConsultation', { appointmentId });
  await dispatch(core, 'appointments.complete', { appointmentId });
  const [nextWeek] = await dispatch(core, 'schedule.nextFree', {
    doctorId: desk.doctorId,
    fromDate: addDays(desk.today, 7),
    limit: 1,
  });
  if (!nextWeek) throw new Error('The doctor has no free slot next week.');
  await dispatch(core, 'appointments.book', {
    availabilityId: nextWeek.availabilityId,
    patientId: desk.patientIds.returning,
  });
  await dispatch(core, 'appointments.cancel', {
    appointmentId: desk.cancellingAppointmentId,
    reason: 'Called to say she has the flu',
  });
});

test('search shows birth, phone, last visit and next appointment as you type', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.goto(`${clinic.url}#/patients`);
  await page.getByRole('searchbox', { name: 'Search patients' }).pressSequentially('jane');
  const table = page.getByRole('table', { name: 'Patients found' });
  const jane = table.getByRole('row', { name: /Jane Returning/ });
  await expect(jane).toBeVisible();
  await expect(jane.getByRole('cell')).toHaveText([
    'Jane Returning',
    /^P-\d{6}$/,
    '—Not given',
    '07700900123',
    /\d{4}$/,
    / at \d\d:\d\d$/,
    'jane@example.test',
  ]);
  await expect(table).not.toContainText('None');
  await page.screenshot({ path: `${SHOTS}/patients-search.png` });
  await expectNoSeriousA11yViolations(page, 'patient search');
  expect(errors).toEqual([]);
});

test('search paints each keystroke’s answer at once (a figure, not asserted)', async ({ page, clinic }) => {
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.goto(`${clinic.url}#/patients`);
  const box = page.getByRole('searchbox', { name: 'Search patients' });
  await box.pressSequentially('j');
  await expect(page.getByRole('table', { name: 'Patients found' })).toHaveAttribute('aria-busy', 'false');
  // In the page: from each keystroke's input event to the first frame where the table shows
  // that text's answer (aria-busy false: nothing newer is on its way).
  await page.evaluate(() => {
    const times: number[] = [];
    let typedAt: number | null = null;
    document.addEventListener('input', () => (typedAt = performance.now()), true);
    new MutationObserver(() => {
      const table = document.querySelector('table[aria-label="Patients found"]');
      if (typedAt === null || table?.getAttribute('aria-busy') !== 'false') return;
      const start = typedAt;
      typedAt = null;
      requestAnimationFrame(() => times.push(performance.now() - start));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    Object.assign(window, { searchTimes: times });
  });
  await box.pressSequentially('ane returning', { delay: 120 });
  await expect(page.getByRole('table', { name: 'Patients found' })).toHaveAttribute('aria-busy', 'false');
  const times = (await page.evaluate(() => (window as unknown as { searchTimes: number[] }).searchTimes)).sort(
    (a, b) => a - b,
  );
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  console.log(
    `search keystroke→painted over ${times.length} keys: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`,
  );
  expect(times.length).toBeGreaterThan(0);
});

test('the patient page shows why a visit was cancelled, and due now apart from upcoming', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.goto(`${clinic.url}#/patients/${desk.patientIds.cancelling}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Clara Cancels' })).toBeVisible();
  await expect(page.getByText('Why: Called to say she has the flu')).toBeVisible();
  const owed = page.getByRole('group', { name: 'What this patient owes' });
  await expect(owed).toContainText('Due now');
  await expect(owed).toContainText('Upcoming');
  await page.screenshot({ path: `${SHOTS}/patient-page.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'patient page');

  // Jane owes today's visit now; next week's is upcoming, not due.
  await page.goto(`${clinic.url}#/patients/${desk.patientIds.returning}`);
  const janeOwes = page.getByRole('group', { name: 'What this patient owes' });
  await expect(janeOwes).toContainText('Due now£60.00');
  await expect(janeOwes).toContainText('Upcoming£60.00');
  await page.screenshot({ path: `${SHOTS}/patient-page-owed.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the audit viewer speaks in names and words', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/admin/audit`);
  const entries = page.getByRole('list', { name: 'Audit entries' });
  await expect(entries.getByText('Signed in', { exact: true }).first()).toBeVisible();
  await expect(entries.getByText(/Patient: Clara Cancels/).first()).toBeVisible();
  await expect(entries.getByText('Changed status from Scheduled to Cancelled.')).toBeVisible();
  await expect(entries).not.toContainText('auth.sign_in');
  await expect(entries).not.toContainText('No details recorded.');
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/audit.png` });
  await expectNoSeriousA11yViolations(page, 'audit viewer');
  expect(errors).toEqual([]);
});
