import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printPdf } from '../../renderer/src/lib/print-pdf.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok } from './support/fixtures.ts';

// Print in the window: the desktop app asks main to print (on this PC's paper); the web shell
// saves the PDF for the browser to print.

const file = { fileName: 'receipt-000042.pdf', pdfBase64: btoa('%PDF-1.7 receipt') };
let blobs: Blob[];
beforeEach(() => {
  blobs = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:receipt';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('printing a PDF from the window', () => {
  it('asks main to print it on the given paper in the desktop app', async () => {
    let printed = true;
    const clinic = createFakeClinic({ session: null, handlers: { 'printing.print': () => ok({ printed }) } });
    window.clinic = clinic.api;
    expect(await printPdf(file, 'roll80', true)).toBe('printed');
    printed = false;
    expect(await printPdf(file, 'roll80', true)).toBe('cancelled');
    expect(clinic.callsTo('printing.print')).toEqual([
      { ...file, paper: 'roll80' },
      { ...file, paper: 'roll80' },
    ]);
    expect(blobs).toEqual([]);
  });

  it('saves the PDF for the browser to print in the web shell', async () => {
    const clinic = createFakeClinic({ session: null });
    window.clinic = clinic.api;
    expect(await printPdf(file, 'a4', false)).toBe('saved');
    expect(clinic.callsTo('printing.print')).toEqual([]);
    expect(blobs.map((b) => b.type)).toEqual(['application/pdf']);
    expect(await (blobs[0] as Blob).text()).toBe('%PDF-1.7 receipt');
  });
});
