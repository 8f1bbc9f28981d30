import type { Account } from '#contract/payments.ts';
import type { ChannelName } from '#contract/index.ts';
import type { MoneyMovement } from '../../services/payments/payments.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

type PaymentsChannels = Extract<ChannelName, `payments.${string}` | `drawer.${string}`>;

/** Desks hear of every account; a doctor only of their own appointments'; locked windows of none. */
function audience(ctx: HandlerContext, doctorId: number | null): (clientKey: string) => boolean {
  return (clientKey) => {
    const session = ctx.sessions.get(clientKey);
    if (!session || session.locked) return false;
    return session.role !== 'doctor' || (doctorId !== null && session.userId === doctorId);
  };
}

/** Every ledger write tells the desks; cash movements also change the drawer's expected cash. */
function changed<T extends Account | MoneyMovement>(ctx: HandlerContext, result: T, cash = false): T {
  const account: Account = 'entries' in result ? result : result.account;
  ctx.hub.broadcastWhere(
    'payment.changed',
    { appointmentId: account.appointmentId, paymentId: account.paymentId, status: account.status },
    audience(ctx, account.doctor.doctorId),
  );
  if (cash) ctx.hub.broadcastWhere('drawer.changed', {}, audience(ctx, null));
  return result;
}

function drawerChanged<T>(ctx: HandlerContext, result: T): T {
  ctx.hub.broadcastWhere('drawer.changed', {}, audience(ctx, null));
  return result;
}

export const paymentsHandlers: HandlerMap<PaymentsChannels> = {
  'payments.account': (input, ctx) => ctx.services.payments.account(actorOf(ctx), input.appointmentId),
  'payments.list': (input, ctx) => ctx.services.payments.list(actorOf(ctx), input),
  'payments.forPatient': (input, ctx) => ctx.services.payments.forPatient(actorOf(ctx), input.patientId),
  'payments.adjustCharge': async (input, ctx) =>
    changed(
      ctx,
      await ctx.services.payments.adjustCharge(actorOf(ctx), input.appointmentId, input.amount, input.reason),
    ),
  'payments.take': async (input, ctx) =>
    changed(ctx, await ctx.services.payments.take(actorOf(ctx), input), input.method === 'cash'),
  'payments.refund': async (input, ctx) =>
    changed(ctx, await ctx.services.payments.refund(actorOf(ctx), input), input.method === 'cash'),
  'payments.receiptPdf': (input, ctx) => ctx.services.receipts.receiptPdf(actorOf(ctx), input),
  'payments.report': (input, ctx) => ctx.services.reports.report(actorOf(ctx), input),
  'payments.reportPdf': (input, ctx) => ctx.services.receipts.reportPdf(actorOf(ctx), input),
  'payments.ledgerCsv': (input, ctx) => ctx.services.reports.ledgerCsv(actorOf(ctx), input),
  'drawer.current': (_input, ctx) => ctx.services.drawer.current(),
  'drawer.open': async (input, ctx) => drawerChanged(ctx, await ctx.services.drawer.open(actorOf(ctx), input.float)),
  'drawer.close': async (input, ctx) =>
    drawerChanged(ctx, await ctx.services.drawer.close(actorOf(ctx), input.counted, input.note)),
};
