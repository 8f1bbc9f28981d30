import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AppCore } from '../../main/app-core.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '#contract/index.ts';

// Data for the front-desk e2e, set up through the real dispatcher (the channels the UI calls)
// as an admin on a client key of its own. Signing in and everything after goes through the UI.

export const ADMIN = { name: 'Grace Hopper', email: 'grace@clinic.test', password: 'admin-password-123' };
export const RECEPTIONIST = { name: 'Rosa Parks', email: 'rosa@clinic.test', password: 'desk-password-123' };
export const DOCTOR = { name: 'Dr Ama Mensah', email: 'ama@clinic.test', password: 'doctor-password-1' };

export const PATIENTS = {
  returning: { name: 'Jane Returning', phone: '07700 900123', email: 'jane@example.test' },
  moving: { name: 'Martin Moves', phone: '07700 900456', email: null },
  cancelling: { name: 'Clara Cancels', phone: '07700 900789', email: null },
} as const;

const SETUP_KEY = 'e2e-desk-setup';

export async function dispatch<C extends ChannelName>(
  core: AppCore,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(SETUP_KEY, channel, input);
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/**
 * A fixed-offset zone where it is around midday now, so today always has free slots left
 * whenever the suite runs ("Etc/GMT-5" is UTC+5: the sign is inverted by convention).
 */
export function middayZone(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  if (offset === 0) return 'UTC';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export interface DeskClinic {
  today: string;
  doctorId: number;
  patientIds: Record<keyof typeof PATIENTS, number>;
  /** Martin's and Clara's appointments, booked later today. */
  movingAppointmentId: number;
  cancellingAppointmentId: number;
}

/** First-run setup, a receptionist, a doctor free all day every day, three returning patients. */
export async function setUpDeskClinic(core: AppCore): Promise<DeskClinic> {
  await dispatch(core, 'setup.complete', {
    clinicName: 'Harbour Street Clinic',
    clinicAddress: '1 Harbour Street',
    timeZone: middayZone(),
    currency: 'GBP',
    adminName: ADMIN.name,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  await dispatch(core, 'users.create', { ...RECEPTIONIST, phone: '', role: 'receptionist' });
  const doctor = await dispatch(core, 'users.create', {
    ...DOCTOR,
    phone: '',
    role: 'doctor',
    doctor: {
      specialization: 'Cardiology',
      experienceYears: 12,
      consultationFee: 60,
      about: null,
      rating: null,
      isAvailable: true,
    },
  });
  const board = await dispatch(core, 'appointments.board', {});
  const today = board.now.date;
  await dispatch(core, 'templates.create', {
    doctorId: doctor.userId,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: '00:00',
    endTime: '23:30',
    slotMinutes: 15,
    validFrom: today,
  });
  const patientIds = {} as Record<keyof typeof PATIENTS, number>;
  for (const [key, patient] of Object.entries(PATIENTS) as [
    keyof typeof PATIENTS,
    (typeof PATIENTS)[keyof typeof PATIENTS],
  ][]) {
    const registered = await dispatch(core, 'patients.register', { ...patient, medicalNotes: null });
    patientIds[key] = registered.patientId;
  }
  // Two later appointments today, well after the first free slot.
  const free = await dispatch(core, 'schedule.nextFree', { doctorId: doctor.userId, limit: 12 });
  const later = free.filter((slot) => slot.date === today);
  const [moveSlot, cancelSlot] = [later[6], later[8]];
  if (!moveSlot || !cancelSlot) throw new Error('The doctor has no free slots later today.');
  const moving = await dispatch(core, 'appointments.book', {
    availabilityId: moveSlot.availabilityId,
    patientId: patientIds.moving,
  });
  const cancelling = await dispatch(core, 'appointments.book', {
    availabilityId: cancelSlot.availabilityId,
    patientId: patientIds.cancelling,
  });
  return {
    today,
    doctorId: doctor.userId,
    patientIds,
    movingAppointmentId: moving.appointmentId,
    cancellingAppointmentId: cancelling.appointmentId,
  };
}

export async function signIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Front desk' })).toBeVisible();
}

/**
 * axe finds nothing serious or critical. It runs once no animation or transition is running: a
 * dialog or panel measured mid-fade, at part opacity, fails colour contrast only by timing.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} at ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}
