import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The receipt's paper: A5, or an 80 mm receipt printer's roll. The PDF page is read back with
// poppler's pdfinfo: 80 mm is 226.77 points wide, and the page is only as long as the receipt.

let app: TestApp;
let world: PaymentsWorld;
let entryId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
  const appointmentId = await world.book(
    '2026-03-02',
    '10:00',
    world.doctor.userId,
    await world.patient('Kwame Boateng'),
  );
  ({ entryId } = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '12.50', method: 'cash' }));
});
afterEach(async () => {
  await app.close();
});

/** Width and height of the PDF's first page, in points. */
function pageSize(pdfBase64: string): { width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-paper-'));
  try {
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const [, width = '0', height = '0'] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    return { width: Number(width), height: Number(height) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('receipt paper', () => {
  it('prints on an 80 mm roll: 226.77 points wide, as long as the receipt, with everything on it', async () => {
    const roll = await app.ok(world.desk, 'payments.receiptPdf', { entryId, paper: 'roll80' });
    const size = pageSize(roll.pdfBase64);
    expect(size.width).toBeCloseTo(226.77, 1);
    expect(size.height).toBeGreaterThan(200);
    expect(size.height).toBeLessThan(800);
    const text = pdfText(roll.pdfBase64);
    for (const expected of ['Test Clinic', 'Payment receipt', 'Kwame Boateng', 'GBP 12.50', 'Cash']) {
      expect(text).toContain(expected);
    }
  });

  it('prints on A5 by default', async () => {
    const a5 = await app.ok(world.desk, 'payments.receiptPdf', { entryId });
    expect(pageSize(a5.pdfBase64)).toEqual({ width: 419.53, height: 595.28 });
    const again = await app.ok(world.desk, 'payments.receiptPdf', { entryId, paper: 'a5' });
    expect(pageSize(again.pdfBase64)).toEqual({ width: 419.53, height: 595.28 });
  });

  it('refuses another paper', async () => {
    const refused = await app.call(world.desk, 'payments.receiptPdf', { entryId, paper: 'a4' as 'a5' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { paper: expect.any(String) } } });
  });

  it('asks for exactly one of a payment and an appointment, by the field', async () => {
    for (const input of [{}, { entryId, appointmentId: entryId }]) {
      const refused = await app.call(world.desk, 'payments.receiptPdf', input as { entryId: number });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { entryId: expect.any(String) } },
      });
    }
  });
});
