import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '#contract/front-desk.ts';
import type { Account } from '#contract/payments.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { boardFixture, ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const TODAY = '2026-03-10';

const APPOINTMENT: Appointment = {
  appointmentId: 5,
  doctorId: 11,
  doctorName: 'Dr Ama Mensah',
  patientId: 1,
  patientName: 'Jane Doe',
  availabilityId: 100,
  date: TODAY,
  time: '11:00',
  endTime: '11:15',
  status: 'scheduled',
  isWalkIn: false,
  needsRescheduleReason: null,
  checkedInAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
};

function account(paidMinor: number): Account {
  return {
    paymentId: 9,
    appointmentId: 5,
    patient: { patientId: 1, patientNumber: 'P-000001', name: 'Jane Doe' },
    doctor: { doctorId: 11, name: 'Dr Ama Mensah' },
    date: TODAY,
    time: '11:00',
    appointmentStatus: 'cancelled',
    currency: 'GBP',
    minorDigits: 2,
    chargeMinor: 6000,
    paidMinor,
    refundedMinor: 0,
    balanceMinor: 6000 - paidMinor,
    status: paidMinor > 0 ? 'partially_paid' : 'void',
    feeDefaultMinor: 6000,
    lastMethod: paidMinor > 0 ? 'cash' : null,
    entries: [],
  };
}

function boardClinic(paidMinor: number) {
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'appointments.board': () => ok(boardFixture(TODAY, '10:00', [APPOINTMENT])),
      'waitlist.matches': () => ok([]),
      'waitlist.list': () => ok([]),
      'appointments.cancel': () => ok({ ...APPOINTMENT, status: 'cancelled' as const }),
      'payments.account': () => ok(account(paidMinor)),
    },
  });
}

async function cancelJane(clinic: ReturnType<typeof boardClinic>) {
  const { user } = renderApp(clinic, '/front-desk');
  await user.click(await screen.findByRole('button', { name: 'More actions for Jane Doe' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Cancel the appointment of Jane Doe', hidden: true }));
  const dialog = await screen.findByRole('dialog', { name: 'Cancel the appointment of Jane Doe?' });
  await user.type(within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }), 'Unwell{Enter}');
  await waitFor(() => expect(clinic.callsTo('appointments.cancel')).toHaveLength(1));
  return user;
}

describe('cancelling a paid appointment', () => {
  it('offers the refund of what was paid and opens the refund form prefilled with it', async () => {
    const clinic = boardClinic(2500);
    const user = await cancelJane(clinic);
    const offer = await screen.findByRole('dialog', { name: 'Refund Jane Doe now?' });
    expect(within(offer).getByText('The appointment is cancelled and £25.00 was paid for it.')).toBeInTheDocument();
    const yes = within(offer).getByRole('button', { name: 'Refund £25.00' });
    await waitFor(() => expect(yes).toHaveFocus());
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('dialog', { name: 'Refund Jane Doe' });
    expect(within(form).getByRole('textbox', { name: 'Amount to refund' })).toHaveValue('25.00');
    expect(within(form).getByRole('radio', { name: 'Cash' })).toBeChecked();
    expect(clinic.callsTo('payments.account')).toEqual([{ appointmentId: 5 }]);
  });

  it('offers nothing when nothing was paid', async () => {
    const clinic = boardClinic(0);
    await cancelJane(clinic);
    await waitFor(() => expect(clinic.callsTo('payments.account')).toHaveLength(1));
    expect(screen.queryByRole('dialog', { name: 'Refund Jane Doe now?' })).not.toBeInTheDocument();
  });
});

describe('clinic settings', () => {
  it('lets an admin change the refund approval limit', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'settings.update': (input) => ok(settingsFixture({ refundApprovalThreshold: input.refundApprovalThreshold })),
      },
    });
    const { user } = renderApp(clinic, '/admin/settings');
    const limit = await screen.findByRole('textbox', { name: 'Largest refund without an admin' });
    expect(limit).toHaveValue('100');
    await user.clear(limit);
    await user.type(limit, '250.5');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(clinic.callsTo('settings.update')).toHaveLength(1));
    expect(clinic.callsTo('settings.update')[0]).toMatchObject({ refundApprovalThreshold: 250.5, version: 1 });
  });
});
