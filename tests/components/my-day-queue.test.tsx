import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '#contract/front-desk.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { boardFixture, NO_DEMOGRAPHICS, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// A doctor's My day: their own queue for today with Start and Complete, waiting times, the
// patient's notes and "Message the desk". The signed-in doctor (sessionFor) is user 3.

const DOCTOR_ID = 3;

function visit(overrides: Partial<Appointment>): Appointment {
  return {
    appointmentId: 1,
    doctorId: DOCTOR_ID,
    doctorName: 'Dr Dan',
    patientId: 41,
    patientName: 'Jane Doe',
    availabilityId: 100,
    date: '2026-03-10',
    time: '09:00',
    endTime: '09:15',
    status: 'scheduled',
    isWalkIn: false,
    needsRescheduleReason: null,
    checkedInAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

function patient(patientId: number, name: string, medicalNotes: string | null): ChannelOutput<'patients.get'> {
  return {
    patientId,
    patientNumber: `P-0000${patientId}`,
    name,
    phone: null,
    email: null,
    gender: null,
    age: null,
    dateOfBirth: null,
    ...NO_DEMOGRAPHICS,
    medicalNotes,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    appointments: [],
    reschedules: [],
  };
}

function myDayClinic(appointments: Appointment[]) {
  let current = appointments;
  return createFakeClinic({
    session: sessionFor('doctor'),
    handlers: {
      'schedule.myDay': ({ date }) =>
        ok({
          date: date ?? '2026-03-10',
          now: { date: date ?? '2026-03-10', time: '10:00' },
          doctor: {
            doctorId: DOCTOR_ID,
            name: 'Dr Dan',
            specialization: 'General practice',
            isAvailable: true,
            leave: [],
          },
          slots: [],
        }),
      'appointments.board': ({ doctorId }) =>
        ok(
          boardFixture(
            '2026-03-10',
            '10:00',
            current.filter((a) => doctorId === undefined || a.doctorId === doctorId),
          ),
        ),
      'patients.get': ({ patientId }) =>
        ok(patientId === 41 ? patient(41, 'Jane Doe', 'Allergic to penicillin.') : patient(patientId, 'Other', null)),
      'appointments.startConsultation': ({ appointmentId }) => {
        current = current.map((a) => (a.appointmentId === appointmentId ? { ...a, status: 'in_consultation' } : a));
        return ok(visit({ appointmentId, status: 'in_consultation' }));
      },
    },
  });
}

describe('My day queue', () => {
  it('lists the doctor’s own open visits with waiting time and notes, and starts one', async () => {
    const checkedInAt = new Date(Date.now() - 12 * 60_000).toISOString();
    const clinic = myDayClinic([
      visit({ appointmentId: 1, status: 'checked_in', checkedInAt }),
      visit({ appointmentId: 2, patientId: 42, patientName: 'Sam Later', time: '11:00' }),
      visit({ appointmentId: 3, patientId: 43, patientName: 'Done Already', status: 'completed' }),
      visit({ appointmentId: 4, doctorId: 9, doctorName: 'Dr Other', patientId: 44, patientName: 'Not Mine' }),
    ]);
    const { user } = renderApp(clinic, '/calendar/my-day');
    const queue = await screen.findByRole('table', { name: 'Your patients still to see today' });
    const rows = await within(queue).findAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Patient'),
      expect.stringContaining('Jane Doe'),
      expect.stringContaining('Sam Later'),
    ]);
    expect(within(queue).getByText('Waiting 12 min')).toBeInTheDocument();
    expect(await within(queue).findByText('Allergic to penicillin.')).toBeInTheDocument();
    // A scheduled patient is checked in by the desk first: no Start for them yet.
    expect(within(queue).getAllByRole('button', { name: /Start the consultation/ })).toHaveLength(1);
    expect(within(queue).getAllByRole('button', { name: /Message the desk about/ })).toHaveLength(2);

    await user.click(within(queue).getByRole('button', { name: 'Start the consultation with Jane Doe' }));
    await waitFor(() => expect(clinic.callsTo('appointments.startConsultation')).toEqual([{ appointmentId: 1 }]));
    expect(await within(queue).findByRole('button', { name: 'Complete the visit of Jane Doe' })).toBeInTheDocument();
  });

  it('says so when nobody is waiting', async () => {
    renderApp(myDayClinic([]), '/calendar/my-day');
    expect(await screen.findByText('Nobody is waiting for you today.')).toBeInTheDocument();
  });
});
