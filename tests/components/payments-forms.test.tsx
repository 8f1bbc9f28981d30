import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, AccountSummary, LedgerEntry } from '#contract/payments.ts';
import type { StaffRole } from '#contract/fields.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { fail, ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const CHARGE: LedgerEntry = {
  entryId: 1,
  kind: 'charge',
  amountMinor: 6000,
  method: null,
  reference: null,
  reason: null,
  receiptNumber: null,
  createdAt: '2026-03-10T09:00:00.000Z',
  createdBy: 'Rita Desk',
};

function account(overrides: Partial<Account> = {}): Account {
  return {
    paymentId: 9,
    appointmentId: 5,
    patient: { patientId: 1, patientNumber: 'P-000001', name: 'Jane Doe' },
    doctor: { doctorId: 11, name: 'Dr Ama Mensah' },
    date: '2026-03-10',
    time: '09:00',
    appointmentStatus: 'completed',
    currency: 'GBP',
    minorDigits: 2,
    chargeMinor: 6000,
    paidMinor: 0,
    refundedMinor: 0,
    balanceMinor: 6000,
    status: 'unpaid',
    feeDefaultMinor: 6000,
    lastMethod: null,
    entries: [CHARGE],
    ...overrides,
  };
}

const paid = (paidMinor: number): Partial<Account> => ({
  paidMinor,
  balanceMinor: Math.max(0, 6000 - paidMinor),
  status: paidMinor >= 6000 ? 'paid' : 'partially_paid',
  lastMethod: 'card',
  chargeMinor: Math.max(6000, paidMinor),
});

function summary(a: Account): AccountSummary {
  const { entries: _entries, ...rest } = a;
  return rest;
}

function paymentsClinic(role: StaffRole, current: Account, handlers: Handlers = {}, threshold = 100) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'settings.get': () => ok(settingsFixture({ refundApprovalThreshold: threshold })),
      'payments.list': () => ok({ rows: [summary(current)], truncated: false }),
      'payments.account': () => ok(current),
      'drawer.current': () => ok(null),
      'doctors.list': () => ok([]),
      ...handlers,
    },
  });
}

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:receipt');
  URL.revokeObjectURL = vi.fn();
  // jsdom cannot navigate to a download; the click itself is what matters here.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function openDialog(role: StaffRole, current: Account, button: string, handlers: Handlers = {}, threshold = 100) {
  const clinic = paymentsClinic(role, current, handlers, threshold);
  const { user } = renderApp(clinic, `/payments/appointment/${current.appointmentId}`);
  const panel = await screen.findByRole('dialog', { name: 'Account of Jane Doe' });
  await user.click(await within(panel).findByRole('button', { name: button }));
  return { clinic, user };
}

