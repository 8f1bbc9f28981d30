import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';

// @react-pdf keeps fonts for the process: a bold "." first laid out in a later document was
// written without its text, so a receipt printed after an appointment card or a day list read
// "GBP 20 00". Its own file: the first documents this process renders are the ones that matter.

let app: TestApp;
let world: PaymentsWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
});
afterEach(async () => app.close());

describe('documents rendered one after another', () => {
  it('keep every character of a receipt printed after an appointment card and a day list', async () => {
    const patient = await world.patient('Martin Moves');
    const appointmentId = await world.book('2026-03-02', '10:00', world.doctor.userId, patient);
    await app.ok(world.desk, 'printouts.appointmentCard', { appointmentId });
    await app.ok(world.desk, 'printouts.dayList', { date: '2026-03-02' });
    const taken = await app.ok(world.desk, 'payments.take', {
      appointmentId,
      amount: '20.00',
      method: 'card',
      reference: 'SLIP-1',
    });
    const text = pdfText((await app.ok(world.desk, 'payments.receiptPdf', { entryId: taken.entryId })).pdfBase64);
    expect(text).toMatch(/Amount received\s+GBP 20\.00/);
    expect(text).toMatch(/Balance due\s+GBP \d+\.\d\d/);
    // And the card again, after the receipt.
    const card = pdfText((await app.ok(world.desk, 'printouts.appointmentCard', { appointmentId })).pdfBase64);
    expect(card).toContain('Martin Moves');
  });
});
