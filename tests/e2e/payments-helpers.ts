import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../main/app-core.ts';
import { dispatch, setUpDeskClinic, type DeskClinic } from './desk-helpers.ts';

// Data and file helpers for the payments e2e. The clinic is the front desk's (a receptionist,
// Dr Ama Mensah at a fee of 60.00 GBP, three patients, two appointments later today), plus a
// third appointment for Jane that has been seen and not paid.

export const FILES = '.tmp/pw-payments-ui/files';
export const SHOTS = '.tmp/screenshots/payments';

export interface PaymentsClinic extends DeskClinic {
  /** Jane's visit today: completed, nothing paid. */
  completedAppointmentId: number;
}

export async function setUpPaymentsClinic(core: AppCore): Promise<PaymentsClinic> {
  const desk = await setUpDeskClinic(core);
  const free = await dispatch(core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 12 });
  const slot = free.filter((s) => s.date === desk.today)[10];
  if (!slot) throw new Error('The doctor has no free slot left today for the completed visit.');
  const seen = await dispatch(core, 'appointments.book', {
    availabilityId: slot.availabilityId,
    patientId: desk.patientIds.returning,
  });
  for (const step of ['appointments.checkIn', 'appointments.startConsultation', 'appointments.complete'] as const)
    await dispatch(core, step, { appointmentId: seen.appointmentId });
  mkdirSync(FILES, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  return { ...desk, completedAppointmentId: seen.appointmentId };
}

/** Presses a key and saves the download it starts. */
export async function downloadBy(page: Page, press: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  return save(download, name);
}

async function save(download: Download, name: string): Promise<string> {
  const path = join(FILES, name);
  await download.saveAs(path);
  return path;
}

/** The text of a PDF (poppler's pdftotext), with runs of spaces made single. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

/** The first page of a PDF as a PNG beside the screenshots, to look at. */
export function pdfToPng(path: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path, join(SHOTS, name)]);
}

/** Focuses a control and presses Enter on it, as a keyboard user would after tabbing to it. */
export async function pressOn(control: Locator, key = 'Enter'): Promise<void> {
  await expect(control).toBeEnabled();
  await control.focus();
  await control.press(key);
}
