import type { PrintPaper } from '#contract/printing.ts';
import { call } from '../api/client.ts';
import { saveBlob } from './download.ts';

// Printing a PDF main made. The desktop app prints it from main (the system print dialog, on
// this PC's printer). The web shell has no printer of its own and the app's CSP allows no frame
// to print from, so the PDF is saved and the browser opens it to print (as before printing).

export type PrintOutcome = 'printed' | 'cancelled' | 'saved';

/** Base64 from main → bytes, without a data: URL (which the CSP would refuse). */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function printPdf(
  file: { fileName: string; pdfBase64: string },
  paper: PrintPaper,
  canPrint: boolean,
): Promise<PrintOutcome> {
  if (canPrint) {
    const { printed } = await call('printing.print', { ...file, paper });
    return printed ? 'printed' : 'cancelled';
  }
  saveBlob(file.fileName, new Blob([bytesOf(file.pdfBase64)], { type: 'application/pdf' }));
  return 'saved';
}
