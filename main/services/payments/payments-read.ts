import { sql, type Kysely } from 'kysely';
import { containsText } from '#db/like.ts';
import type { Database } from '#db/schema.ts';
import type { AccountSummary, LedgerEntry, PaymentStatus } from '#contract/payments.ts';
import { majorNumberToMinor } from '#shared/money.ts';
import { balanceOf } from './payment-status.ts';
import { patientNumber } from '../patients/index.ts';
import type { ClinicMoney } from './ledger.ts';

// Reading payment accounts the way the screens show them: names, ledger sums, status.

export interface SummaryFilter {
  appointmentId?: number;
  patientId?: number;
  doctorId?: number;
  from?: string;
  to?: string;
  status?: PaymentStatus;
  query?: string;
  appointmentStatus?: 'completed';
  limit?: number;
}

/** One sum of the row's ledger, read through the (payment_id, entry_id) index. */
const sumOf = (kinds: string) =>
  sql<number>`(SELECT COALESCE(SUM(l.amount_minor), 0) FROM payment_ledger l
    WHERE l.payment_id = p.payment_id AND l.kind IN (${sql.raw(kinds)}))`;

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('payments as p')
    .innerJoin('appointments as a', 'a.appointment_id', 'p.appointment_id')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .innerJoin('doctors as doc', 'doc.doctor_id', 'a.doctor_id')
    .innerJoin('users as pu', 'pu.user_id', 'a.patient_id')
    .select([
      'p.payment_id',
      'p.appointment_id',
      'p.payment_status',
      'p.payment_method',
      'a.patient_id',
      'a.doctor_id',
      'a.appointment_date',
      'a.appointment_time',
      'a.status as appointment_status',
      'pu.name as patient_name',
      'd.name as doctor_name',
      'doc.consultation_fee',
      sumOf(`'charge', 'adjustment'`).as('charge'),
      sumOf(`'payment'`).as('paid'),
      sumOf(`'refund'`).as('refunded'),
    ]);
}

type SummaryRecord = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(r: SummaryRecord, money: ClinicMoney): AccountSummary {
  const totals = {
    chargeMinor: Number(r.charge ?? 0),
    paidMinor: Number(r.paid ?? 0),
    refundedMinor: Number(r.refunded ?? 0),
  };
  return {
    paymentId: r.payment_id,
    appointmentId: r.appointment_id,
    patient: { patientId: r.patient_id, patientNumber: patientNumber(r.patient_id), name: r.patient_name },
    doctor: { doctorId: r.doctor_id, name: r.doctor_name },
    date: r.appointment_date,
    time: r.appointment_time,
    appointmentStatus: r.appointment_status,
    currency: money.currency,
    minorDigits: money.digits,
    ...totals,
    balanceMinor: balanceOf(totals, r.appointment_status),
    status: r.payment_status,
    feeDefaultMinor: majorNumberToMinor(Number(r.consultation_fee), money.digits),
    lastMethod: r.payment_method,
  };
}

/** Payment summaries, oldest visit first; `limit + 1` rows are read so callers can tell truncation. */
export async function listSummaries(
  db: Kysely<Database>,
  money: ClinicMoney,
  filter: SummaryFilter,
): Promise<AccountSummary[]> {
  let query = summaryQuery(db);
  if (filter.appointmentId !== undefined) query = query.where('p.appointment_id', '=', filter.appointmentId);
  if (filter.patientId !== undefined) query = query.where('a.patient_id', '=', filter.patientId);
  if (filter.doctorId !== undefined) query = query.where('a.doctor_id', '=', filter.doctorId);
  if (filter.from !== undefined) query = query.where('a.appointment_date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.appointment_date', '<=', filter.to);
  if (filter.status !== undefined) query = query.where('p.payment_status', '=', filter.status);
  if (filter.appointmentStatus !== undefined) query = query.where('a.status', '=', filter.appointmentStatus);
  const text = filter.query?.trim();
  if (text) {
    const numberMatch = /^p-?0*(\d+)$/i.exec(text);
    // The LIKE is a condition by itself: comparing it with `true` would bind a boolean,
    // which SQLite has no type for.
    const byName = containsText('pu.name', text);
    query = query.where((eb) =>
      numberMatch ? eb.or([byName, eb('a.patient_id', '=', Number(numberMatch[1]))]) : byName,
    );
  }
  query = query.orderBy('a.appointment_date').orderBy('a.appointment_time').orderBy('p.payment_id');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map((r) => toSummary(r, money));
}

/**
 * The base select of ledger entries: the entry's own columns and the name of who recorded it.
 * Account screens narrow it to one payments row; the report joins the appointment to it.
 */
export function ledgerEntriesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('payment_ledger as l')
    .leftJoin('users as u', 'u.user_id', 'l.created_by')
    .select([
      'l.entry_id',
      'l.kind',
      'l.amount_minor',
      'l.method',
      'l.reference',
      'l.reason',
      'l.receipt_id',
      'l.created_at',
      'u.name as created_by_name',
    ]);
}

/** Every ledger entry of a payments row, oldest first, with receipt numbers and names. */
export async function listEntries(db: Kysely<Database>, paymentId: number): Promise<LedgerEntry[]> {
  const rows = await ledgerEntriesQuery(db).where('l.payment_id', '=', paymentId).orderBy('l.entry_id').execute();
  return rows.map((r) => ({
    entryId: r.entry_id,
    kind: r.kind,
    amountMinor: Number(r.amount_minor),
    method: r.method,
    reference: r.reference,
    reason: r.reason,
    receiptNumber: r.receipt_id,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
  }));
}
