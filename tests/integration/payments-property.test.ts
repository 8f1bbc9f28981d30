import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorToDecimal } from '#shared/money.ts';
import type { PaymentReport } from '#contract/payments.ts';
import { PAYMENT_METHODS } from '#contract/payments.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Money is exact: random sequences of charge changes, partial payments, refunds and a cancel,
// in currencies with 0, 2 and 3 decimals. After every step the ledger's sums, the payments
// row, the account and the report agree to the minor unit, and refunds never exceed payments.

type Command =
  | { kind: 'adjust'; minor: number }
  | { kind: 'pay'; minor: number; method: (typeof PAYMENT_METHODS)[number] }
  | { kind: 'refund'; minor: number; method: (typeof PAYMENT_METHODS)[number] }
  | { kind: 'cancel' };

const method = fc.constantFrom(...PAYMENT_METHODS);

/** Amounts around the fee (30 in major units), so most steps are accepted and some are not. */
function commandFor(digits: number): fc.Arbitrary<Command> {
  const fee = 30 * 10 ** digits;
  const amount = fc.oneof(fc.integer({ min: 1, max: fee * 1.5 }), fc.integer({ min: 1, max: 10 ** digits * 5 }));
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('adjust' as const), minor: fc.integer({ min: 0, max: fee * 2 }) }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), minor: amount, method }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), minor: amount, method }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  );
}

interface Model {
  charge: number;
  paid: number;
  refunded: number;
  cancelled: boolean;
}

/** The status rules, written again independently of the service. */
function expectedStatus(m: Model): string {
  const net = m.paid - m.refunded;
  if (m.cancelled && m.paid === 0) return 'void';
  if (m.refunded > 0) return net === 0 ? 'refunded' : 'partially_refunded';
  if (net >= m.charge) return 'paid';
  return net > 0 ? 'partially_paid' : 'unpaid';
}

const TODAY = '2026-03-02';
const SLOT_DAYS = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'];
const LAST_SLOT_DAY = '2026-03-11';

