import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';

// Receipts: real PDFs read back with pdftotext; numbers sequential and never repeated.
// Test clock: Monday 2026-03-02 09:00 UTC.

let app: TestApp;
let world: PaymentsWorld;
let appointmentId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  const patient = await world.patient('Ζωή Αλεξίου-Smith');
  appointmentId = await world.book('2026-03-02', '10:00', world.doctor.userId, patient);
});
afterEach(async () => {
  await app.close();
});

/** Moves the clinic to India (UTC+5:30) so times on paper are visibly in the clinic zone. */
async function moveClinicToKolkata() {
  const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
  const { updatedAt: _u, ...rest } = settings;
  await app.ok(ADMIN_KEY, 'settings.update', {
    ...rest,
    timeZone: 'Asia/Kolkata',
    clinicAddress: '12 Park Road, Pune',
  });
}

describe('payment receipts', () => {
  it('print clinic, number, local time, patient, doctor, service, amounts, method, balance and who took it', async () => {
    await moveClinicToKolkata();
    const taken = await app.ok(world.desk, 'payments.take', {
      appointmentId,
      amount: '12.50',
      method: 'mobile_money',
      reference: 'MM-889',
    });
    const pdf = await app.ok(world.desk, 'payments.receiptPdf', { entryId: taken.entryId });
    expect(pdf.receiptNumber).toBe(taken.receiptNumber);
    expect(pdf.fileName).toBe(`receipt-${String(taken.receiptNumber).padStart(6, '0')}.pdf`);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.pdfBase64);
    for (const expected of [
      'Test Clinic',
      '12 Park Road, Pune',
      'Payment receipt',
      String(taken.receiptNumber).padStart(6, '0'),
      '2026-03-02 14:30',
      'Ζωή Αλεξίου-Smith',
      'Dr Ama Mensah',
      'Consultation (General practice)',
      'GBP 12.50',
      'Mobile money',
      'MM-889',
      'GBP 30.00',
      'GBP 17.50',
      'Rosa Desk',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('COPY');
    // Money taken later does not change what this receipt says.
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '17.50', method: 'card' });
    const again = await app.ok(world.desk, 'payments.receiptPdf', { entryId: taken.entryId });
    expect(again.receiptNumber).toBe(taken.receiptNumber);
    expect(again.fileName).toMatch(/-copy\.pdf$/);
    const copy = pdfText(again.pdfBase64);
    expect(copy).toContain('COPY');
    expect(copy).toMatch(/Balance due\s+GBP 17\.50/);
  });

  it('a refund gets a refund receipt with the reason', async () => {
    await app.ok(world.desk, 'payments.take', { appointmentId, amount: '30', method: 'cash' });
    const refund = await app.ok(world.desk, 'payments.refund', {
      appointmentId,
      amount: '5',
      method: 'cash',
      reason: 'Shorter visit',
    });
    const text = pdfText((await app.ok(world.desk, 'payments.receiptPdf', { entryId: refund.entryId })).pdfBase64);
    expect(text).toContain('Refund receipt');
    expect(text).toContain('GBP 5.00');
    expect(text).toContain('Shorter visit');
    expect(text).toContain('Refunded by');
  });

  it('an appointment statement lists every entry and takes a new number each time', async () => {
    const a = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'card' });
    const b = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '5', method: 'cash' });
    const first = await app.ok(world.desk, 'payments.receiptPdf', { appointmentId });
    const second = await app.ok(world.desk, 'payments.receiptPdf', { appointmentId });
    expect([a.receiptNumber, b.receiptNumber, first.receiptNumber, second.receiptNumber]).toEqual([
      a.receiptNumber,
      a.receiptNumber + 1,
      a.receiptNumber + 2,
      a.receiptNumber + 3,
    ]);
    const text = pdfText(first.pdfBase64);
    expect(text).toContain('Statement of account');
    expect(text).toMatch(/Charge\s+GBP 30\.00/);
    expect(text).toMatch(/Card\s+GBP 10\.00/);
    expect(text).toMatch(/Cash\s+GBP 5\.00/);
    expect(text).toMatch(/Balance due\s+GBP 15\.00/);
  });

  it('numbers never repeat, also across a refused (rolled back) payment', async () => {
    const first = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'card' });
    const refused = await app.call(world.desk, 'payments.take', { appointmentId, amount: '999', method: 'card' });
    expect(refused.ok).toBe(false);
    // A transaction that took a number and then failed leaves no trace and no reused number.
    const raw = app.core.database.raw;
    raw.exec('BEGIN');
    raw.prepare("INSERT INTO receipts (kind, appointment_id, issued_at) VALUES ('payment', ?, 'x')").run(appointmentId);
    raw.exec('ROLLBACK');
    const statement = await app.ok(world.desk, 'payments.receiptPdf', { appointmentId });
    raw.prepare('DELETE FROM receipts WHERE receipt_id = ?').run(statement.receiptNumber);
    const second = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '10', method: 'card' });
    expect(statement.receiptNumber).toBeGreaterThan(first.receiptNumber);
    expect(second.receiptNumber).toBeGreaterThan(statement.receiptNumber);
    if (app.core.database.kind === 'sqlite') {
      // SQLite's AUTOINCREMENT: no gap after a rollback. (A PostgreSQL sequence may leave one.)
      expect(statement.receiptNumber).toBe(first.receiptNumber + 1);
      expect(second.receiptNumber).toBe(statement.receiptNumber + 1);
    }
    const numbers = raw.prepare('SELECT receipt_id FROM receipts ORDER BY receipt_id').all() as {
      receipt_id: number;
    }[];
    expect(new Set(numbers.map((n) => n.receipt_id)).size).toBe(numbers.length);
  });

  it('a charge entry has no receipt of its own', async () => {
    const account = await app.ok(world.desk, 'payments.account', { appointmentId });
    const charge = account.entries[0];
    const result = await app.call(world.desk, 'payments.receiptPdf', { entryId: charge?.entryId ?? 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