describe('take payment', () => {
  it('prefills the balance, submits with Enter as typed, and shows main’s field error beside the amount', async () => {
    const { clinic, user } = await openDialog('receptionist', account(), 'Take payment', {
      'payments.take': () =>
        fail('VALIDATION', 'Use at most 2 decimals for the amount.', {
          amount: 'Use at most 2 decimals for the amount.',
        }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Take payment from Jane Doe' });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    expect(amount).toHaveValue('60.00');
    await waitFor(() => expect(amount).toHaveFocus());
    expect(within(dialog).getByRole('radio', { name: 'Cash' })).toBeChecked();

    await user.clear(amount);
    await user.type(amount, '20{Enter}');
    await waitFor(() => expect(clinic.callsTo('payments.take')).toHaveLength(1));
    expect(clinic.callsTo('payments.take')[0]).toEqual({
      appointmentId: 5,
      amount: '20',
      method: 'cash',
      reference: null,
    });
    expect(await within(dialog).findByText('Use at most 2 decimals for the amount.')).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses more than the balance before asking main', async () => {
    const { clinic, user } = await openDialog('receptionist', account(paid(2000)), 'Take payment');
    const dialog = await screen.findByRole('dialog', { name: 'Take payment from Jane Doe' });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
    expect(amount).toHaveValue('40.00');
    await user.clear(amount);
    await user.type(amount, '45{Enter}');
    expect(await within(dialog).findByText('The amount is more than the balance of £40.00.')).toBeInTheDocument();
    expect(clinic.callsTo('payments.take')).toHaveLength(0);
  });

  it('offers the receipt at once with “Print receipt” focused, which saves the payment’s PDF', async () => {
    const after = account({
      ...paid(6000),
      entries: [
        CHARGE,
        { ...CHARGE, entryId: 2, kind: 'payment', method: 'card', receiptNumber: 41, amountMinor: 6000 },
      ],
    });
    const { clinic, user } = await openDialog('receptionist', account(), 'Take payment', {
      'payments.take': () => ok({ account: after, receiptNumber: 41, entryId: 2 }),
      'payments.receiptPdf': () => ok({ fileName: 'receipt-41.pdf', pdfBase64: btoa('%PDF-1.4'), receiptNumber: 41 }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Take payment from Jane Doe' });
    await user.click(within(dialog).getByRole('radio', { name: 'Card' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reference (optional)' }), 'SLIP-7{Enter}');

    const offer = await screen.findByRole('dialog', { name: 'Payment recorded' });
    expect(within(offer).getByText('£60.00 recorded on receipt number 41.')).toBeInTheDocument();
    expect(within(offer).getByText('The appointment is paid in full.')).toBeInTheDocument();
    const print = within(offer).getByRole('button', { name: 'Print receipt' });
    await waitFor(() => expect(print).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(clinic.callsTo('payments.receiptPdf')).toEqual([{ entryId: 2, paper: 'a5' }]));
    expect(clinic.callsTo('payments.take')[0]).toMatchObject({ method: 'card', reference: 'SLIP-7', amount: '60.00' });
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
  });
});

describe('refund', () => {
  const paidAccount = () =>
    account({
      ...paid(6000),
      chargeMinor: 15000,
      paidMinor: 15000,
      balanceMinor: 0,
      status: 'paid',
    });

  it('says before submitting that a refund above the limit needs an admin', async () => {
    const { user } = await openDialog('receptionist', paidAccount(), 'Refund');
    const dialog = await screen.findByRole('dialog', { name: 'Refund Jane Doe' });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to refund' });
    expect(amount).toHaveValue('150.00');
    expect(within(dialog).getByRole('radio', { name: 'Card' })).toBeChecked();
    expect(
      within(dialog).getByText('Refunds above £100.00 need an admin. Ask an admin to sign in at this desk to make it.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeDisabled();

    await user.clear(amount);
    await user.type(amount, '50');
    expect(within(dialog).queryByText(/need an admin/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeEnabled();
  });

  it('counts what the visit has had refunded already against the limit', async () => {
    const refundedBefore = account({ ...paidAccount(), refundedMinor: 6000, status: 'partially_refunded' });
    const { user } = await openDialog('receptionist', refundedBefore, 'Refund');
    const dialog = await screen.findByRole('dialog', { name: 'Refund Jane Doe' });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to refund' });
    await user.clear(amount);
    await user.type(amount, '40.01');
    expect(
      within(dialog).getByText(
        'Refunds above £100.00 for one visit need an admin, and £60.00 has been refunded already. Ask an admin to sign in at this desk to make it.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeDisabled();
    await user.clear(amount);
    await user.type(amount, '40');
    expect(within(dialog).queryByText(/need an admin/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeEnabled();
  });

  it('lets an admin refund above the limit', async () => {
    await openDialog('admin', paidAccount(), 'Refund');
    const dialog = await screen.findByRole('dialog', { name: 'Refund Jane Doe' });
    expect(within(dialog).queryByText(/need an admin/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeEnabled();
  });

  it('requires a reason and shows main’s refusal plainly', async () => {
    const { clinic, user } = await openDialog(
      'receptionist',
      paidAccount(),
      'Refund',
      { 'payments.refund': () => fail('FORBIDDEN', 'Refunds above £200.00 need an admin.') },
      1000,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Refund Jane Doe' });
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await within(dialog).findByText('Enter the reason for the refund.')).toBeInTheDocument();
    expect(clinic.callsTo('payments.refund')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for the refund' }), 'Visit cut short{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Refunds above £200.00 need an admin.');
    expect(clinic.callsTo('payments.refund')[0]).toEqual({
      appointmentId: 5,
      amount: '150.00',
      method: 'card',
      reason: 'Visit cut short',
    });
  });
});

describe('change charge and roles', () => {
  it('sends the new total with the kind of change and the reason', async () => {
    const { clinic, user } = await openDialog('receptionist', account(), 'Change charge', {
      'payments.adjustCharge': () => ok(account({ chargeMinor: 0, balanceMinor: 0, status: 'paid' })),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Change the charge for Jane Doe' });
    await user.click(within(dialog).getByRole('radio', { name: 'Waiver' }));
    expect(within(dialog).getByRole('textbox', { name: 'New charge' })).toHaveValue('0.00');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Staff family{Enter}');
    await waitFor(() =>
      expect(clinic.callsTo('payments.adjustCharge')).toEqual([
        { appointmentId: 5, amount: '0.00', reason: 'Waiver: Staff family' },
      ]),
    );
  });

  it('shows a doctor the account without any money buttons', async () => {
    const clinic = paymentsClinic('doctor', account(paid(2000)));
    renderApp(clinic, '/payments/appointment/5');
    const panel = await screen.findByRole('dialog', { name: 'Account of Jane Doe' });
    expect(await within(panel).findByText('Payments are taken at the front desk.')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Take payment' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Cash drawer' })).not.toBeInTheDocument();
    expect(clinic.callsTo('drawer.current')).toHaveLength(0);
  });
});
