import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsWorld, setRefundThreshold, type PaymentsWorld } from '../support/payments.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, tableCounts, type TestApp } from '../support/test-app.ts';

// Who may do what with money. Test clock: Monday 2026-03-02 09:00, GBP.

let app: TestApp;
let world: PaymentsWorld;
let own: number;
let others: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  own = await world.book('2026-03-02', '10:00', world.doctor.userId);
  others = await world.book('2026-03-02', '11:00', world.otherDoctor.userId);
  await app.ok(world.desk, 'payments.take', { appointmentId: own, amount: '30', method: 'card' });
  await app.ok(world.desk, 'payments.take', { appointmentId: others, amount: '20', method: 'cash' });
});
afterEach(async () => {
  await app.close();
});

describe('doctors', () => {
  it('see their own appointments’ money only: account, list, patient, report', async () => {
    const doctor = world.doctor.key;
    expect(await app.ok(doctor, 'payments.account', { appointmentId: own })).toMatchObject({ paidMinor: 3000 });
    expect(await app.call(doctor, 'payments.account', { appointmentId: others })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const list = await app.ok(doctor, 'payments.list', {
      from: '2026-03-01',
      to: '2026-03-31',
      doctorId: world.otherDoctor.userId,
    });
    expect(list.rows.map((r) => r.appointmentId)).toEqual([own]);
    const patient = await app.ok(doctor, 'payments.forPatient', { patientId: world.patientId });
    expect(patient.map((r) => r.appointmentId)).toEqual([own]);
    const report = await app.ok(doctor, 'payments.report', { from: '2026-03-02', to: '2026-03-02' });
    expect(report).toMatchObject({
      doctorId: world.doctor.userId,
      totals: { collectedMinor: 3000, chargedMinor: 3000 },
    });
    expect(report.byDoctor.map((d) => d.doctorId)).toEqual([world.doctor.userId]);
    expect(report.drawerSessions).toEqual([]);
    const desk = await app.ok(world.desk, 'payments.report', { from: '2026-03-02', to: '2026-03-02' });
    expect(desk.totals.collectedMinor).toBe(5000);
  });

  it('cannot take, refund, change a charge, print receipts, export the ledger or touch the drawer', async () => {
    const doctor = world.doctor.key;
    const before = await tableCounts(app);
    const refusals = await Promise.all([
      app.call(doctor, 'payments.take', { appointmentId: own, amount: '1', method: 'cash' }),
      app.call(doctor, 'payments.refund', { appointmentId: own, amount: '1', method: 'cash', reason: 'x' }),
      app.call(doctor, 'payments.adjustCharge', { appointmentId: own, amount: '1', reason: 'x' }),
      app.call(doctor, 'payments.receiptPdf', { appointmentId: own }),
      app.call(doctor, 'payments.ledgerCsv', { from: '2026-03-02', to: '2026-03-02' }),
      app.call(doctor, 'drawer.open', { float: '10' }),
    ]);
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('refund approval limit', () => {
  it('a receptionist refunds up to the limit; above it needs an admin, and nothing is written', async () => {
    await setRefundThreshold(app, 10);
    expect((await app.ok(world.desk, 'settings.get', {})).refundApprovalThreshold).toBe(10);
    const within = await app.ok(world.desk, 'payments.refund', {
      appointmentId: own,
      amount: '10.00',
      method: 'card',
      reason: 'Goodwill',
    });
    expect(within.account.refundedMinor).toBe(1000);
    const before = await tableCounts(app);
    const above = await app.call(world.desk, 'payments.refund', {
      appointmentId: own,
      amount: '10.01',
      method: 'card',
      reason: 'Goodwill',
    });
    expect(above).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Refunds above GBP 10.00 for one visit need an admin; GBP 10.00 has been refunded already.',
      },
    });
    expect(await tableCounts(app)).toEqual(before);
    const admin = await app.ok(ADMIN_KEY, 'payments.refund', {
      appointmentId: own,
      amount: '20',
      method: 'card',
      reason: 'Doctor ill',
    });
    expect(admin.account).toMatchObject({ refundedMinor: 3000, status: 'refunded' });
  });

  it('a second receptionist shares the desk rights', async () => {
    const second = await signInNew(app, 'receptionist', 'Sam Desk');
    const taken = await app.ok(second.key, 'payments.refund', {
      appointmentId: others,
      amount: '5',
      method: 'cash',
      reason: 'Change',
    });
    expect(taken.account.status).toBe('partially_refunded');
  });
});

describe('events', () => {
  it('payment.changed reaches desks and the appointment’s doctor only; drawer.changed only desks', async () => {
    const heard: Record<'desk' | 'doctor' | 'other', string[]> = { desk: [], doctor: [], other: [] };
    app.core.hub.subscribe(world.desk, (name, payload) => heard.desk.push(`${name} ${JSON.stringify(payload)}`));
    app.core.hub.subscribe(world.doctor.key, (name) => heard.doctor.push(name));
    app.core.hub.subscribe(world.otherDoctor.key, (name) => heard.other.push(name));
    const refund = await app.ok(world.desk, 'payments.refund', {
      appointmentId: own,
      amount: '1',
      method: 'card',
      reason: 'x',
    });
    await app.ok(world.desk, 'drawer.open', { float: '10' });
    const cash = await app.ok(world.desk, 'payments.take', { appointmentId: others, amount: '5', method: 'cash' });
    expect(heard.desk).toEqual([
      `payment.changed {"appointmentId":${own},"paymentId":${refund.account.paymentId},"status":"partially_refunded"}`,
      'drawer.changed {}',
      `payment.changed {"appointmentId":${others},"paymentId":${cash.account.paymentId},"status":"partially_paid"}`,
      'drawer.changed {}',
    ]);
    expect(heard.doctor).toEqual(['payment.changed']);
    expect(heard.other).toEqual(['payment.changed']);
  });
});
