// Words printed on receipts and reports.
import { MONEY_WORDS } from '#shared/money-words.ts';

/** Receipt numbers print with six digits: 000042. */
export const receiptNumberText = (n: number): string => String(n).padStart(6, '0');

export const METHOD_WORDS: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  mobile_money: 'Mobile money',
  insurance: 'Insurance',
  bank_transfer: 'Bank transfer',
  other: 'Other',
};

export const KIND_WORDS: Record<string, string> = {
  charge: 'Charge',
  adjustment: 'Charge changed',
  payment: 'Payment',
  refund: 'Refund',
};

export const RECEIPT_TITLES = {
  payment: 'Payment receipt',
  refund: 'Refund receipt',
  appointment: 'Statement of account',
} as const;

export const words = {
  receiptNo: 'Receipt no.',
  copy: 'COPY',
  issued: 'Issued',
  patient: 'Patient',
  doctor: 'Doctor',
  service: 'Service',
  visit: 'Visit',
  amountReceived: 'Amount received',
  amountRefunded: 'Amount refunded',
  method: 'Method',
  reference: 'Reference',
  reason: 'Reason',
  charge: 'Charge',
  paidToDate: 'Paid to date',
  refundedToDate: 'Refunded to date',
  balance: 'Balance due',
  receivedBy: 'Received by',
  refundedBy: 'Refunded by',
  issuedBy: 'Issued by',
  entries: 'Entries',
  date: 'Date',
  kind: 'Entry',
  amount: 'Amount',
  thanks: 'Thank you. Keep this receipt for your records.',
  consultation: (specialization: string) => `Consultation (${specialization})`,
  reportTitle: 'Payments report',
  dayEndTitle: 'Day-end report',
  range: (from: string, to: string) => (from === to ? from : `${from} to ${to}`),
  forDoctor: (name: string) => `For ${name}`,
  totals: 'Totals',
  charged: MONEY_WORDS.charged,
  collected: MONEY_WORDS.collected,
  refunded: MONEY_WORDS.refunded,
  discounts: MONEY_WORDS.discounts,
  net: MONEY_WORDS.net,
  byMethod: 'By payment method',
  byDoctor: 'By doctor',
  byDay: 'Collected per day',
  unpaid: 'Completed visits with a balance',
  noneUnpaid: 'Every completed visit is paid.',
  drawer: 'Cash drawer',
  noDrawer: 'No cash drawer session in this period.',
  opened: 'Opened',
  closed: 'Closed',
  float: 'Float',
  expected: 'Expected',
  counted: 'Counted',
  difference: 'Difference',
  stillOpen: 'still open',
  count: 'Entries',
  printedAt: (at: string) => `Printed ${at}`,
};
