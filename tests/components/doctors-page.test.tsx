import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Doctor } from '#contract/schedule.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

function doctor(overrides: Partial<Doctor> = {}): Doctor {
  return {
    doctorId: 11,
    name: 'Dr Ama Mensah',
    email: 'ama@clinic.test',
    phone: null,
    specialization: 'Cardiology',
    experienceYears: 9,
    consultationFee: 45,
    about: 'Heart health for all ages.',
    rating: 4.5,
    isAvailable: true,
    accountActive: true,
    version: 2,
    ...overrides,
  };
}

const AFFECTED = [
  { appointmentId: 1, patientName: 'Jane Doe', date: '2030-01-07', time: '09:15', status: 'scheduled' },
  { appointmentId: 2, patientName: 'John Roe', date: '2030-01-08', time: '10:00', status: 'scheduled' },
];
const OVERLAP = 'This rule overlaps the rule for Monday and Wednesday, 09:00 to 12:00.';

function clinicFor(role: 'admin' | 'receptionist' | 'doctor', handlers: Handlers = {}, profile = doctor()) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'doctors.get': ({ doctorId }) => ok({ ...profile, doctorId }),
      'doctors.list': () => ok([profile]),
      'templates.list': () => ok([]),
      'exceptions.list': () => ok([]),
      ...handlers,
    },
  });
}

async function openPage(clinic: ReturnType<typeof createFakeClinic>, doctorId = 11) {
  const view = renderApp(clinic, `/calendar/doctors/${doctorId}`);
  await screen.findByRole('heading', { name: 'Profile' });
  return view;
}

