import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentRow, paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  STAFF_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

// The day-end report, the accountant's CSV, and payments that follow a rescheduled visit.
// Test clock: Monday 2026-03-02 09:00 Europe/London (GMT), GBP, fee 30.00.

let app: TestApp;
let world: PaymentsWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
});
afterEach(async () => {
  await app.close();
});

async function touchThrough(minutes: number) {
  for (let left = minutes; left > 0; left -= 10) {
    app.clock.advanceMinutes(Math.min(10, left));
    for (const key of [world.desk, world.doctor.key, ADMIN_KEY]) await app.ok(key, 'auth.touch', {});
  }
}

describe('report', () => {
  it('totals per method, per doctor and per day, discounts, refunds and unpaid completed visits', async () => {
    const a = await world.book('2026-03-02', '09:30');
    const b = await world.book('2026-03-02', '10:00', world.otherDoctor.userId);
    const c = await world.book('2026-03-03', '10:00');
    await app.ok(world.desk, 'payments.adjustCharge', { appointmentId: a, amount: '25', reason: 'Discount' });
    await app.ok(world.desk, 'payments.take', { appointmentId: a, amount: '10', method: 'card' });
    await app.ok(world.desk, 'payments.take', { appointmentId: b, amount: '30', method: 'cash' });
    await app.ok(ADMIN_KEY, 'payments.refund', {
      appointmentId: b,
      amount: '30',
      method: 'cash',
      reason: 'Doctor ill',
    });
    // Complete visit a with a balance of 15.00.
    await touchThrough(30);
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId: a });
    await app.ok(world.doctor.key, 'appointments.startConsultation', { appointmentId: a });
    await app.ok(world.doctor.key, 'appointments.complete', { appointmentId: a });
    // The next day (the idle lock has kicked in overnight): money for c.
    app.clock.set(new Date('2026-03-03T09:00:00.000Z'));
    await app.ok(world.desk, 'auth.unlock', { password: STAFF_PASSWORD });
    await app.ok(ADMIN_KEY, 'auth.unlock', { password: ADMIN_PASSWORD });
    await app.ok(world.desk, 'payments.take', { appointmentId: c, amount: '30', method: 'mobile_money' });
    const report = await app.ok(ADMIN_KEY, 'payments.report', { from: '2026-03-02', to: '2026-03-03' });
    expect(report.totals).toEqual({
      chargedMinor: 3000 * 3 - 500,
      collectedMinor: 4000 + 3000,
      refundedMinor: 3000,
      discountsMinor: 500,
      netMinor: 1000 + 3000,
    });
    expect(report.byMethod).toEqual([
      { method: 'cash', collectedMinor: 3000, refundedMinor: 3000, netMinor: 0, count: 2 },
      { method: 'card', collectedMinor: 1000, refundedMinor: 0, netMinor: 1000, count: 1 },
      { method: 'mobile_money', collectedMinor: 3000, refundedMinor: 0, netMinor: 3000, count: 1 },
    ]);
    expect(report.byDoctor.map((d) => [d.doctorName, d.chargedMinor, d.netMinor])).toEqual([
      ['Dr Ama Mensah', 5500, 1000 + 3000],
      ['Dr Lena Berg', 3000, 0],
    ]);
    expect(report.byDay.map((d) => [d.date, d.collectedMinor])).toEqual([
      ['2026-03-02', 4000],
      ['2026-03-03', 3000],
    ]);
    expect(report.unpaidCompleted.map((u) => [u.appointmentId, u.balanceMinor])).toEqual([[a, 1500]]);

    const day = await app.ok(ADMIN_KEY, 'payments.report', { from: '2026-03-02', to: '2026-03-02' });
    expect(day.totals.collectedMinor).toBe(4000);
    const pdf = await app.ok(ADMIN_KEY, 'payments.reportPdf', { from: '2026-03-02', to: '2026-03-02' });
    expect(pdf.fileName).toBe('payments-report-2026-03-02.pdf');
    const text = pdfText(pdf.pdfBase64);
    expect(text).toContain('Day-end report: 2026-03-02');
    expect(text).toMatch(/Net collected\s+GBP 10\.00/);
    expect(text).toMatch(/Discounts and waivers\s+GBP 5\.00/);
    expect(text).toContain('Maria Perera');
  });
});

describe('ledger CSV', () => {
  it('quotes names with a comma, a quote and a newline, keeps exact decimals, and adds a BOM on request', async () => {
    const tricky = await world.patient('O"Neil, Ann\nMarie');
    const appointmentId = await world.book('2026-03-02', '10:00', world.doctor.userId, tricky);
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '12.5', method: 'card', reference: '=1+2' });
    await app.ok(ADMIN_KEY, 'payments.refund', {
      appointmentId,
      amount: '2.05',
      method: 'card',
      reason: 'Overcharged',
    });
    const plain = await app.ok(world.desk, 'payments.ledgerCsv', { from: '2026-03-02', to: '2026-03-02' });
    expect(plain.fileName).toBe('ledger-2026-03-02-to-2026-03-02.csv');
    expect(plain.csv.startsWith('Date,')).toBe(true);
    expect(plain.csv).toContain('"O""Neil, Ann\nMarie"');
    const parsed = Papa.parse<string[]>(plain.csv.trim(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([
      'Date',
      'Time',
      'Receipt',
      'Patient number',
      'Patient',
      'Doctor',
      'Appointment',
      'Kind',
      'Method',
      'Amount',
      'Currency',
      'Reference',
      'Reason',
      'By',
    ]);
    expect(parsed.slice(1).map((r) => [r[4], r[7], r[8], r[9], r[11], r[12]])).toEqual([
      ['O"Neil, Ann\nMarie', 'charge', '', '30.00', '', ''],
      ['O"Neil, Ann\nMarie', 'payment', 'card', '12.50', "'=1+2", ''],
      ['O"Neil, Ann\nMarie', 'refund', 'card', '-2.05', '', 'Overcharged'],
    ]);
    expect(parsed[1]?.slice(0, 2)).toEqual(['2026-03-02', '09:00']);
    const withBom = await app.ok(world.desk, 'payments.ledgerCsv', { from: '2026-03-02', to: '2026-03-02', bom: true });
    expect(withBom.csv.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.csv.slice(1)).toBe(plain.csv);
  });
});

describe('rescheduling', () => {
  it('keeps the payments row and its ledger with the appointment', async () => {
    const appointmentId = await world.book('2026-03-03', '10:00');
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'card' });
    const before = paymentRow(app, appointmentId);
    await app.ok(world.desk, 'appointments.reschedule', {
      appointmentId,
      newAvailabilityId: world.slot('2026-03-04', '11:00'),
      reason: 'Patient asked',
    });
    expect(paymentRow(app, appointmentId)).toEqual(before);
    const account = await app.ok(world.desk, 'payments.account', { appointmentId });
    expect(account).toMatchObject({ date: '2026-03-04', time: '11:00', paidMinor: 1000, status: 'partially_paid' });
    expect(account.entries).toHaveLength(2);
  });
});
