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

// Merging a duplicate on the real web shell: from the patient page by keyboard, both records
// side by side, the visit moving to the kept record, and the admin's Undo; and the duplicate
// check offering the merge when it finds two existing records. Scanned by axe, photographed.

const SHOTS = '.tmp/pw-patient-merge';
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let desk: DeskClinic;
let keptId: number;
let duplicateId: number;
const number = (id: number) => `P-${String(id).padStart(6, '0')}`;

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  desk = await setUpDeskClinic(core);
  const joan = { name: 'Joan Twice', phone: '07700 900555', email: null, medicalNotes: null };
  keptId = (await dispatch(core, 'patients.register', joan)).patientId;
  duplicateId = (
    await dispatch(core, 'patients.register', {
      ...joan,
      medicalNotes: 'Allergic to penicillin',
      confirmedNotDuplicate: true,
    })
  ).patientId;
  const [slot] = await dispatch(core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 1 });
  if (!slot) throw new Error('The doctor has no free slot.');
  await dispatch(core, 'appointments.book', { availabilityId: slot.availabilityId, patientId: duplicateId });
});

test('the duplicate check offers to merge two existing records it found', async ({ page, clinic }) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, RECEPTIONIST);
  await page.goto(`${clinic.url}#/patients`);
  await page.getByRole('button', { name: 'Register patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register patient' });
  await dialog.getByLabel('Full name').fill('Joan Twice');
  await dialog.getByLabel('Phone', { exact: true }).fill('07700 900555');
  await dialog.getByRole('button', { name: 'Register patient' }).click();
  const offer = dialog.getByRole('button', { name: `Merge ${number(keptId)} and ${number(duplicateId)}…` });
  await expect(offer).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/duplicate-check.png` });
  expect(errors).toEqual([]);
});

test('an admin merges by keyboard from the patient page, the visit moves, and Undo restores both', async ({
  page,
  clinic,
}) => {
  const errors = watchErrors(page);
  await signIn(page, clinic.url, ADMIN);
  await page.goto(`${clinic.url}#/patients/${keptId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Joan Twice' })).toBeVisible();
  await page.getByRole('button', { name: 'Merge with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge duplicate records' });
  const picker = dialog.getByRole('combobox', { name: /The other record/ });
  await expect(picker).toBeFocused();
  await picker.pressSequentially(number(duplicateId));
  await expect(page.getByRole('option', { name: new RegExp(number(duplicateId)) })).toBeVisible();
  await page.keyboard.press('Enter');
  const notes = dialog.getByRole('radiogroup', { name: 'Medical notes' });
  await expect(notes).toBeVisible();
  await notes.getByRole('radio', { name: /Allergic to penicillin/ }).focus();
  await page.keyboard.press('Space');
  await expect(notes.getByRole('radio', { name: /Allergic to penicillin/ })).toBeChecked();
  await expect(dialog.getByText('1 appointment', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/merge-dialog.png` });
  await expectNoSeriousA11yViolations(page, 'merge dialog');

  await dialog.getByRole('button', { name: 'Merge records' }).click();
  await expect(page.getByText(`${number(duplicateId)} was merged into ${number(keptId)}.`)).toBeVisible();
  await expect(page.getByText('Allergic to penicillin')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Upcoming appointments' }).getByRole('row')).toHaveCount(2);
  // The visit's payment account moved with it.
  await expect(page.getByRole('group', { name: 'What this patient owes' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/merged.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'patient page after a merge');

  // An old link to the merged-away record says where its patient is now.
  await page.goto(`${clinic.url}#/patients/${duplicateId}`);
  await expect(page.getByText(`This record was merged into ${number(keptId)}`)).toBeVisible();
  await page.getByRole('link', { name: `Open ${number(keptId)}` }).click();
  await expect(page.getByText('Allergic to penicillin')).toBeVisible();

  await page.getByRole('button', { name: 'Undo merge' }).click();
  await expect(
    page.getByText(`The merge was undone: ${number(duplicateId)} is a record of its own again.`),
  ).toBeVisible();
  await expect(page.getByText('Allergic to penicillin')).toHaveCount(0);
  expect(errors).toEqual([]);
});