describe('doctor page: who may change what', () => {
  it('lets an admin edit the whole profile', async () => {
    await openPage(clinicFor('admin'));
    expect(screen.getByRole('button', { name: 'Edit profile' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add weekly rule' })).toBeInTheDocument();
  });

  it('shows a receptionist no profile edit, but the schedule actions', async () => {
    await openPage(clinicFor('receptionist'));
    expect(screen.queryByRole('button', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit about' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add weekly rule' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add leave' })).toBeInTheDocument();
  });

  it('lets a doctor edit only their own About text and schedule', async () => {
    // sessionFor('doctor') is user 3; doctor ids are user ids.
    const own = clinicFor('doctor', {}, doctor({ doctorId: 3, name: 'Dr Dan' }));
    const { unmount } = await openPage(own, 3);
    expect(screen.getByRole('button', { name: 'Edit about' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add leave' })).toBeInTheDocument();
    unmount();

    await openPage(clinicFor('doctor'), 11);
    expect(screen.queryByRole('button', { name: 'Edit about' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add leave' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add weekly rule' })).not.toBeInTheDocument();
  });
});

describe('weekly rule dialog', () => {
  it('puts an overlap CONFLICT from main beside the field it names', async () => {
    const clinic = clinicFor('receptionist', {
      'templates.create': () => fail('CONFLICT', OVERLAP, { startTime: OVERLAP }),
    });
    const { user } = await openPage(clinic);
    await user.click(screen.getByRole('button', { name: 'Add weekly rule' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New weekly rule' }));
    expect(dialog.getByLabelText('Slot length in minutes')).toHaveValue('15');

    await user.click(dialog.getByRole('button', { name: 'Add rule' }));
    expect(await dialog.findByText('Choose at least one weekday.')).toBeInTheDocument();
    expect(clinic.callsTo('templates.create')).toHaveLength(0);

    await user.click(dialog.getByRole('checkbox', { name: 'Monday' }));
    await user.click(dialog.getByRole('checkbox', { name: 'Friday' }));
    await user.type(dialog.getByLabelText('Start time'), '9:30');
    await user.type(dialog.getByLabelText('End time'), '1 pm');
    await user.click(dialog.getByRole('button', { name: 'Add rule' }));

    const start = dialog.getByLabelText('Start time');
    await waitFor(() => expect(start).toHaveAttribute('aria-invalid', 'true'));
    expect(start).toHaveAccessibleDescription(expect.stringContaining(OVERLAP));
    expect(clinic.callsTo('templates.create')).toEqual([
      expect.objectContaining({
        doctorId: 11,
        weekdays: [1, 5],
        startTime: '09:30',
        endTime: '13:00',
        slotMinutes: 15,
      }),
    ]);
  });
});

describe('leave dialog', () => {
  it('lists the booked appointments a leave covers and requires a choice before saving', async () => {
    const clinic = clinicFor('receptionist', {
      'exceptions.previewLeave': () => ok(AFFECTED),
      'exceptions.addLeave': (input) =>
        ok({
          exception: {
            exceptionId: 9,
            doctorId: 11,
            kind: 'leave' as const,
            startDate: input.startDate,
            endDate: input.endDate,
            startTime: null,
            endTime: null,
            slotMinutes: null,
            reason: input.reason,
          },
          affected: AFFECTED,
          generation: { created: 0, removed: 12 },
        }),
    });
    const { user } = await openPage(clinic);
    await user.click(screen.getByRole('button', { name: 'Add leave' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add leave' }));
    await user.type(dialog.getByLabelText('Reason'), 'Conference');
    await user.click(dialog.getByRole('button', { name: 'Add leave' }));

    const affected = await dialog.findByRole('table', { name: 'Booked appointments in this leave' });
    expect(within(affected).getByText('Jane Doe')).toBeInTheDocument();
    expect(within(affected).getByText('John Roe')).toBeInTheDocument();
    expect(dialog.getByText('2 booked appointments fall in this leave')).toBeInTheDocument();
    expect(clinic.callsTo('exceptions.addLeave')).toHaveLength(0);

    await user.click(dialog.getByRole('button', { name: 'Add leave' }));
    expect(await dialog.findByText('Choose what happens to the booked appointments.')).toBeInTheDocument();
    expect(clinic.callsTo('exceptions.addLeave')).toHaveLength(0);

    await user.click(dialog.getByRole('radio', { name: /^Cancel them/ }));
    await user.click(dialog.getByRole('button', { name: 'Add leave' }));
    expect(await dialog.findByText('Enter the reason the appointments are cancelled.')).toBeInTheDocument();
    await user.type(dialog.getByLabelText('Reason for cancelling'), 'The doctor is away.');
    await user.click(dialog.getByRole('button', { name: 'Add leave' }));

    await waitFor(() => expect(clinic.callsTo('exceptions.addLeave')).toHaveLength(1));
    expect(clinic.callsTo('exceptions.addLeave')[0]).toMatchObject({
      doctorId: 11,
      reason: 'Conference',
      onBooked: 'cancel',
      cancelReason: 'The doctor is away.',
      startTime: null,
      endTime: null,
    });
    expect(clinic.callsTo('exceptions.previewLeave')).toHaveLength(1);
    expect(await screen.findByText('Leave saved. 12 slots removed.')).toBeInTheDocument();
  });

  it('saves at once when the leave covers no booked appointment', async () => {
    const clinic = clinicFor('receptionist', {
      'exceptions.previewLeave': () => ok([]),
      'exceptions.addLeave': () => fail('VALIDATION', 'Enter the reason for the leave.', { reason: 'Too vague.' }),
    });
    const { user } = await openPage(clinic);
    await user.click(screen.getByRole('button', { name: 'Add leave' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add leave' }));
    await user.type(dialog.getByLabelText('Reason'), 'Away');
    await user.click(dialog.getByRole('button', { name: 'Add leave' }));
    await waitFor(() => expect(clinic.callsTo('exceptions.addLeave')).toHaveLength(1));
    expect(clinic.callsTo('exceptions.addLeave')[0]).not.toHaveProperty('onBooked', expect.anything());
    await waitFor(() =>
      expect(dialog.getByLabelText('Reason')).toHaveAccessibleDescription(expect.stringContaining('Too vague.')),
    );
  });
});
