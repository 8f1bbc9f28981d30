import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '#contract/payments.ts';
import type { ChannelInput } from '#contract/index.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

function row(appointmentId: number, name: string, time: string, paidMinor: number): AccountSummary {
  return {
    paymentId: appointmentId,
    appointmentId,
    patient: { patientId: appointmentId, patientNumber: `P-00000${appointmentId}`, name },
    doctor: { doctorId: 11, name: 'Dr Ama Mensah' },
    date: '2026-03-10',
    time,
    appointmentStatus: 'completed',
    currency: 'GBP',
    minorDigits: 2,
    chargeMinor: 6000,
    paidMinor,
    refundedMinor: 0,
    balanceMinor: 6000 - paidMinor,
    status: paidMinor === 0 ? 'unpaid' : paidMinor < 6000 ? 'partially_paid' : 'paid',
    feeDefaultMinor: 6000,
    lastMethod: paidMinor > 0 ? 'cash' : null,
  };
}

const ROWS = [row(1, 'Jane Doe', '09:00', 6000), row(2, 'Kwame Owusu', '09:30', 2000), row(3, 'Lena Berg', '10:00', 0)];

function listClinic() {
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'payments.list': (input: ChannelInput<'payments.list'>) =>
        ok({
          rows: input.query ? ROWS.filter((r) => r.patient.name.toLowerCase().includes(input.query ?? '')) : ROWS,
          truncated: false,
        }),
      'drawer.current': () => ok(null),
      'doctors.list': () => ok([]),
    },
  });
}

describe('payments list', () => {
  it('shows the accounts of the chosen days with their totals, and the arrows walk the rows', async () => {
    const clinic = listClinic();
    const { user } = renderApp(clinic, '/payments?from=2026-03-10&to=2026-03-10');
    const table = await screen.findByRole('table', { name: 'Appointment accounts' });
    expect(screen.getByText(/3 appointments · Charged £180\.00 · Paid £80\.00 · Owed £100\.00/)).toBeInTheDocument();
    const kwame = within(table).getByRole('row', { name: /Kwame Owusu/ });
    expect(within(kwame).getByText('Partly paid')).toBeInTheDocument();
    expect(within(kwame).getByText('£40.00')).toBeInTheDocument();
    expect(clinic.callsTo('payments.list')[0]).toEqual({ from: '2026-03-10', to: '2026-03-10' });

    const links = within(table).getAllByRole('link');
    links[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(links[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}{Home}');
    expect(links[0]).toHaveFocus();
    expect(links[1]).toHaveAttribute('href', '/payments/appointment/2?from=2026-03-10&to=2026-03-10');
  });

  it('searches by patient text and says what to do when nothing matches', async () => {
    const clinic = listClinic();
    const { user } = renderApp(clinic, '/payments?from=2026-03-10&to=2026-03-10');
    await screen.findByRole('table', { name: 'Appointment accounts' });
    await user.type(screen.getByRole('textbox', { name: 'Patient' }), 'zz');
    expect(
      await screen.findByText('No appointments match. Choose other dates or clear the filters.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(clinic.callsTo('payments.list')).toContainEqual({ from: '2026-03-10', to: '2026-03-10', query: 'zz' }),
    );
  });
});