describe.each([
  ['JPY', 0],
  ['USD', 2],
  ['KWD', 3],
] as const)('money in %s (%i decimals)', (currency, digits) => {
  let app: TestApp;
  let world: PaymentsWorld;
  let freeSlots: number[];
  beforeAll(async () => {
    app = await createTestApp();
    await setUpClinic(app);
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    const { updatedAt: _u, ...rest } = settings;
    await app.ok(ADMIN_KEY, 'settings.update', { ...rest, currency, idleLockMinutes: 240, refundApprovalThreshold: 0 });
    world = await paymentsWorld(app);
    freeSlots = SLOT_DAYS.flatMap((date) =>
      [world.doctor.userId, world.otherDoctor.userId].flatMap((d) => slotsOf(app, d, date)),
    ).map((s) => s.availability_id);
  });
  afterAll(async () => {
    await app.close();
  });

  // From today (when money moves) to the last slot's day: "Charged" counts a visit on its own
  // day (preload/shared/money-words.ts), and the visits here are all in the coming days.
  const report = () => app.ok(ADMIN_KEY, 'payments.report', { from: TODAY, to: LAST_SLOT_DAY });
  const minusTotals = (a: PaymentReport, b: PaymentReport) => ({
    charged: a.totals.chargedMinor - b.totals.chargedMinor,
    collected: a.totals.collectedMinor - b.totals.collectedMinor,
    refunded: a.totals.refundedMinor - b.totals.refundedMinor,
  });

  it('keeps ledger, payments row, account and report equal to the minor unit', async () => {
    const accepted_ = { adjust: 0, pay: 0, refund: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(commandFor(digits), { minLength: 1, maxLength: 14 }), async (commands) => {
        const slot = freeSlots.pop();
        if (slot === undefined) throw new Error('The test ran out of free slots; lower PROPERTY_RUNS.');
        const baseline = await report();
        const booked = await app.ok(world.desk, 'appointments.book', {
          availabilityId: slot,
          patientId: world.patientId,
          overlapOverrideReason: 'property test',
        });
        const appointmentId = booked.appointmentId;
        const fee = (await app.ok(world.desk, 'payments.account', { appointmentId })).chargeMinor;
        expect(fee).toBe(30 * 10 ** digits);
        const m: Model = { charge: fee, paid: 0, refunded: 0, cancelled: false };

        for (const c of commands) {
          const net = m.paid - m.refunded;
          // Refunds never make money owed again (main/services/payments/payment-status.ts).
          const balance = m.cancelled ? 0 : Math.max(0, m.charge - m.paid);
          if (c.kind === 'cancel') {
            const result = await app.call(world.desk, 'appointments.cancel', { appointmentId, reason: 'test' });
            expect(result.ok).toBe(!m.cancelled);
            m.cancelled = true;
          } else if (c.kind === 'adjust') {
            const result = await app.call(world.desk, 'payments.adjustCharge', {
              appointmentId,
              amount: minorToDecimal(c.minor, digits),
              reason: 'property test',
            });
            const accepted = !m.cancelled && c.minor !== m.charge && c.minor >= net;
            expect(result.ok, JSON.stringify(result)).toBe(accepted);
            if (accepted) {
              m.charge = c.minor;
              accepted_.adjust += 1;
            } else if (!result.ok) expect(result.error.code).toBe(m.cancelled ? 'CONFLICT' : 'VALIDATION');
          } else if (c.kind === 'pay') {
            const result = await app.call(world.desk, 'payments.take', {
              appointmentId,
              amount: minorToDecimal(c.minor, digits),
              method: c.method,
            });
            const accepted = !m.cancelled && c.minor <= balance;
            expect(result.ok, JSON.stringify(result)).toBe(accepted);
            if (accepted) {
              m.paid += c.minor;
              accepted_.pay += 1;
            } else if (!result.ok) expect(result.error.code).toBe(m.cancelled ? 'CONFLICT' : 'VALIDATION');
          } else {
            const result = await app.call(ADMIN_KEY, 'payments.refund', {
              appointmentId,
              amount: minorToDecimal(c.minor, digits),
              method: c.method,
              reason: 'property test',
            });
            const accepted = c.minor <= net;
            expect(result.ok, JSON.stringify(result)).toBe(accepted);
            if (accepted) {
              m.refunded += c.minor;
              accepted_.refund += 1;
            } else if (!result.ok)
              expect(result.error).toMatchObject({ code: 'VALIDATION', fields: { amount: expect.any(String) } });
          }

          // The ledger itself.
          const sums = app.core.database.raw
            .prepare(
              `SELECT COALESCE(SUM(CASE WHEN kind IN ('charge','adjustment') THEN amount_minor END), 0) AS charge,
                      COALESCE(SUM(CASE WHEN kind = 'payment' THEN amount_minor END), 0) AS paid,
                      COALESCE(SUM(CASE WHEN kind = 'refund' THEN amount_minor END), 0) AS refunded
               FROM payment_ledger WHERE appointment_id = ?`,
            )
            .get(appointmentId) as { charge: number; paid: number; refunded: number };
          expect(sums).toEqual({ charge: m.charge, paid: m.paid, refunded: m.refunded });
          expect(sums.refunded).toBeLessThanOrEqual(sums.paid);
          // The seed table's summary row.
          const row = app.core.database.raw
            .prepare('SELECT amount, payment_status FROM payments WHERE appointment_id = ?')
            .get(appointmentId) as { amount: number; payment_status: string };
          expect(Math.round(row.amount * 10 ** digits)).toBe(m.charge);
          expect(row.amount).toBe(Number(minorToDecimal(m.charge, digits)));
          expect(row.payment_status).toBe(expectedStatus(m));
          // The account the screens show.
          const account = await app.ok(world.desk, 'payments.account', { appointmentId });
          expect(account).toMatchObject({
            currency,
            minorDigits: digits,
            chargeMinor: m.charge,
            paidMinor: m.paid,
            refundedMinor: m.refunded,
            status: expectedStatus(m),
          });
          // The report: what this sequence added to today's totals.
          const delta = minusTotals(await report(), baseline);
          // A cancelled visit costs nothing; money received and paid back still counts.
          expect(delta).toEqual({ charged: m.cancelled ? 0 : m.charge, collected: m.paid, refunded: m.refunded });
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 10) },
    );
    // The sequences really moved money, not only refusals.
    expect(accepted_.pay).toBeGreaterThan(0);
    expect(accepted_.refund + accepted_.adjust).toBeGreaterThan(0);
  });
});
