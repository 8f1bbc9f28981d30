import { z } from 'zod';
import { ADMIN, channel, noInput } from './channel.ts';
import { textSchema } from './fields.ts';
import { receiptPaperSchema } from './payments.ts';

// Printing on this PC (main/printing/): in the desktop app main prints a PDF it made (receipt,
// day-end report, day list) through a hidden window and the system print dialog, preselecting
// this PC's printer; the web shell has no printer of its own and uses the browser's print.
// The printer and the receipt paper are this PC's (printing.json in the data folder).

/** PDFs main hands to the printer: the day-end report and day lists on A4, receipts on A5 or a roll. */
export const printPaperSchema = z.enum(['a4', 'a5', 'roll80'], { error: 'Choose A4, A5 or an 80 mm roll.' });
export type PrintPaper = z.infer<typeof printPaperSchema>;

export const printSettingsSchema = z.object({
  /** The printer the print dialog starts on (null: the system's default printer). */
  printerName: z.string().nullable(),
  receiptPaper: receiptPaperSchema,
  /** False in the web shell: print from the browser. */
  canPrint: z.boolean(),
});
export type PrintSettings = z.infer<typeof printSettingsSchema>;

const MAX_PDF_BASE64 = 40 * 1024 * 1024;

export const printingChannels = {
  'printing.settings': channel({
    description: 'This PC’s printer and receipt paper, and whether main can print here.',
    access: 'staff',
    input: noInput,
    output: printSettingsSchema,
  }),
  'printing.setSettings': channel({
    description: 'Remembers this PC’s printer and receipt paper.',
    access: ADMIN,
    input: z.object({
      printerName: textSchema('printer name')
        .trim()
        .min(1, 'Choose a printer.')
        .max(300, 'Use at most 300 characters for the printer.')
        .nullable(),
      receiptPaper: receiptPaperSchema,
    }),
    output: printSettingsSchema,
  }),
  'printing.printers': channel({
    description: 'The printers this PC knows (none in the web shell).',
    access: ADMIN,
    input: noInput,
    output: z.array(z.object({ name: z.string(), displayName: z.string() })),
  }),
  'printing.print': channel({
    description: 'Prints a PDF main made, through the system print dialog on this PC’s printer.',
    access: 'staff',
    input: z.object({
      fileName: textSchema('file name').trim().min(1, 'Name the document.').max(200, 'Use at most 200 characters.'),
      pdfBase64: z
        .string()
        .min(1, 'There is nothing to print.')
        .max(MAX_PDF_BASE64, 'This document is too large to print from here; save it and print it from a PDF viewer.')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The document to print is not a PDF.'),
      paper: printPaperSchema,
    }),
    output: z.object({ printed: z.boolean() }),
  }),
} as const;
