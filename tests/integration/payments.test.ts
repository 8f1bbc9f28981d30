import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentRow, paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Taking money and refunding it through the dispatcher on a real file.
// Test clock: Monday 2026-03-02 09:00 Europe/London, GBP, the doctor's fee 30.00.

let app: TestApp;
let world: PaymentsWorld;
let appointmentId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  appointmentId = await world.book();
});
afterEach(async () => {
  await app.close();
});

describe('charge at booking', () => {
  it('writes the doctor’s fee as a charge entry in minor units and an unpaid summary', async () => {
    const account = await app.ok(world.desk, 'payments.account', { appointmentId });
    expect(account).toMatchObject({
      currency: 'GBP',
      minorDigits: 2,
      chargeMinor: 3000,
      paidMinor: 0,
      refundedMinor: 0,
      balanceMinor: 3000,
      status: 'unpaid',
      feeDefaultMinor: 3000,
      appointmentStatus: 'scheduled',
      patient: { name: 'Maria Perera' },
      doctor: { name: 'Dr Ama Mensah' },
    });
    expect(account.entries).toEqual([
      expect.objectContaining({ kind: 'charge', amountMinor: 3000, method: null, receiptNumber: null }),
    ]);
    expect(paymentRow(app, appointmentId)).toMatchObject({ amount: 30, payment_status: 'unpaid' });
  });
});

describe('charge at walk-in and after an undone cancel', () => {
  it('a walk-in gets its charge entry too; undoing a cancel brings the status back from void', async () => {
    const walkIn = await app.ok(world.desk, 'appointments.walkIn', {
      patientId: await world.patient('Kofi Walk'),
      doctorId: world.otherDoctor.userId,
    });
    const account = await app.ok(world.desk, 'payments.account', { appointmentId: walkIn.appointmentId });
    expect(account).toMatchObject({ chargeMinor: 3000, status: 'unpaid', appointmentStatus: 'checked_in' });
    expect(account.entries.map((e) => e.kind)).toEqual(['charge']);

    await app.ok(world.desk, 'appointments.cancel', { appointmentId, reason: 'Mistake' });
    expect(paymentRow(app, appointmentId).payment_status).toBe('void');
    await app.ok(ADMIN_KEY, 'appointments.undoLastStep', { appointmentId, reason: 'Cancelled the wrong one' });
    expect(paymentRow(app, appointmentId).payment_status).toBe('unpaid');
  });
});

describe('the clinic currency', () => {
  it('cannot change once money is recorded, since ledger amounts are in it', async () => {
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    const { updatedAt: _u, ...rest } = settings;
    const before = await tableCounts(app);
    const result = await app.call(ADMIN_KEY, 'settings.update', { ...rest, currency: 'EUR' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currency: expect.stringMatching(/stays GBP/) } },
    });
    expect(await tableCounts(app)).toEqual(before);
    // Everything else can still change.
    expect(await app.ok(ADMIN_KEY, 'settings.update', { ...rest, clinicName: 'Renamed' })).toMatchObject({
      currency: 'GBP',
      clinicName: 'Renamed',
    });
  });
});

describe('taking money', () => {
  it('a partial payment and then the rest: partially paid, then paid, summaries match the ledger', async () => {
    const first = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '12.50', method: 'card' });
    expect(first.account).toMatchObject({ paidMinor: 1250, balanceMinor: 1750, status: 'partially_paid' });
    expect(paymentRow(app, appointmentId)).toMatchObject({
      amount: 30,
      payment_method: 'card',
      payment_status: 'partially_paid',
    });
    app.clock.advanceMinutes(5);
    const second = await app.ok(world.desk, 'payments.take', {
      appointmentId,
      amount: '17.5',
      method: 'cash',
      reference: 'till 2',
    });
    expect(second.account).toMatchObject({ paidMinor: 3000, balanceMinor: 0, status: 'paid', lastMethod: 'cash' });
    expect(second.receiptNumber).toBe(first.receiptNumber + 1);
    expect(second.account.entries.map((e) => [e.kind, e.amountMinor, e.method, e.reference])).toEqual([
      ['charge', 3000, null, null],
      ['payment', 1250, 'card', null],
      ['payment', 1750, 'cash', 'till 2'],
    ]);
    expect(paymentRow(app, appointmentId)).toEqual({
      payment_id: second.account.paymentId,
      amount: 30,
      payment_method: 'cash',
      payment_status: 'paid',
      transaction_date: '2026-03-02T09:05:00.000Z',
    });
    const audits = app.core.database.raw
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.take'")
      .get() as { n: number };
    expect(audits.n).toBe(2);
  });

  it('refuses bad amounts and methods with a field-named error and writes nothing', async () => {
    const before = await tableCounts(app);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ amount: '0' }, /greater than zero/],
      [{ amount: '0.00' }, /greater than zero/],
      [{ amount: '-5' }, /as a number/],
      [{ amount: '1.234' }, /at most 2 decimals/],
      // The window refused "12.500" while main took it as 12.50: both refuse it now (#shared/money.ts).
      [{ amount: '12.500' }, /at most 2 decimals/],
      [{ amount: '1,250' }, /without thousands separators/],
      [{ amount: 'ten' }, /as a number/],
      [{ amount: '30.01' }, /more than the balance of GBP 30\.00/],
      [{ method: 'cheque' }, /Choose a payment method/],
    ];
    for (const [change, message] of cases) {
      const result = await app.call(world.desk, 'payments.take', {
        appointmentId,
        amount: '10',
        method: 'cash',
        ...change,
      } as never);
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      const field = 'method' in change ? 'method' : 'amount';
      expect(result.error.fields?.[field], JSON.stringify(result.error)).toMatch(message);
    }
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses money for a cancelled appointment (void) with CONFLICT and writes nothing', async () => {
    await app.ok(world.desk, 'appointments.cancel', { appointmentId, reason: 'Patient ill' });
    expect(paymentRow(app, appointmentId).payment_status).toBe('void');
    const before = await tableCounts(app);
    const result = await app.call(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'cash' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/cancelled/) },
    });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('a no-show stays chargeable (not void)', async () => {
    const early = await world.book('2026-03-02', '09:30');
    for (let i = 0; i < 3; i++) {
      app.clock.advanceMinutes(11);
      await app.ok(world.desk, 'auth.touch', {});
    }
    await app.ok(world.desk, 'appointments.noShow', { appointmentId: early });
    const taken = await app.ok(world.desk, 'payments.take', { appointmentId: early, amount: '30', method: 'card' });
    expect(taken.account).toMatchObject({ status: 'paid', appointmentStatus: 'no_show' });
  });
});

