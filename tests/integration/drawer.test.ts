import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// The cash drawer: a float, cash in and out while open, counted at closing.

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

describe('cash drawer', () => {
  it('expected = float + cash payments − cash refunds while open; closing records counted and difference', async () => {
    expect(await app.ok(world.desk, 'drawer.current', {})).toBeNull();
    const cashBefore = await world.book('2026-03-02', '09:30');
    await app.ok(world.desk, 'payments.take', { appointmentId: cashBefore, amount: '5', method: 'cash' });
    const opened = await app.ok(world.desk, 'drawer.open', { float: '100' });
    expect(opened).toMatchObject({ floatMinor: 10000, expectedMinor: 10000, closedAt: null, openedBy: 'Rosa Desk' });

    const a = await world.book('2026-03-02', '10:00');
    const b = await world.book('2026-03-02', '10:30');
    await app.ok(world.desk, 'payments.take', { appointmentId: a, amount: '30', method: 'cash' });
    await app.ok(world.desk, 'payments.take', { appointmentId: b, amount: '30', method: 'card' });
    await app.ok(world.desk, 'payments.refund', { appointmentId: a, amount: '7.25', method: 'cash', reason: 'Change' });
    expect(await app.ok(world.desk, 'drawer.current', {})).toMatchObject({
      cashInMinor: 3000,
      cashOutMinor: 725,
      expectedMinor: 12275,
    });

    app.clock.advanceMinutes(10);
    const closed = await app.ok(world.desk, 'drawer.close', { counted: '122.50', note: 'Counted twice' });
    expect(closed).toMatchObject({
      expectedMinor: 12275,
      countedMinor: 12250,
      differenceMinor: -25,
      note: 'Counted twice',
      closedBy: 'Rosa Desk',
      closedAt: '2026-03-02T09:10:00.000Z',
    });
    expect(await app.ok(world.desk, 'drawer.current', {})).toBeNull();

    // Cash after closing belongs to no session.
    const c = await world.book('2026-03-02', '11:00');
    await app.ok(world.desk, 'payments.take', { appointmentId: c, amount: '30', method: 'cash' });
    const report = await app.ok(ADMIN_KEY, 'payments.report', { from: '2026-03-02', to: '2026-03-02' });
    expect(report.drawerSessions).toEqual([expect.objectContaining({ expectedMinor: 12275, differenceMinor: -25 })]);
  });

  it('only one drawer is open at a time; closing a closed drawer is refused; nothing written', async () => {
    await app.ok(world.desk, 'drawer.open', { float: '0' });
    const before = await tableCounts(app);
    expect(await app.call(ADMIN_KEY, 'drawer.open', { float: '20' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already open by Rosa Desk/) },
    });
    expect(await app.call(world.desk, 'drawer.close', { counted: '1.234' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { counted: expect.stringMatching(/at most 2 decimals/) } },
    });
    expect(await tableCounts(app)).toEqual(before);
    await app.ok(world.desk, 'drawer.close', { counted: '0' });
    expect(await app.call(world.desk, 'drawer.close', { counted: '0' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
