import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Searching the payments list by patient name or number, through the real dispatcher, on
// SQLite and (in the integration-pg project) PostgreSQL. It once bound a JavaScript boolean,
// which SQLite cannot take: every search answered INTERNAL.
// Test clock: Monday 2026-03-02 09:00 Europe/London.

let app: TestApp;
let world: PaymentsWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  await world.book('2026-03-02', '10:00');
  await world.book('2026-03-02', '10:30', world.doctor.userId, await world.patient('Kofi Boateng'));
});
afterEach(async () => {
  await app.close();
});

const range = { from: '2026-03-01', to: '2026-03-31' };

describe('payments.list with a search text', () => {
  it('finds accounts by part of the patient’s name, in any case', async () => {
    const found = await app.ok(world.desk, 'payments.list', { ...range, query: 'pERer' });
    expect(found.rows.map((r) => r.patient.name)).toEqual(['Maria Perera']);
  });

  it('finds accounts by patient number, and matches % and _ literally', async () => {
    const number = (await app.ok(world.desk, 'payments.list', range)).rows[1]?.patient.patientNumber ?? '';
    const byNumber = await app.ok(world.desk, 'payments.list', { ...range, query: number });
    expect(byNumber.rows.map((r) => r.patient.name)).toEqual(['Kofi Boateng']);
    const literal = await app.ok(world.desk, 'payments.list', { ...range, query: '%_' });
    expect(literal.rows).toEqual([]);
  });
});
