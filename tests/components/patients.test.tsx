import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatientSearchResult } from '#contract/patients.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { boardFixture, fail, NO_DEMOGRAPHICS, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

function patient(patientId: number, name: string, phone: string): PatientSearchResult {
  return {
    patientId,
    patientNumber: `P-${String(patientId).padStart(6, '0')}`,
    name,
    phone,
    email: null,
    gender: null,
    age: 40,
    dateOfBirth: null,
    lastVisit: null,
    nextAppointment: null,
  };
}

const JANE = patient(1, 'Jane Doe', '07700900123');
const JANET = patient(2, 'Janet Smith', '07700900456');

function detail(summary: PatientSearchResult): ChannelOutput<'patients.get'> {
  const { lastVisit: _lastVisit, nextAppointment: _next, ...fields } = summary;
  return {
    ...fields,
    ...NO_DEMOGRAPHICS,
    medicalNotes: null,
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    appointments: [],
    reschedules: [],
  };
}

function clinicWithPatients() {
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'appointments.board': () => ok(boardFixture('2026-03-10', '10:00', [])),
      'waitlist.matches': () => ok([]),
      'waitlist.list': () => ok([]),
      'patients.search': ({ query }) =>
        ok([JANE, JANET].filter((p) => p.name.toLowerCase().includes(query.toLowerCase()))),
      'patients.get': ({ patientId }) => ok(detail(patientId === 2 ? JANET : JANE)),
    },
  });
}

describe('global patient search', () => {
  it('is focused by Ctrl+K, moves through results with the arrows and opens one with Enter', async () => {
    const clinic = clinicWithPatients();
    const { user } = renderApp(clinic, '/front-desk');
    await screen.findByText('No appointments today — press N to book one.');

    await user.keyboard('{Control>}k{/Control}');
    const search = screen.getByRole('combobox', { name: 'Search patients' });
    expect(search).toHaveFocus();

    await user.type(search, 'jan');
    await screen.findByRole('option', { name: /Janet Smith/, hidden: true });
    await user.keyboard('{ArrowDown}{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Janet Smith' })).toBeInTheDocument();
    expect(clinic.callsTo('patients.get')).toEqual([{ patientId: 2 }]);
  });

  it('offers to register a new patient pre-filled with the typed phone number when nothing matches', async () => {
    const clinic = clinicWithPatients();
    const { user } = renderApp(clinic, '/front-desk');
    await screen.findByText('No appointments today — press N to book one.');
    await user.keyboard('/');
    const search = screen.getByRole('combobox', { name: 'Search patients' });
    expect(search).toHaveFocus();
    await user.keyboard('0161 555');
    expect(await screen.findByText('No patient matches “0161 555”.')).toBeInTheDocument();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Register patient' });
    expect(within(dialog).getByLabelText('Phone')).toHaveValue('0161 555');
    expect(within(dialog).getByLabelText('Full name')).toHaveValue('');
  });
});

describe('registering a patient', () => {
  it('shows possible duplicates first, and registers after “This is a different person”', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.findDuplicates': () => ok([JANE]),
        'patients.register': (input) => ok({ ...detail(patient(9, input.name, input.phone)) }),
        'patients.get': () => ok(detail(patient(9, 'Jane Doe', '07700900123'))),
      },
    });
    const { user } = renderApp(clinic, '/patients');
    await user.click(await screen.findByRole('button', { name: 'Register patient' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register patient' });
    const inDialog = within(dialog);
    await user.type(inDialog.getByLabelText('Full name'), 'Jane Doe');
    await user.type(inDialog.getByLabelText('Phone'), '07700 900123');
    await user.click(inDialog.getByRole('button', { name: 'Register patient' }));

    expect(await inDialog.findByText('This patient may already be registered')).toBeInTheDocument();
    expect(inDialog.getByRole('button', { name: 'Open existing record of Jane Doe, P-000001' })).toBeInTheDocument();
    expect(clinic.callsTo('patients.findDuplicates')).toEqual([
      { name: 'Jane Doe', phone: '07700900123', email: null },
    ]);
    expect(clinic.callsTo('patients.register')).toEqual([]);

    await user.click(inDialog.getByRole('button', { name: 'This is a different person' }));
    await waitFor(() => expect(clinic.callsTo('patients.register')).toHaveLength(1));
    expect(clinic.callsTo('patients.register')[0]).toMatchObject({
      name: 'Jane Doe',
      phone: '07700900123',
      confirmedNotDuplicate: true,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Jane Doe' })).toBeInTheDocument();
  });

  it('opens the existing record instead when asked', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.findDuplicates': () => ok([JANE]),
        'patients.get': () => ok(detail(JANE)),
      },
    });
    const { user } = renderApp(clinic, '/patients');
    await user.click(await screen.findByRole('button', { name: 'Register patient' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register patient' });
    await user.type(within(dialog).getByLabelText('Full name'), 'Jane Doe');
    await user.type(within(dialog).getByLabelText('Phone'), '07700900123{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: /Open existing record of Jane Doe/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Jane Doe' })).toBeInTheDocument();
    expect(clinic.callsTo('patients.register')).toEqual([]);
  });
});

