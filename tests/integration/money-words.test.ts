import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chargedMinorOf, dueSplit } from '#shared/money-words.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// One meaning per money word: "Charged" for a day is the same figure on the payments list and
// the day-end report, however long before the visit it was booked; "Due now" leaves out
// next week's visits. Test clock: Monday 2026-03-02 09:00 Europe/London, GBP, fee 30.00.

let app: TestApp;
let world: PaymentsWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
});
afterEach(() => app.close());

describe('money words', () => {
  it('“Charged” for a day is the visits of that day on the list and on the report, cancelled ones left out', async () => {
    // Booked today for Wednesday: the charges are entered today, the visits are Wednesday's.
    const kept = await world.book('2026-03-04', '09:00');
    const discounted = await world.book('2026-03-04', '09:30', world.otherDoctor.userId);
    const cancelled = await world.book('2026-03-04', '10:00');
    await world.book('2026-03-02', '11:00');
    await app.ok(world.desk, 'payments.adjustCharge', { appointmentId: discounted, amount: '20', reason: 'Discount' });
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled, reason: 'Patient is ill' });
    await app.ok(world.desk, 'payments.take', { appointmentId: kept, amount: '30', method: 'cash' });

    const wednesday = { from: '2026-03-04', to: '2026-03-04' };
    const list = await app.ok(ADMIN_KEY, 'payments.list', wednesday);
    const listCharged = list.rows.reduce((sum, row) => sum + chargedMinorOf(row), 0);
    const report = await app.ok(ADMIN_KEY, 'payments.report', wednesday);
    expect(listCharged).toBe(3000 + 2000);
    expect(report.totals.chargedMinor).toBe(listCharged);
    expect(report.totals.discountsMinor).toBe(1000);
    expect(report.byDay).toEqual([expect.objectContaining({ date: '2026-03-04', chargedMinor: 5000 })]);
    // The money itself moved today: collected counts on the day it was taken.
    expect(report.totals.collectedMinor).toBe(0);

    const today = await app.ok(ADMIN_KEY, 'payments.report', { from: '2026-03-02', to: '2026-03-02' });
    expect(today.totals).toMatchObject({ chargedMinor: 3000, collectedMinor: 3000 });
  });

  it('splits what a patient owes into due now (up to today) and upcoming', async () => {
    const past = await world.book('2026-03-02', '09:30');
    await world.book('2026-03-09', '09:30');
    await app.ok(world.desk, 'payments.take', { appointmentId: past, amount: '10', method: 'card' });
    const patientId = (await app.ok(world.desk, 'payments.account', { appointmentId: past })).patient.patientId;
    const accounts = await app.ok(world.desk, 'payments.forPatient', { patientId });
    expect(dueSplit(accounts, '2026-03-02')).toEqual({ dueNowMinor: 2000, upcomingMinor: 3000 });
  });
});
