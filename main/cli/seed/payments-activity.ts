import type { Kysely } from 'kysely';
import type { Database, PaymentMethod } from '#db/schema.ts';
import { OPEN_STATUSES } from '#shared/statuses.ts';
import type { Rng } from './prng.ts';
import { majorNumberToMinor, minorToDecimal } from '#shared/money.ts';

// A realistic money trail for the demo, made through the payments services (so every rule,
// receipt number and audit row is real): deposits on some of today's visits and a few
// refunds on past ones.

interface Actor {
  userId: number;
  role: 'admin' | 'receptionist';
}

/** The slice of the services the demo needs (main passes its real services). */
export interface PaymentActivityServices {
  take(
    actor: Actor,
    input: { appointmentId: number; amount: string; method: PaymentMethod; reference: string | null },
  ): Promise<unknown>;
  refund(
    actor: Actor,
    input: { appointmentId: number; amount: string; method: PaymentMethod; reason: string },
  ): Promise<unknown>;
}

const REFUND_REASONS = ['Visit was shorter than booked', 'Charged twice at the desk', 'Goodwill after a long wait'];

/** Major-units text of half a fee, exact for 0-3 decimals. */
function half(fee: number, digits: number): string {
  return minorToDecimal(Math.floor(majorNumberToMinor(fee, digits) / 2), digits);
}

export async function seedPaymentActivity(
  db: Kysely<Database>,
  services: PaymentActivityServices,
  rng: Rng,
  options: { startDate: string; desk: Actor; admin: Actor; digits: number },
): Promise<{ deposits: number; refunds: number }> {
  const today = await db
    .selectFrom('appointments as a')
    .innerJoin('payments as p', 'p.appointment_id', 'a.appointment_id')
    .select(['a.appointment_id', 'p.amount'])
    .where('a.appointment_date', '=', options.startDate)
    .where('a.status', 'in', [...OPEN_STATUSES])
    .where('p.payment_status', '=', 'unpaid')
    .orderBy('a.appointment_id')
    .execute();
  let deposits = 0;
  for (const visit of today) {
    if (visit.amount <= 0 || !rng.chance(0.3)) continue;
    const method = rng.pick<PaymentMethod>(['card', 'cash', 'mobile_money']);
    await services.take(options.desk, {
      appointmentId: visit.appointment_id,
      amount: half(visit.amount, options.digits),
      method,
      reference: method === 'mobile_money' ? `MM-${rng.int(100000, 999999)}` : null,
    });
    deposits++;
  }

  const past = await db
    .selectFrom('appointments as a')
    .innerJoin('payments as p', 'p.appointment_id', 'a.appointment_id')
    .select(['a.appointment_id', 'p.amount', 'p.payment_method'])
    .where('a.appointment_date', '<', options.startDate)
    .where('a.status', '=', 'completed')
    .where('p.payment_status', '=', 'paid')
    .orderBy('a.appointment_id')
    .execute();
  let refunds = 0;
  for (const visit of past) {
    if (visit.amount <= 0 || refunds >= 3 || !rng.chance(0.05)) continue;
    await services.refund(options.admin, {
      appointmentId: visit.appointment_id,
      amount: refunds === 0 ? visit.amount.toFixed(options.digits) : half(visit.amount, options.digits),
      method: visit.payment_method ?? 'cash',
      reason: rng.pick(REFUND_REASONS),
    });
    refunds++;
  }
  return { deposits, refunds };
}
