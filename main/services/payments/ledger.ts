import { sql, type Kysely } from 'kysely';
import type { AppointmentStatus, Database, LedgerKind, PaymentMethod } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import type { PaymentStatus } from '#contract/payments.ts';
import { majorNumberToMinor, minorDigitsOf, toMajorNumber } from '#shared/money.ts';
import { deriveStatus } from './payment-status.ts';
import { deskSettings, type DeskSettings } from '../core/clinic-clock.ts';
import { hotQuery } from '#db/hot-query.ts';

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

/** The clinic's currency and its decimals (USD and 2 before setup) from the settings row. */
export function moneyOf(row: DeskSettings): ClinicMoney {
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

export async function clinicMoney(db: Kysely<Database>): Promise<ClinicMoney> {
  return moneyOf(await deskSettings(db));
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

/** One ledger entry, compiled once: every booking and payment appends one. */
const insertEntry = hotQuery(
  (
    db,
    paymentId: number,
    appointmentId: number,
    kind: LedgerKind,
    amountMinor: number,
    currency: string,
    method: PaymentMethod | null,
    reference: string | null,
    reason: string | null,
    receiptId: number | null,
    drawerSessionId: number | null,
    createdAt: string,
    createdBy: number | null,
  ) =>
    db
      .insertInto('payment_ledger')
      .values({
        payment_id: paymentId,
        appointment_id: appointmentId,
        kind,
        amount_minor: amountMinor,
        currency,
        method,
        reference,
        reason,
        receipt_id: receiptId,
        drawer_session_id: drawerSessionId,
        created_at: createdAt,
        created_by: createdBy,
      })
      .returning('entry_id'),
);

/** Appends one entry; the database refuses any later change to it. */
export async function appendEntry(trx: Tx, entry: NewEntry): Promise<number> {
  const [row] = await insertEntry(
    trx,
    entry.paymentId,
    entry.appointmentId,
    entry.kind,
    entry.amountMinor,
    entry.currency,
    entry.method ?? null,
    entry.reference ?? null,
    entry.reason ?? null,
    entry.receiptId ?? null,
    entry.drawerSessionId ?? null,
    entry.createdAt,
    entry.createdBy,
  );
  if (!row) throw new Error('The ledger entry was not written.');
  return row.entry_id;
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

/** A new visit's payments row with its summary (compiled once: every booking writes one). */
const insertVisitPayment = hotQuery((db, appointmentId: number, amount: number, status: PaymentStatus) =>
  db
    .insertInto('payments')
    .values({
      appointment_id: appointmentId,
      amount,
      payment_method: null,
      payment_status: status,
      transaction_date: null,
    })
    .returning('payment_id'),
);

/**
 * A booked visit's account: the seed's 1:1 payments row (the doctor's fee at booking time,
 * unpaid until the desk takes money) and its first ledger entry, the charge in minor units, in
 * the booking's own transaction. Front desk asks for this; it never writes payment rows itself.
 * The summary is what `syncPaymentSummary` would derive from that one charge (nothing paid, no
 * movement), written with the row instead of read back from the ledger.
 */
export async function openVisitAccount(
  trx: Tx,
  visit: { appointmentId: number; feeMajor: number; createdAt: string; createdBy: number | null },
  money: ClinicMoney,
): Promise<void> {
  const chargeMinor = majorNumberToMinor(visit.feeMajor, money.digits);
  const status = deriveStatus({ chargeMinor, paidMinor: 0, refundedMinor: 0 }, 'scheduled');
  const [row] = await insertVisitPayment(trx, visit.appointmentId, toMajorNumber(chargeMinor, money.digits), status);
  if (!row) throw new Error('The payments row was not written.');
  await appendEntry(trx, {
    paymentId: row.payment_id,
    appointmentId: visit.appointmentId,
    kind: 'charge',
    amountMinor: chargeMinor,
    currency: money.currency,
    createdAt: visit.createdAt,
    createdBy: visit.createdBy,
  });
}

export type { AppointmentStatus };
