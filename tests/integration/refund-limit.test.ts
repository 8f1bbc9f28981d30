import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsWorld, setRefundThreshold, type PaymentsWorld } from '../support/payments.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// The refund approval limit holds for the total refunded on one visit, so small refunds
// cannot add up past it. Test clock: Monday 2026-03-02 09:00, GBP, fee 30.00; limit 10.00.

let app: TestApp;
let world: PaymentsWorld;
let visit: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  visit = await world.book('2026-03-02', '10:00');
  await app.ok(world.desk, 'payments.take', { appointmentId: visit, amount: '30', method: 'card' });
  await setRefundThreshold(app, 10);
});
afterEach(async () => {
  await app.close();
});

const refund = (key: string, appointmentId: number, amount: string) =>
  app.call(key, 'payments.refund', { appointmentId, amount, method: 'card', reason: 'Goodwill' });

describe('refund approval limit per visit', () => {
  it('refunds that add up past the limit need an admin, saying how much was refunded already', async () => {
    expect(await refund(world.desk, visit, '4')).toMatchObject({ ok: true });
    expect(await refund(world.desk, visit, '6')).toMatchObject({
      ok: true,
      value: { account: { refundedMinor: 1000 } },
    });
    const before = await tableCounts(app);
    const third = await refund(world.desk, visit, '0.01');
    expect(third).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Refunds above GBP 10.00 for one visit need an admin; GBP 10.00 has been refunded already.',
      },
    });
    expect(await tableCounts(app)).toEqual(before);
    const admin = await refund(ADMIN_KEY, visit, '20');
    expect(admin).toMatchObject({ ok: true, value: { account: { refundedMinor: 3000, status: 'refunded' } } });
  });

  it('counts only this visit’s refunds: another visit starts at nothing refunded', async () => {
    expect(await refund(world.desk, visit, '10')).toMatchObject({ ok: true });
    const other = await world.book('2026-03-02', '10:30');
    await app.ok(world.desk, 'payments.take', { appointmentId: other, amount: '30', method: 'card' });
    expect(await refund(world.desk, other, '10')).toMatchObject({ ok: true });
    expect(await refund(world.desk, other, '0.01')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('GBP 10.00 has been refunded already') },
    });
    expect(await refund(world.desk, visit, '20')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
