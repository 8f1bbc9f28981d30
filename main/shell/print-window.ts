import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import type { PrinterPort } from '../printing/printing.ts';

// The desktop app's printer: the PDF is written to a temporary file, shown in a hidden window
// with Chromium's PDF viewer, and printed from there through the system print dialog
// (webContents.print, not silent), on this PC's remembered printer. The window has no preload
// and the sandbox on; it and the file go as soon as the dialog is answered.

export function electronPrinter(): PrinterPort {
  return {
    async printers() {
      const window = BrowserWindow.getAllWindows()[0];
      if (!window) return [];
      const list = await window.webContents.getPrintersAsync();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    },
    async print(pdf, options) {
      const folder = join(app.getPath('temp'), 'clinic-desk-print');
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${randomUUID()}.pdf`);
      await writeFile(file, pdf);
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      });
      try {
        await window.loadURL(pathToFileURL(file).href);
        return await new Promise((resolve) => {
          window.webContents.print(options, (printed, failure) => resolve({ printed, failure: failure || null }));
        });
      } finally {
        window.destroy();
        await rm(file, { force: true });
      }
    },
  };
}