describe('changing the charge', () => {
  it('a discount with a reason is an adjustment entry, audited with before and after', async () => {
    const account = await app.ok(world.desk, 'payments.adjustCharge', {
      appointmentId,
      amount: '20.00',
      reason: 'Pensioner discount',
    });
    expect(account).toMatchObject({ chargeMinor: 2000, balanceMinor: 2000, status: 'unpaid' });
    expect(account.entries.at(-1)).toMatchObject({
      kind: 'adjustment',
      amountMinor: -1000,
      reason: 'Pensioner discount',
    });
    expect(paymentRow(app, appointmentId).amount).toBe(20);
    const audit = app.core.database.raw
      .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'payment.adjust_charge'")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ chargeMinor: 3000 });
    expect(JSON.parse(audit.after_json)).toMatchObject({ chargeMinor: 2000, reason: 'Pensioner discount' });
  });

  it('a waiver to zero makes it paid; the charge cannot go below what was paid', async () => {
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'cash' });
    const before = await tableCounts(app);
    const result = await app.call(world.desk, 'payments.adjustCharge', { appointmentId, amount: '5', reason: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { amount: expect.stringMatching(/GBP 10\.00 already paid/) } },
    });
    expect(await tableCounts(app)).toEqual(before);
    const waived = await app.ok(world.desk, 'payments.adjustCharge', {
      appointmentId,
      amount: '10',
      reason: 'Waived the rest',
    });
    expect(waived).toMatchObject({ chargeMinor: 1000, status: 'paid', balanceMinor: 0 });
    const other = await world.book('2026-03-02', '10:30');
    const zero = await app.ok(world.desk, 'payments.adjustCharge', {
      appointmentId: other,
      amount: '0',
      reason: 'Staff',
    });
    expect(zero).toMatchObject({ chargeMinor: 0, status: 'paid' });
  });
});

describe('refunds', () => {
  beforeEach(async () => {
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '30', method: 'card' });
  });

  it('a part refund is a new reversing entry: partially refunded; the rest: refunded', async () => {
    const part = await app.ok(world.desk, 'payments.refund', {
      appointmentId,
      amount: '10',
      method: 'card',
      reason: 'Shorter visit',
    });
    // Money handed back is not asked for again: the balance stays at nothing owed.
    expect(part.account).toMatchObject({
      paidMinor: 3000,
      refundedMinor: 1000,
      status: 'partially_refunded',
      balanceMinor: 0,
    });
    expect(paymentRow(app, appointmentId).payment_status).toBe('partially_refunded');
    const rest = await app.ok(world.desk, 'payments.refund', {
      appointmentId,
      amount: '20',
      method: 'card',
      reason: 'Cancelled',
    });
    expect(rest.account).toMatchObject({ refundedMinor: 3000, status: 'refunded' });
    expect(rest.account.entries.map((e) => e.kind)).toEqual(['charge', 'payment', 'refund', 'refund']);
  });

  it('refuses a refund over what was paid with VALIDATION on amount and writes nothing', async () => {
    const before = await tableCounts(app);
    const result = await app.call(world.desk, 'payments.refund', {
      appointmentId,
      amount: '30.01',
      method: 'card',
      reason: 'Too much',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { amount: expect.stringMatching(/more than the GBP 30\.00 paid/) } },
    });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('cancelling a paid appointment keeps it paid until refunded; the refund is allowed', async () => {
    await app.ok(world.desk, 'appointments.cancel', { appointmentId, reason: 'Doctor ill' });
    expect(paymentRow(app, appointmentId).payment_status).toBe('paid');
    const refund = await app.ok(ADMIN_KEY, 'payments.refund', {
      appointmentId,
      amount: '30',
      method: 'card',
      reason: 'Doctor ill',
    });
    expect(refund.account).toMatchObject({ status: 'refunded', balanceMinor: 0 });
  });
});
