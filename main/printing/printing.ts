import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ReceiptPaper } from '#contract/payments.ts';
import type { PrintPaper, PrintSettings } from '#contract/printing.ts';
import { AppError } from '../services/core/errors.ts';
import type { Logger } from '../services/core/logger.ts';

// Printing on this PC, without Electron: the remembered printer and receipt paper
// (printing.json beside the database), and what main asks the printer for. The desktop shell
// supplies the PrinterPort (a hidden window and webContents.print); the web shell has none.

export const PRINTING_FILE_NAME = 'printing.json';

/** What main hands to webContents.print (a subset of Electron's WebContentsPrintOptions). */
export interface PrintOptions {
  /** false: the system print dialog opens, on `deviceName` when one is remembered. */
  silent: false;
  printBackground: true;
  deviceName?: string;
  /** A named size, or microns: an 80 mm roll is 80,000 wide (its length is the driver's). */
  pageSize: 'A4' | 'A5' | { width: number; height: number };
  margins: { marginType: 'default' | 'none' };
}

export interface PrinterPort {
  print(pdf: Buffer, options: PrintOptions): Promise<{ printed: boolean; failure: string | null }>;
  printers(): Promise<{ name: string; displayName: string }[]>;
}

const ROLL_80 = { width: 80_000, height: 297_000 };

/** The print job for a paper: A4 and A5 by name, the roll with no margins (the PDF has its own). */
export function printOptions(paper: PrintPaper, printerName: string | null): PrintOptions {
  return {
    silent: false,
    printBackground: true,
    ...(printerName ? { deviceName: printerName } : {}),
    pageSize: paper === 'roll80' ? ROLL_80 : paper === 'a5' ? 'A5' : 'A4',
    margins: { marginType: paper === 'roll80' ? 'none' : 'default' },
  };
}

interface Stored {
  printerName: string | null;
  receiptPaper: ReceiptPaper;
}

const storedSchema = z.object({ printerName: z.string().nullable(), receiptPaper: z.enum(['a5', 'roll80']) });
const DEFAULTS: Stored = { printerName: null, receiptPaper: 'a5' };

export interface Printing {
  settings(): PrintSettings;
  setSettings(next: Stored): PrintSettings;
  printers(): Promise<{ name: string; displayName: string }[]>;
  print(request: { fileName: string; pdfBase64: string; paper: PrintPaper }): Promise<{ printed: boolean }>;
}

export function createPrinting({
  file,
  printer,
  logger,
}: {
  /** printing.json, or null to keep the settings for the run only. */
  file: string | null;
  printer: PrinterPort | null;
  logger: Logger;
}): Printing {
  let memory: Stored = DEFAULTS;
  const load = (): Stored => {
    if (!file) return memory;
    try {
      return storedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return DEFAULTS;
    }
  };
  const settings = (): PrintSettings => ({ ...load(), canPrint: printer !== null });

  return {
    settings,
    setSettings(next) {
      memory = next;
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
        renameSync(`${file}.tmp`, file);
      }
      return settings();
    },
    printers: () => printer?.printers() ?? Promise.resolve([]),
    async print({ pdfBase64, paper }) {
      if (!printer) throw new AppError('CONFLICT', 'Print this from the browser: open the PDF and print it there.');
      const pdf = Buffer.from(pdfBase64, 'base64');
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new AppError('VALIDATION', 'The document to print is not a PDF.', { pdfBase64: 'Not a PDF.' });
      }
      const { printed, failure } = await printer.print(pdf, printOptions(paper, load().printerName));
      // "cancelled" is the user closing the dialog: not a failure worth a log line.
      if (!printed && failure && failure !== 'cancelled') logger.warn('Printing failed', { failure, paper });
      else logger.info(printed ? 'Printed' : 'Printing cancelled', { paper, bytes: pdf.length });
      return { printed };
    },
  };
}
