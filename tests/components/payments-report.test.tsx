import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary, DrawerSession, PaymentReport } from '#contract/payments.ts';
import { decimalToMinor, formatMinor, minorToDecimal } from '#shared/money.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const UNPAID: AccountSummary = {
  paymentId: 3,
  appointmentId: 8,
  patient: { patientId: 2, patientNumber: 'P-000002', name: 'Kwame Owusu' },
  doctor: { doctorId: 11, name: 'Dr Ama Mensah' },
  date: '2026-03-10',
  time: '11:00',
  appointmentStatus: 'completed',
  currency: 'GBP',
  minorDigits: 2,
  chargeMinor: 6000,
  paidMinor: 1000,
  refundedMinor: 0,
  balanceMinor: 5000,
  status: 'partially_paid',
  feeDefaultMinor: 6000,
  lastMethod: 'cash',
};

const CLOSED: DrawerSession = {
  sessionId: 1,
  currency: 'GBP',
  minorDigits: 2,
  openedAt: '2026-03-10T08:00:00.000Z',
  openedBy: 'Rita Desk',
  floatMinor: 5000,
  cashInMinor: 7000,
  cashOutMinor: 1500,
  expectedMinor: 10500,
  closedAt: '2026-03-10T18:00:00.000Z',
  closedBy: 'Rita Desk',
  countedMinor: 10000,
  differenceMinor: -500,
  note: 'Change given twice',
};

const REPORT: PaymentReport = {
  from: '2026-03-10',
  to: '2026-03-10',
  currency: 'GBP',
  minorDigits: 2,
  doctorId: null,
  totals: {
    chargedMinor: 24000,
    collectedMinor: 19050,
    refundedMinor: 1500,
    discountsMinor: 1000,
    netMinor: 17550,
  },
  byMethod: [
    { method: 'cash', collectedMinor: 7000, refundedMinor: 1500, netMinor: 5500, count: 3 },
    { method: 'card', collectedMinor: 12050, refundedMinor: 0, netMinor: 12050, count: 2 },
  ],
  byDoctor: [
    {
      doctorId: 11,
      doctorName: 'Dr Ama Mensah',
      chargedMinor: 24000,
      collectedMinor: 19050,
      refundedMinor: 1500,
      discountsMinor: 1000,
      netMinor: 17550,
    },
  ],
  byDay: [{ date: '2026-03-10', chargedMinor: 24000, collectedMinor: 19050, refundedMinor: 1500, netMinor: 17550 }],
  unpaidCompleted: [UNPAID],
  drawerSessions: [CLOSED],
};

function reportClinic(role: 'receptionist' | 'doctor', report: PaymentReport = REPORT) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'payments.report': () => ok(report),
      'payments.list': () => ok({ rows: [], truncated: false }),
      'drawer.current': () => ok(null),
      'doctors.list': () => ok([]),
    },
  });
}

