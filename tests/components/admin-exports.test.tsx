import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Doctor } from '#contract/schedule.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → Exports: the range and doctor chosen reach the right channel, and the file main
// returns is saved. Clinic clock: Tuesday 10 March 2026, Europe/London.

const doctor = (doctorId: number, name: string): Doctor => ({
  doctorId,
  name,
  email: null,
  phone: null,
  specialization: 'General practice',
  experienceYears: 3,
  consultationFee: 30,
  about: null,
  rating: null,
  isAvailable: true,
  accountActive: true,
  version: 1,
});

const file = (fileName: string, mimeType: string) => ok({ fileName, mimeType, content: 'content' });

function clinicWith(handlers: Handlers = {}, role: 'admin' | 'receptionist' = 'admin') {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'doctors.list': () => ok([doctor(7, 'Dr Ama Mensah'), doctor(9, 'Dr Lena Berg')]),
      'exports.appointmentsCsv': () => file('appointments-2026-03-01-to-2026-03-31.csv', 'text/csv;charset=utf-8'),
      'exports.doctorIcs': () => file('calendar.ics', 'text/calendar;charset=utf-8'),
      'exports.fhirBundle': () => file('fhir.json', 'application/fhir+json'),
      'exports.patientsCsv': () => file('patients-2026-03-10.csv', 'text/csv;charset=utf-8'),
      ...handlers,
    },
  });
}

let blobs: Blob[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T10:00:00Z') });
  blobs = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:export';
  });
  URL.revokeObjectURL = vi.fn();
  // jsdom cannot navigate to a download; the click itself is what matters here.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function chooseDoctor(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(screen.getByRole('combobox', { name: 'Doctor' }));
  const listbox = await screen.findByRole('listbox', { name: 'Doctor', hidden: true });
  await user.click(within(listbox).getByRole('option', { name, hidden: true }));
}

describe('Exports tab', () => {
  it('exports this month’s appointments for every doctor as CSV with a byte order mark, and saves the file', async () => {
    const clinic = clinicWith();
    const { user } = renderApp(clinic, '/admin/exports');
    expect(await screen.findByRole('tab', { name: 'Exports', selected: true })).toBeInTheDocument();
    const button = await screen.findByRole('button', { name: 'Download appointments CSV' });
    await user.click(button);
    await waitFor(() =>
      expect(clinic.callsTo('exports.appointmentsCsv')).toEqual([{ from: '2026-03-01', to: '2026-03-31', bom: true }]),
    );
    expect(await screen.findByText('Saved appointments-2026-03-01-to-2026-03-31.csv.')).toBeInTheDocument();
    expect(blobs.map((b) => b.type)).toEqual(['text/csv;charset=utf-8']);
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalledTimes(1);
  });

  it('asks for a doctor before the calendar, then sends the chosen range and doctor', async () => {
    const clinic = clinicWith();
    const { user } = renderApp(clinic, '/admin/exports');
    const calendar = await screen.findByRole('button', { name: 'Download calendar' });
    expect(calendar).toBeDisabled();
    expect(screen.getByText('Choose a doctor above to export their calendar.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Last month' }));
    expect(screen.getByRole('button', { name: 'Last month' })).toHaveAttribute('aria-pressed', 'true');
    await chooseDoctor(user, 'Dr Lena Berg');
    await waitFor(() => expect(calendar).toBeEnabled());
    await user.click(calendar);
    await waitFor(() =>
      expect(clinic.callsTo('exports.doctorIcs')).toEqual([{ from: '2026-02-01', to: '2026-02-28', doctorId: 9 }]),
    );
    expect(blobs.map((b) => b.type)).toEqual(['text/calendar;charset=utf-8']);

    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle' }));
    await waitFor(() =>
      expect(clinic.callsTo('exports.fhirBundle')).toEqual([{ from: '2026-02-01', to: '2026-02-28', doctorId: 9 }]),
    );
  });

  it('sends the patients export without dates and without the mark when unticked', async () => {
    const clinic = clinicWith();
    const { user } = renderApp(clinic, '/admin/exports');
    await user.click(await screen.findByRole('checkbox', { name: /byte order mark/ }));
    await user.click(screen.getByRole('button', { name: 'Download patients CSV' }));
    await waitFor(() => expect(clinic.callsTo('exports.patientsCsv')).toEqual([{ bom: false }]));
  });

  it('shows main’s refusal under the field it names, and a plain refusal above the cards', async () => {
    const tooLong = 'Export at most 366 days at a time; choose an earlier last day.';
    let refusal = fail('VALIDATION', tooLong, { to: tooLong });
    const clinic = clinicWith({ 'exports.fhirBundle': () => refusal });
    const { user } = renderApp(clinic, '/admin/exports');
    await user.click(await screen.findByRole('button', { name: 'Download FHIR bundle' }));
    const lastDay = screen.getByLabelText('Last day');
    await waitFor(() => expect(lastDay).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText(tooLong)).toBeInTheDocument();

    refusal = fail('FORBIDDEN', 'Your role does not allow this. Ask an admin if you need it.');
    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle' }));
    const forbidden = await screen.findByText('Your role does not allow this. Ask an admin if you need it.');
    expect(forbidden.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByLabelText('Last day')).not.toHaveAttribute('aria-invalid', 'true');
    expect(blobs).toEqual([]);
  });

  it('is not offered to receptionists', async () => {
    const clinic = clinicWith({}, 'receptionist');
    renderApp(clinic, '/admin/exports');
    expect(await screen.findByText('You do not have access to this area.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download appointments CSV' })).not.toBeInTheDocument();
  });
});

describe('Export my calendar (doctor’s My day)', () => {
  it('exports the signed-in doctor’s own calendar from the day shown for twelve weeks', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('doctor'),
      handlers: {
        'schedule.myDay': ({ date }) =>
          ok({
            date: date ?? '2026-03-10',
            now: { date: '2026-03-10', time: '10:00' },
            doctor: { doctorId: 3, name: 'Dr Dan', specialization: 'General practice', isAvailable: true, leave: [] },
            slots: [],
          }),
        'exports.doctorIcs': () => file('calendar-dr-dan.ics', 'text/calendar;charset=utf-8'),
      },
    });
    const { user } = renderApp(clinic, '/calendar/my-day');
    await user.click(await screen.findByRole('button', { name: 'Export my calendar (.ics)' }));
    await waitFor(() =>
      expect(clinic.callsTo('exports.doctorIcs')).toEqual([{ doctorId: 3, from: '2026-03-10', to: '2026-06-01' }]),
    );
    expect(await screen.findByText('Saved calendar-dr-dan.ics.')).toBeInTheDocument();
  });
});
