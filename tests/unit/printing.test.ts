import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrinting, printOptions, type PrintOptions, type PrinterPort } from '../../main/printing/printing.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// Printing on this PC without Electron: the printer is a recorder of what main sends to
// webContents.print, and of the PDF bytes it hands over.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const settingsFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-printing-'));
  dirs.push(dir);
  return join(dir, 'printing.json');
};
const pdf = Buffer.from('%PDF-1.7\n% a receipt\n%%EOF\n');

function recordingPrinter(answer: { printed: boolean; failure: string | null } = { printed: true, failure: null }) {
  const jobs: { pdf: string; options: PrintOptions }[] = [];
  const printer: PrinterPort = {
    print: (bytes, options) => {
      jobs.push({ pdf: bytes.toString(), options });
      return Promise.resolve(answer);
    },
    printers: () => Promise.resolve([{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' }]),
  };
  return { printer, jobs };
}

describe('what main sends to the printer', () => {
  it('asks for an 80 mm roll without margins, A5 and A4 by name, always with the print dialog', () => {
    expect(printOptions('roll80', 'EPSON_TM_T20')).toEqual({
      silent: false,
      printBackground: true,
      deviceName: 'EPSON_TM_T20',
      pageSize: { width: 80_000, height: 297_000 },
      margins: { marginType: 'none' },
    });
    expect(printOptions('a5', null)).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'A5',
      margins: { marginType: 'default' },
    });
    expect(printOptions('a4', null).pageSize).toBe('A4');
  });

  it('prints the PDF on the remembered printer, and remembers it across starts', async () => {
    const file = settingsFile();
    const { printer, jobs } = recordingPrinter();
    const printing = createPrinting({ file, printer, logger: recordingLogger() });
    expect(printing.settings()).toEqual({ printerName: null, receiptPaper: 'a5', canPrint: true });
    printing.setSettings({ printerName: 'EPSON_TM_T20', receiptPaper: 'roll80' });

    const again = createPrinting({ file, printer, logger: recordingLogger() });
    expect(again.settings()).toEqual({ printerName: 'EPSON_TM_T20', receiptPaper: 'roll80', canPrint: true });
    expect(
      await again.print({ fileName: 'receipt-000042.pdf', pdfBase64: pdf.toString('base64'), paper: 'roll80' }),
    ).toEqual({ printed: true });
    expect(jobs).toEqual([{ pdf: pdf.toString(), options: printOptions('roll80', 'EPSON_TM_T20') }]);
    expect(await again.printers()).toEqual([{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' }]);
  });

  it('reports a closed print dialog as not printed, and logs a real failure', async () => {
    const logger = recordingLogger();
    const cancelled = createPrinting({
      file: null,
      printer: recordingPrinter({ printed: false, failure: 'cancelled' }).printer,
      logger,
    });
    expect(await cancelled.print({ fileName: 'r.pdf', pdfBase64: pdf.toString('base64'), paper: 'a5' })).toEqual({
      printed: false,
    });
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
    const failed = createPrinting({
      file: null,
      printer: recordingPrinter({ printed: false, failure: 'Print job failed' }).printer,
      logger,
    });
    await failed.print({ fileName: 'r.pdf', pdfBase64: pdf.toString('base64'), paper: 'a4' });
    expect(logger.text()).toMatch(/warn Printing failed .*Print job failed/);
  });

  it('refuses what is not a PDF, and leaves printing to the browser in the web shell', async () => {
    const { printer, jobs } = recordingPrinter();
    const printing = createPrinting({ file: null, printer, logger: recordingLogger() });
    await expect(
      printing.print({ fileName: 'x.pdf', pdfBase64: Buffer.from('<html>').toString('base64'), paper: 'a4' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(jobs).toEqual([]);
    const web = createPrinting({ file: null, printer: null, logger: recordingLogger() });
    expect(web.settings().canPrint).toBe(false);
    expect(await web.printers()).toEqual([]);
    await expect(
      web.print({ fileName: 'x.pdf', pdfBase64: pdf.toString('base64'), paper: 'a4' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
