import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BoardAppointment } from '#contract/front-desk.ts';
import type { AccountSummary } from '#contract/payments.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { NO_DEMOGRAPHICS, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The patient page shows what is known once, the reason a visit ended, and money due now apart
// from money for visits still to come. Dates far in the past and future: the page's today is real.

const PAST = '2020-01-06';
const FUTURE = '2099-01-05';

const visit = (appointmentId: number, date: string, more: Partial<BoardAppointment> = {}): BoardAppointment => ({
  appointmentId,
  doctorId: 11,
  doctorName: 'Dr Ama Mensah',
  patientId: 1,
  patientName: 'Chen Li',
  availabilityId: appointmentId,
  date,
  time: '09:00',
  endTime: '09:15',
  status: 'completed',
  isWalkIn: false,
  needsRescheduleReason: null,
  checkedInAt: null,
  createdAt: '2019-12-01T09:00:00.000Z',
  statusReason: null,
  ...more,
});

const account = (appointmentId: number, date: string, balanceMinor: number): AccountSummary => ({
  paymentId: appointmentId,
  appointmentId,
  patient: { patientId: 1, patientNumber: 'P-000001', name: 'Chen Li' },
  doctor: { doctorId: 11, name: 'Dr Ama Mensah' },
  date,
  time: '09:00',
  appointmentStatus: date === PAST ? 'completed' : 'scheduled',
  currency: 'GBP',
  minorDigits: 2,
  chargeMinor: 3000,
  paidMinor: 3000 - balanceMinor,
  refundedMinor: 0,
  balanceMinor,
  status: balanceMinor === 0 ? 'paid' : 'partially_paid',
  feeDefaultMinor: 3000,
  lastMethod: null,
});

const record: ChannelOutput<'patients.get'> = {
  patientId: 1,
  patientNumber: 'P-000001',
  name: 'Chen Li',
  phone: null,
  email: null,
  gender: null,
  age: 57,
  dateOfBirth: null,
  ...NO_DEMOGRAPHICS,
  medicalNotes: null,
  version: 1,
  createdAt: '2019-12-01T09:00:00.000Z',
  appointments: [
    visit(1, PAST),
    visit(2, '2020-02-03', { status: 'cancelled', statusReason: 'Child is ill' }),
    visit(3, FUTURE, { status: 'scheduled' }),
  ],
  reschedules: [],
};

describe('the patient page', () => {
  it('shows the age once, the reason of a cancelled visit, and due now apart from upcoming', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.get': () => ok(record),
        'payments.forPatient': () => ok([account(3, FUTURE, 3000), account(1, PAST, 1000)]),
      },
    });
    renderApp(clinic, '/patients/1');
    const details = await screen.findByRole('region', { name: 'Details' });
    expect(within(details).getByText('57 years old')).toBeInTheDocument();
    expect(within(details).queryByText('Date of birth')).not.toBeInTheDocument();
    expect(within(details).queryByText(/None|null/)).not.toBeInTheDocument();
    expect(within(details).getAllByText('Not given').length).toBeGreaterThan(0);

    const past = screen.getByRole('table', { name: 'Past appointments' });
    const cancelledRow = within(past).getByText('Why: Child is ill').closest('tr');
    expect(cancelledRow).toHaveAttribute('data-status', 'cancelled');

    const owed = await screen.findByRole('group', { name: 'What this patient owes' });
    expect(owed).toHaveTextContent('Due now£10.00');
    expect(owed).toHaveTextContent('Upcoming£30.00');
  });
});
