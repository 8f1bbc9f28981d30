import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';

// Receipts print patients and doctors named in any script with the fonts shipped with the app
// (main/pdf/fonts.ts), not the computer's: each name is read back from the PDF with pdftotext.
// pdftotext reads glyphs in the order they are drawn, so the names avoid letters that shaping
// draws before the one they follow in the text (Devanagari reph and ि, Tamil ெ/ே/ை) and most Thai
// marks above or below a letter (often read onto another line): those print right but read back reordered.
// Test clock: Monday 2026-03-02 09:00 UTC.

const NAMES = [
  { script: 'Latin with accents', patient: 'Zoë Ñúñez-Çelik', doctor: 'Łukasz Wróbel' },
  { script: 'Arabic', patient: 'محمد عبد الله', doctor: 'ليلى حسن' },
  { script: 'Devanagari', patient: 'सुनील कुमार', doctor: 'अनुपम देव' },
  { script: 'Chinese', patient: '王小明', doctor: '李华医生' },
  { script: 'Tamil', patient: 'கமலா முருகன்', doctor: 'அருள் குமார்' },
  { script: 'Thai', patient: 'สมชาย ใจดี', doctor: 'ประภา ใจดี' },
] as const;

/** pdftotext wraps right-to-left runs in bidi embedding marks (U+202A–202E, U+2066–2069). */
const withoutBidiMarks = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** The names of the fonts embedded in a PDF (poppler's pdffonts, beside pdftotext), subset tag dropped. */
function pdfFonts(pdfBase64: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const table = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // Two header lines, then one font a line: "ABCDEF+NotoSans-Regular  CID TrueType ...".
    return table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

/** A doctor of the given name on the usual weekday schedule. */
async function doctorNamed(name: string): Promise<number> {
  const doctor = await signInNew(app, 'doctor', name);
  await app.ok(ADMIN_KEY, 'templates.create', {
    doctorId: doctor.userId,
    weekdays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '12:00',
    slotMinutes: 30,
    validFrom: '2026-03-02',
  });
  return doctor.userId;
}

describe('receipts in every script', () => {
  it.each(NAMES)('print a $script patient and doctor name legibly', async ({ patient, doctor }) => {
    const patientId = await world.patient(patient);
    const appointmentId = await world.book('2026-03-02', '10:00', await doctorNamed(doctor), patientId);
    const taken = await app.ok(world.desk, 'payments.take', { appointmentId, amount: '12.50', method: 'cash' });
    const pdf = await app.ok(world.desk, 'payments.receiptPdf', { entryId: taken.entryId });
    const text = withoutBidiMarks(pdfText(pdf.pdfBase64));
    expect(text).toContain(patient);
    expect(text).toContain(doctor);
    // Drawn with the app's own fonts, whatever fonts the computer has.
    const fonts = pdfFonts(pdf.pdfBase64);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^NotoSans/);
    // The rest of the receipt is still there around them.
    expect(text).toContain('Payment receipt');
    expect(text).toContain('GBP 12.50');
  });
});
