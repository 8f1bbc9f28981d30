import { sql, type Kysely } from 'kysely';
import type { AppointmentStatus, Database, LedgerKind, PaymentMethod } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import type { PaymentStatus } from '#contract/payments.ts';
import { majorNumberToMinor, minorDigitsOf, toMajorNumber } from '#shared/money.ts';
import { deriveStatus } from './payment-status.ts';

// The append-only ledger behind each payments row, and the summary kept on that row.
// Every write here runs inside the caller's write transaction.

export interface ClinicMoney {
  currency: string;
  digits: number;
  timeZone: string;
  clinicName: string;
  clinicAddress: string | null;
  refundThresholdMinor: number;
}

/** The clinic's currency and its decimals (USD and 2 before setup). */
export async function clinicMoney(db: Kysely<Database>): Promise<ClinicMoney> {
  const row = await db
    .selectFrom('settings')
    .select(['currency', 'time_zone', 'clinic_name', 'clinic_address', 'refund_approval_threshold_minor'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const currency = row?.currency ?? 'USD';
  return {
    currency,
    digits: minorDigitsOf(currency),
    timeZone: row?.time_zone ?? 'UTC',
    clinicName: row?.clinic_name ?? '',
    clinicAddress: row?.clinic_address ?? null,
    refundThresholdMinor: row?.refund_approval_threshold_minor ?? 0,
  };
}

export interface LedgerTotals {
  chargeMinor: number;
  paidMinor: number;
  refundedMinor: number;
}

/** Sums of a payments row's ledger (charge = first charge plus every adjustment). */
export async function ledgerTotals(db: Kysely<Database>, paymentId: number): Promise<LedgerTotals> {
  const row = await db
    .selectFrom('payment_ledger')
    .select([
      sql<number>`COALESCE(SUM(CASE WHEN kind IN ('charge', 'adjustment') THEN amount_minor ELSE 0 END), 0)`.as(
        'charge',
      ),
      sql<number>`COALESCE(SUM(CASE WHEN kind = 'payment' THEN amount_minor ELSE 0 END), 0)`.as('paid'),
      sql<number>`COALESCE(SUM(CASE WHEN kind = 'refund' THEN amount_minor ELSE 0 END), 0)`.as('refunded'),
    ])
    .where('payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return { chargeMinor: Number(row.charge), paidMinor: Number(row.paid), refundedMinor: Number(row.refunded) };
}

export interface NewEntry {
  paymentId: number;
  appointmentId: number;
  kind: LedgerKind;
  amountMinor: number;
  currency: string;
  method?: PaymentMethod | null;
  reference?: string | null;
  reason?: string | null;
  receiptId?: number | null;
  drawerSessionId?: number | null;
  createdAt: string;
  createdBy: number | null;
}

/** Appends one entry; the database refuses any later change to it. */
export async function appendEntry(trx: Tx, entry: NewEntry): Promise<number> {
  const { entry_id } = await trx
    .insertInto('payment_ledger')
    .values({
      payment_id: entry.paymentId,
      appointment_id: entry.appointmentId,
      kind: entry.kind,
      amount_minor: entry.amountMinor,
      currency: entry.currency,
      method: entry.method ?? null,
      reference: entry.reference ?? null,
      reason: entry.reason ?? null,
      receipt_id: entry.receiptId ?? null,
      drawer_session_id: entry.drawerSessionId ?? null,
      created_at: entry.createdAt,
      created_by: entry.createdBy,
    })
    .returning('entry_id')
    .executeTakeFirstOrThrow();
  return entry_id;
}

/** Takes the next receipt number (never reused: AUTOINCREMENT / a sequence). */
export async function issueReceipt(
  trx: Tx,
  kind: 'payment' | 'refund' | 'appointment',
  appointmentId: number,
  issuedAt: string,
  issuedBy: number | null,
): Promise<number> {
  const { receipt_id } = await trx
    .insertInto('receipts')
    .values({ kind, appointment_id: appointmentId, issued_at: issuedAt, issued_by: issuedBy })
    .returning('receipt_id')
    .executeTakeFirstOrThrow();
  return receipt_id;
}

/**
 * Sets the payments row from its ledger: amount (the charge, major units), the last payment's
 * method, the derived status and the time of the last money movement. Call it in the same
 * transaction as every ledger write and every appointment status change.
 */
export async function syncPaymentSummary(trx: Tx, paymentId: number): Promise<PaymentStatus> {
  const money = await clinicMoney(trx);
  const totals = await ledgerTotals(trx, paymentId);
  const appointment = await trx
    .selectFrom('payments as p')
    .innerJoin('appointments as a', 'a.appointment_id', 'p.appointment_id')
    .select('a.status')
    .where('p.payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const lastPayment = await trx
    .selectFrom('payment_ledger')
    .select('method')
    .where('payment_id', '=', paymentId)
    .where('kind', '=', 'payment')
    .orderBy('entry_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastMovement = await trx
    .selectFrom('payment_ledger')
    .select('created_at')
    .where('payment_id', '=', paymentId)
    .where('kind', 'in', ['payment', 'refund'])
    .orderBy('entry_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const status = deriveStatus(totals, appointment.status);
  await trx
    .updateTable('payments')
    .set({
      amount: toMajorNumber(totals.chargeMinor, money.digits),
      payment_method: lastPayment?.method ?? null,
      payment_status: status,
      transaction_date: lastMovement?.created_at ?? null,
    })
    .where('payment_id', '=', paymentId)
    .execute();
  return status;
}

/** After an appointment's status changed (cancel, undo): its payment status may change too. */
export async function syncAppointmentPayment(trx: Tx, appointmentId: number): Promise<void> {
  const row = await trx
    .selectFrom('payments')
    .select('payment_id')
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
  if (row) await syncPaymentSummary(trx, row.payment_id);
}

/**
 * A booked visit's account: the seed's 1:1 payments row (the doctor's fee at booking time,
 * unpaid until the desk takes money) and its first ledger entry, the charge in minor units, in
 * the booking's own transaction. Front desk asks for this; it never writes payment rows itself.
 */
export async function openVisitAccount(
  trx: Tx,
  visit: { appointmentId: number; feeMajor: number; createdAt: string; createdBy: number | null },
): Promise<void> {
  const money = await clinicMoney(trx);
  const { payment_id } = await trx
    .insertInto('payments')
    .values({
      appointment_id: visit.appointmentId,
      amount: visit.feeMajor,
      payment_method: null,
      payment_status: 'unpaid',
      transaction_date: null,
    })
    .returning('payment_id')
    .executeTakeFirstOrThrow();
  await appendEntry(trx, {
    paymentId: payment_id,
    appointmentId: visit.appointmentId,
    kind: 'charge',
    amountMinor: majorNumberToMinor(visit.feeMajor, money.digits),
    currency: money.currency,
    createdAt: visit.createdAt,
    createdBy: visit.createdBy,
  });
  await syncPaymentSummary(trx, payment_id);
}

export type { AppointmentStatus };
