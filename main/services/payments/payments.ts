import type { Kysely } from 'kysely';
import type { Database, PaymentMethod } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import { mayRefundAboveLimit, type Account, type AccountSummary, type PaymentStatus } from '#contract/payments.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { openDrawerId } from './drawer.ts';
import { AppError, notFound } from '../core/errors.ts';
import { appendEntry, clinicMoney, issueReceipt, syncPaymentSummary, type ClinicMoney } from './ledger.ts';
import { formatMinorCode as formatMoney } from '#shared/money.ts';
import { parseMinor } from './amount-field.ts';
import { listEntries, listSummaries } from './payments-read.ts';

/** Rows the payments page shows at most; narrower dates or a search show the rest. */
export const LIST_LIMIT = 500;

export interface MoneyMovement {
  account: Account;
  receiptNumber: number;
  entryId: number;
}

const fieldError = (field: string, message: string): AppError =>
  new AppError('VALIDATION', message, { [field]: message });

/** Doctors read only their own appointments' money; desks read everything. */
export function assertMayRead(actor: Actor, doctorId: number): void {
  if (actor.role === 'doctor' && actor.userId !== doctorId)
    throw new AppError('FORBIDDEN', 'Doctors can see payments of their own appointments only.');
}

export function createPaymentsService({ db, clock }: ServiceDeps) {
  async function summaryOf(trx: Kysely<Database>, money: ClinicMoney, appointmentId: number): Promise<AccountSummary> {
    const [summary] = await listSummaries(trx, money, { appointmentId });
    if (!summary) throw notFound('appointment');
    return summary;
  }

  async function accountOf(trx: Kysely<Database>, appointmentId: number): Promise<Account> {
    const money = await clinicMoney(trx);
    const summary = await summaryOf(trx, money, appointmentId);
    return { ...summary, entries: await listEntries(trx, summary.paymentId) };
  }

  async function account(actor: Actor, appointmentId: number): Promise<Account> {
    const found = await accountOf(db, appointmentId);
    assertMayRead(actor, found.doctor.doctorId);
    return found;
  }

  async function list(
    actor: Actor,
    input: {
      from: string;
      to: string;
      status?: PaymentStatus | undefined;
      doctorId?: number | undefined;
      query?: string | undefined;
    },
  ): Promise<{ rows: AccountSummary[]; truncated: boolean }> {
    const money = await clinicMoney(db);
    const doctorId = actor.role === 'doctor' ? actor.userId : input.doctorId;
    const rows = await listSummaries(db, money, {
      from: input.from,
      to: input.to,
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(doctorId === undefined ? {} : { doctorId }),
      ...(input.query === undefined ? {} : { query: input.query }),
      limit: LIST_LIMIT + 1,
    });
    return { rows: rows.slice(0, LIST_LIMIT), truncated: rows.length > LIST_LIMIT };
  }

  async function forPatient(actor: Actor, patientId: number): Promise<AccountSummary[]> {
    const money = await clinicMoney(db);
    const rows = await listSummaries(db, money, {
      patientId,
      ...(actor.role === 'doctor' ? { doctorId: actor.userId } : {}),
    });
    return rows.reverse();
  }

  /** Loads the account inside a write, refusing money on a cancelled (void) appointment. */
  async function forMoney(trx: Tx, appointmentId: number, action: 'take' | 'adjust' | 'refund') {
    const money = await clinicMoney(trx);
    const summary = await summaryOf(trx, money, appointmentId);
    if (summary.appointmentStatus === 'cancelled' && action !== 'refund') {
      throw new AppError(
        'CONFLICT',
        action === 'take'
          ? 'This appointment was cancelled, so no payment can be taken for it. Book a new appointment first.'
          : 'This appointment was cancelled, so its charge cannot be changed.',
      );
    }
    return { money, summary };
  }

  async function finish(
    trx: Tx,
    actor: Actor,
    paymentId: number,
    appointmentId: number,
    action: string,
    before: AccountSummary,
    extra: object,
  ) {
    await syncPaymentSummary(trx, paymentId);
    const after = await accountOf(trx, appointmentId);
    const { entries: _entries, ...afterSummary } = after;
    await writeAudit(trx, clock, {
      userId: actor.userId,
      action,
      entity: 'payment',
      entityId: paymentId,
      before,
      after: { ...afterSummary, ...extra },
    });
    return after;
  }

  async function adjustCharge(actor: Actor, appointmentId: number, amount: string, reason: string): Promise<Account> {
    return writeTx(db, async (trx) => {
      const { money, summary } = await forMoney(trx, appointmentId, 'adjust');
      const newCharge = parseMinor(amount, money.digits, 'amount', 'new charge', true);
      const net = summary.paidMinor - summary.refundedMinor;
      const show = (minor: number) => formatMoney(minor, money.currency, money.digits);
      if (newCharge === summary.chargeMinor)
        throw fieldError('amount', `The charge is already ${show(newCharge)}. Enter a different amount.`);
      if (newCharge < net)
        throw fieldError(
          'amount',
          `The charge cannot be less than the ${show(net)} already paid. Refund the difference first.`,
        );
      await appendEntry(trx, {
        paymentId: summary.paymentId,
        appointmentId,
        kind: 'adjustment',
        amountMinor: newCharge - summary.chargeMinor,
        currency: money.currency,
        reason,
        createdAt: clock.now().toISOString(),
        createdBy: actor.userId,
      });
      return finish(trx, actor, summary.paymentId, appointmentId, 'payment.adjust_charge', summary, { reason });
    });
  }

  async function take(
    actor: Actor,
    input: { appointmentId: number; amount: string; method: PaymentMethod; reference: string | null },
  ): Promise<MoneyMovement> {
    return writeTx(db, async (trx) => {
      const { money, summary } = await forMoney(trx, input.appointmentId, 'take');
      const amount = parseMinor(input.amount, money.digits, 'amount', 'amount');
      if (amount > summary.balanceMinor)
        throw fieldError(
          'amount',
          `The amount is more than the balance of ${formatMoney(summary.balanceMinor, money.currency, money.digits)}.`,
        );
      const now = clock.now().toISOString();
      const receiptNumber = await issueReceipt(trx, 'payment', input.appointmentId, now, actor.userId);
      const entryId = await appendEntry(trx, {
        paymentId: summary.paymentId,
        appointmentId: input.appointmentId,
        kind: 'payment',
        amountMinor: amount,
        currency: money.currency,
        method: input.method,
        reference: input.reference,
        receiptId: receiptNumber,
        drawerSessionId: input.method === 'cash' ? await openDrawerId(trx) : null,
        createdAt: now,
        createdBy: actor.userId,
      });
      const after = await finish(trx, actor, summary.paymentId, input.appointmentId, 'payment.take', summary, {
        entryId,
        receiptNumber,
      });
      return { account: after, receiptNumber, entryId };
    });
  }

  async function refund(
    actor: Actor,
    input: { appointmentId: number; amount: string; method: PaymentMethod; reason: string },
  ): Promise<MoneyMovement> {
    return writeTx(db, async (trx) => {
      const { money, summary } = await forMoney(trx, input.appointmentId, 'refund');
      const amount = parseMinor(input.amount, money.digits, 'amount', 'refund');
      const show = (minor: number) => formatMoney(minor, money.currency, money.digits);
      const refundable = summary.paidMinor - summary.refundedMinor;
      if (amount > refundable)
        throw fieldError(
          'amount',
          refundable === 0
            ? 'Nothing has been paid for this appointment, so nothing can be refunded.'
            : `The refund is more than the ${show(refundable)} paid. Enter at most ${show(refundable)}.`,
        );
      // The limit is on the total refunded for the visit, so it cannot be split into small
      // refunds; the earlier ones are summed in this write, from the append-only ledger.
      const alreadyMinor = summary.refundedMinor;
      if (alreadyMinor + amount > money.refundThresholdMinor && !mayRefundAboveLimit(actor.role))
        throw new AppError(
          'FORBIDDEN',
          alreadyMinor === 0
            ? `Refunds above ${show(money.refundThresholdMinor)} need an admin.`
            : `Refunds above ${show(money.refundThresholdMinor)} for one visit need an admin; ${show(alreadyMinor)} has been refunded already.`,
        );
      const now = clock.now().toISOString();
      const receiptNumber = await issueReceipt(trx, 'refund', input.appointmentId, now, actor.userId);
      const entryId = await appendEntry(trx, {
        paymentId: summary.paymentId,
        appointmentId: input.appointmentId,
        kind: 'refund',
        amountMinor: amount,
        currency: money.currency,
        method: input.method,
        reason: input.reason,
        receiptId: receiptNumber,
        drawerSessionId: input.method === 'cash' ? await openDrawerId(trx) : null,
        createdAt: now,
        createdBy: actor.userId,
      });
      const after = await finish(trx, actor, summary.paymentId, input.appointmentId, 'payment.refund', summary, {
        entryId,
        receiptNumber,
        reason: input.reason,
      });
      return { account: after, receiptNumber, entryId };
    });
  }

  return { account, list, forPatient, adjustCharge, take, refund, accountOf };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
