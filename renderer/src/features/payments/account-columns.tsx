import type { AccountSummary } from '#contract/payments.ts';
import { chargedMinorOf } from '#shared/money-words.ts';
import type { MoneyColumn } from './MoneyTable.tsx';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import { paymentsStrings } from './strings.ts';

const strings = paymentsStrings.table;

/** The last columns of every list of appointment accounts: payment status, charged, paid and owed (bold when above zero). */
export function accountColumns(money: (minor: number) => string): MoneyColumn<AccountSummary>[] {
  return [
    { header: strings.status, cell: (row) => <PaymentStatusBadge status={row.status} /> },
    { header: strings.charged, kind: 'money', cell: (row) => money(chargedMinorOf(row)) },
    { header: strings.paid, kind: 'money', cell: (row) => money(row.paidMinor - row.refundedMinor) },
    {
      header: strings.owed,
      kind: 'money',
      strong: (row) => row.balanceMinor > 0,
      cell: (row) => money(row.balanceMinor),
    },
  ];
}