describe('day-end report', () => {
  it('shows the totals, the per-method and per-doctor tables, unpaid visits and drawer sessions from the data', async () => {
    const clinic = reportClinic('receptionist');
    renderApp(clinic, '/payments/report?from=2026-03-10&to=2026-03-10');
    await screen.findByRole('heading', { name: 'Day-end report' });

    const total = (label: string) => within(screen.getByText(label, { selector: '[data-total] > *' }).parentElement!);
    await waitFor(() => expect(total('Collected').getByText('£190.50')).toBeInTheDocument());
    expect(total('Charged').getByText('£240.00')).toBeInTheDocument();
    expect(total('Refunded').getByText('£15.00')).toBeInTheDocument();
    expect(total('Discounts and waivers').getByText('£10.00')).toBeInTheDocument();
    expect(total('Net collected').getByText('£175.50')).toBeInTheDocument();

    const methods = screen.getByRole('table', { name: 'By method' });
    const cash = within(methods).getByRole('rowheader', { name: 'Cash' }).closest('tr')!;
    expect(
      within(cash)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '£70.00', '£15.00', '£55.00']);
    const card = within(methods).getByRole('rowheader', { name: 'Card' }).closest('tr')!;
    expect(
      within(card)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '£120.50', '£0.00', '£120.50']);

    const doctors = screen.getByRole('table', { name: 'By doctor' });
    expect(within(doctors).getByRole('rowheader', { name: 'Dr Ama Mensah' })).toBeInTheDocument();

    const unpaid = screen.getByRole('table', { name: 'Completed visits not paid in full' });
    expect(within(unpaid).getByRole('link', { name: /Open the account of Kwame Owusu/ })).toHaveAttribute(
      'href',
      '/payments/appointment/8?from=2026-03-10&to=2026-03-10',
    );
    expect(within(unpaid).getByText('£50.00')).toBeInTheDocument();

    const drawer = screen.getByRole('table', { name: 'Cash drawer sessions' });
    expect(within(drawer).getByText('-£5.00')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Chart of the money collected/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export ledger CSV' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Excel-friendly (BOM)' })).toBeChecked();
    expect(clinic.callsTo('payments.report')).toEqual([{ from: '2026-03-10', to: '2026-03-10' }]);
  });

  it('gives a doctor their own totals without the drawer or the ledger export', async () => {
    renderApp(reportClinic('doctor', { ...REPORT, doctorId: 3, drawerSessions: [] }), '/payments/report');
    await screen.findByText(/Your own totals, Dr Dan\./);
    expect(await screen.findByRole('button', { name: 'Print report PDF' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'By doctor' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export ledger CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Cash drawer sessions' })).not.toBeInTheDocument();
  });
});

describe('cash drawer', () => {
  it('closes with the counted cash and shows expected, counted and the shortfall', async () => {
    const open: DrawerSession = {
      ...CLOSED,
      closedAt: null,
      closedBy: null,
      countedMinor: null,
      differenceMinor: null,
      note: null,
    };
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'payments.list': () => ok({ rows: [], truncated: false }),
        'drawer.current': () => ok(open),
        'drawer.close': () => ok(CLOSED),
        'doctors.list': () => ok([]),
      },
    });
    const { user } = renderApp(clinic, '/payments');
    const card = await screen.findByRole('region', { name: 'Cash drawer' });
    expect(await within(card).findByText('£105.00')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Close drawer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the cash drawer' });
    expect(
      within(dialog).getByText('£105.00 should be in the drawer. Count it and enter what is there.'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Counted cash' }), '100{Enter}');
    const result = await screen.findByRole('dialog', { name: 'Drawer closed' });
    expect(within(result).getByText('£5.00 missing.')).toBeInTheDocument();
    expect(within(result).getByText('£100.00')).toBeInTheDocument();
    expect(clinic.callsTo('drawer.close')).toEqual([{ counted: '100', note: null }]);
  });
});

describe('money text', () => {
  it('formats minor units exactly in currencies with 0, 2 and 3 decimals', () => {
    expect(formatMinor(123456789, 'USD', 2, 'en-US')).toBe('$1,234,567.89');
    expect(formatMinor(1200, 'JPY', 0, 'en-US')).toBe('¥1,200');
    expect(formatMinor(12005, 'KWD', 3, 'en-US')).toBe('KWD\u00a012.005');
    expect(formatMinor(-5, 'GBP', 2, 'en-GB')).toBe('-£0.05');
    expect(minorToDecimal(900719925474099, 2)).toBe('9007199254740.99');
  });

  it('reads typed amounts without floats and refuses more decimals than the currency has', () => {
    expect(decimalToMinor('12.5', 2)).toBe(1250);
    expect(decimalToMinor('0.10', 2)).toBe(10);
    expect(decimalToMinor('12.005', 3)).toBe(12005);
    expect(decimalToMinor('12.5', 0)).toBeNull();
    expect(decimalToMinor('-1', 2)).toBeNull();
    expect(decimalToMinor('1e3', 2)).toBeNull();
  });
});
