// Files made in main (receipt and report PDFs, the ledger CSV) reach the user as downloads: in
// the desktop app a download opens the save dialog, in the web shell the browser saves it.
// Printing from a hidden frame is not offered: the app's CSP refuses every frame (desktop
// `frame-src 'none'`, web shell `default-src 'self'`, which excludes blob: URLs), so people
// print the saved PDF from their PDF viewer. See docs/decisions.md.

import { saveBlob } from '../../lib/download.ts';

/** Base64 from main → bytes, without going through a data: URL (which the CSP would refuse). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function downloadPdf(fileName: string, pdfBase64: string): void {
  saveBlob(fileName, new Blob([base64ToBytes(pdfBase64)], { type: 'application/pdf' }));
}

/** The CSV text as main made it (a byte order mark included when asked for), saved as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  saveBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}
