import type { AppointmentStatus } from '#db/schema.ts';
import type { PaymentStatus } from '#contract/payments.ts';

export interface StatusInput {
  chargeMinor: number;
  paidMinor: number;
  refundedMinor: number;
}

/**
 * A payments row's status, derived from its ledger sums (see docs/decisions.md):
 * net = paid − refunded; void when the appointment is cancelled and nothing was ever paid;
 * refunded / partially refunded once money went back; paid when net covers the charge (a
 * waived charge of 0 is paid); partially paid when some of it is covered; else unpaid.
 * A no-show stays chargeable, so it is never void by itself.
 */
export function deriveStatus(totals: StatusInput, appointmentStatus: AppointmentStatus): PaymentStatus {
  const net = totals.paidMinor - totals.refundedMinor;
  if (appointmentStatus === 'cancelled' && totals.paidMinor === 0) return 'void';
  if (totals.refundedMinor > 0) return net === 0 ? 'refunded' : 'partially_refunded';
  if (net >= totals.chargeMinor) return 'paid';
  if (net > 0) return 'partially_paid';
  return 'unpaid';
}

/**
 * What is still owed: the charge less what was ever paid; nothing on a cancelled appointment,
 * never below zero. A refund does not make money owed again: handing money back means the clinic
 * gives up that part (to ask for it again, change the charge).
 */
export function balanceOf(totals: StatusInput, appointmentStatus: AppointmentStatus): number {
  if (appointmentStatus === 'cancelled') return 0;
  return Math.max(0, totals.chargeMinor - totals.paidMinor);
}
