import { expect, type Page } from '@playwright/test';
import type { AppCore } from '../../main/app-core.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '#contract/index.ts';
import { addDays } from '#shared/dates.ts';

// Data for the calendar e2e, set up through the real dispatcher (the same channels the UI
// calls), as an admin signed in on a client key of its own. Sign-in in the browser goes
// through the UI.

export const ADMIN = { name: 'Grace Hopper', email: 'grace@clinic.test', password: 'admin-password-123' };
export const RECEPTIONIST = { name: 'Rosa Parks', email: 'rosa@clinic.test', password: 'desk-password-123' };

export interface SeedDoctor {
  name: string;
  email: string;
  password: string;
  specialization: string;
  slotMinutes: number;
  isAvailable: boolean;
}

export const DOCTORS: readonly SeedDoctor[] = [
  {
    name: 'Dr Ama Mensah',
    email: 'ama@clinic.test',
    password: 'doctor-password-1',
    specialization: 'Cardiology',
    slotMinutes: 15,
    isAvailable: true,
  },
  {
    name: 'Dr Kofi Osei',
    email: 'kofi@clinic.test',
    password: 'doctor-password-2',
    specialization: 'Paediatrics',
    slotMinutes: 20,
    isAvailable: true,
  },
  {
    name: 'Dr Lena Berg',
    email: 'lena@clinic.test',
    password: 'doctor-password-3',
    specialization: 'Cardiology',
    slotMinutes: 30,
    isAvailable: false,
  },
];

const SETUP_KEY = 'e2e-schedule-setup';

/** Calls one channel as the setup admin; fails the test with main's message when refused. */
export async function dispatch<C extends ChannelName>(
  core: AppCore,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(SETUP_KEY, channel, input);
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

export interface ScheduleClinic {
  /** The clinic's today and time when the data was made (from schedule.day's `now`). */
  today: string;
  now: string;
  doctorIds: Record<string, number>;
}

/**
 * First-run setup (London time), a receptionist, three doctors with weekly rules valid from
 * today on every weekday (08:00–12:00 and 13:00–18:00), and one booked appointment tomorrow.
 */
export async function setUpScheduleClinic(core: AppCore): Promise<ScheduleClinic> {
  await dispatch(core, 'setup.complete', {
    clinicName: 'Harbour Street Clinic',
    clinicAddress: '1 Harbour Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: ADMIN.name,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const { now } = await dispatch(core, 'schedule.day', { date: '2000-01-01' });
  await dispatch(core, 'users.create', { ...RECEPTIONIST, role: 'receptionist', phone: '' });
  const doctorIds: Record<string, number> = {};
  for (const [index, doctor] of DOCTORS.entries()) {
    const user = await dispatch(core, 'users.create', {
      name: doctor.name,
      email: doctor.email,
      password: doctor.password,
      phone: '',
      role: 'doctor',
      doctor: {
        specialization: doctor.specialization,
        experienceYears: 5 + index * 4,
        consultationFee: 40 + index * 15,
        about: null,
        rating: null,
        isAvailable: doctor.isAvailable,
      },
    });
    doctorIds[doctor.name] = user.userId;
    for (const [startTime, endTime] of [
      ['08:00', '12:00'],
      ['13:00', '18:00'],
    ] as const) {
      await dispatch(core, 'templates.create', {
        doctorId: user.userId,
        weekdays: [0, 1, 2, 3, 4, 5, 6],
        startTime,
        endTime,
        slotMinutes: doctor.slotMinutes,
        validFrom: now.date,
      });
    }
  }
  const patient = await dispatch(core, 'patients.register', { name: 'Jane Doe', phone: '+44 20 7946 0011' });
  const tomorrow = await dispatch(core, 'schedule.day', { date: addDays(now.date, 1) });
  const first = tomorrow.slots.find(
    (slot) => slot.doctorId === doctorIds['Dr Ama Mensah'] && slot.startTime === '08:15',
  );
  if (first)
    await dispatch(core, 'appointments.book', { availabilityId: first.availabilityId, patientId: patient.patientId });
  return { today: now.date, now: now.time, doctorIds };
}

// How the app writes dates (a clinic date is a wall-clock date: formatted as UTC midnight).
const formatUtc = (date: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "Thursday, November 26, 2026" in en-US. */
export const formatDateLong = (date: string, locale: string) =>
  formatUtc(date, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Thu, Nov 26, 2026" in en-US. */
export const formatDateMedium = (date: string, locale: string) =>
  formatUtc(date, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** Signs in through the sign-in screen and waits for the app frame. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}