describe('patient page', () => {
  it('says when another desk saved first, and loads their version on request', async () => {
    let version = 1;
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.get': () => ok({ ...detail(JANE), name: version === 1 ? 'Jane Doe' : 'Jane Doe-Smith', version }),
        'patients.update': () => {
          version = 2;
          return fail('STALE', 'Someone else saved this patient while you were editing.');
        },
      },
    });
    const { user } = renderApp(clinic, '/patients/1');
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Jane Doe' });
    const inDialog = within(dialog);
    await user.clear(inDialog.getByLabelText('Full name'));
    await user.type(inDialog.getByLabelText('Full name'), 'Jane Q Doe');
    await user.click(inDialog.getByRole('button', { name: 'Save changes' }));

    expect(await inDialog.findByText('This patient changed at another desk')).toBeInTheDocument();
    await user.click(inDialog.getByRole('button', { name: 'Load their version' }));
    await waitFor(() => expect(inDialog.getByLabelText('Full name')).toHaveValue('Jane Doe-Smith'));
    await user.click(inDialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(clinic.callsTo('patients.update')).toHaveLength(2));
    expect(clinic.callsTo('patients.update')[1]).toMatchObject({ patientId: 1, version: 2, name: 'Jane Doe-Smith' });
  });

  it('lets an admin undo the last step of an appointment, with a reason', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const checkedIn = {
      appointmentId: 7,
      doctorId: 11,
      doctorName: 'Dr Ama Mensah',
      patientId: 1,
      patientName: 'Jane Doe',
      availabilityId: 70,
      date: '2099-01-05',
      time: '09:00',
      endTime: '09:15',
      status: 'checked_in' as const,
      isWalkIn: false,
      needsRescheduleReason: null,
      checkedInAt: `${today}T09:00:00.000Z`,
      createdAt: `${today}T08:00:00.000Z`,
      statusReason: null,
    };
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'patients.get': () => ok({ ...detail(JANE), appointments: [checkedIn] }),
        'appointments.undoLastStep': () => ok({ ...checkedIn, status: 'scheduled' }),
      },
    });
    const { user } = renderApp(clinic, '/patients/1');
    await user.click(await screen.findByRole('button', { name: 'Undo the last step for Jane Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo the last step for Jane Doe?' });
    await user.click(within(dialog).getByRole('button', { name: 'Undo last step' }));
    expect(await within(dialog).findByText('Enter the reason for the undo.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Reason for the undo'), 'Checked in the wrong patient{Enter}');
    await waitFor(() =>
      expect(clinic.callsTo('appointments.undoLastStep')).toEqual([
        { appointmentId: 7, reason: 'Checked in the wrong patient' },
      ]),
    );
  });
});

describe('patients page results', () => {
  const MANY = Array.from({ length: 200 }, (_, i) =>
    patient(i + 1, `Anna Perera ${String(i + 1).padStart(3, '0')}`, '07700900000'),
  );

  // jsdom has no layout: give elements the size a screen would, so the virtualizer has a window.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(960);
  });
  afterEach(() => vi.restoreAllMocks());

  it('renders only the rows in view of a long result list, and the arrows walk through them', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: { 'patients.search': () => ok(MANY) },
    });
    const { user } = renderApp(clinic, '/patients');
    await user.type(await screen.findByRole('searchbox', { name: 'Search patients' }), 'anna');

    const table = await screen.findByRole('table', { name: 'Patients found' });
    expect(table).toHaveAttribute('aria-rowcount', '201');
    const links = await within(table).findAllByRole('link');
    expect(links[0]).toHaveTextContent('Anna Perera 001');
    // A window of rows, not all 200.
    expect(links.length).toBeGreaterThan(5);
    expect(links.length).toBeLessThan(60);
    expect(screen.getByText('Showing the first 200 patients. Type more to narrow the list.')).toBeInTheDocument();

    links[0]?.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Anna Perera 002' })).toHaveFocus());
  });
});
