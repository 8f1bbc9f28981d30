// Saving a file made in main: a Blob and a hidden link's download. In the desktop app that
// opens the save dialog; in the web shell the browser saves it. No data: URLs (the CSP
// refuses them). The payments area saves its PDFs and CSV through this too
// (features/payments/download.ts).

/** Saves a Blob under a file name through a hidden link. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the blob by now; a minute is generous for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text (CSV, iCalendar, JSON) as a UTF-8 file; a leading byte order mark is kept. */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  saveBlob(fileName, new Blob([content], { type: mimeType }));
}
