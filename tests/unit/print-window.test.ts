import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { printOptions } from '../../main/printing/printing.ts';

// The desktop printer with Electron mocked: a hidden, sandboxed window shows the PDF from a
// temporary file, webContents.print gets main's options, and the window and file go afterwards.

const state = vi.hoisted(() => ({
  temp: '',
  windows: [] as {
    options: { show: boolean; webPreferences: Record<string, unknown> };
    url: string;
    pdfAtLoad: string;
    printed: unknown[];
    destroyed: boolean;
  }[],
}));

vi.mock('electron', async () => {
  const { readFileSync: read } = await import('node:fs');
  const { fileURLToPath: toPath } = await import('node:url');
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents = {
      print: (options: unknown, callback: (printed: boolean, failure: string) => void) => {
        this.record.printed.push(options);
        callback(true, '');
      },
    };
    constructor(options: (typeof state.windows)[number]['options']) {
      this.record = { options, url: '', pdfAtLoad: '', printed: [], destroyed: false };
      state.windows.push(this.record);
    }
    // No app window yet: nothing to ask for printers.
    static getAllWindows = () => [];
    loadURL(url: string) {
      this.record.url = url;
      this.record.pdfAtLoad = read(toPath(url), 'latin1');
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { app: { getPath: () => state.temp }, BrowserWindow };
});

state.temp = mkdtempSync(`${tmpdir()}/clinic-print-window-`);
afterAll(() => rmSync(state.temp, { recursive: true, force: true }));
const { electronPrinter } = await import('../../main/shell/print-window.ts');

describe('printing from main in the desktop app', () => {
  it('prints the PDF from a hidden sandboxed window with the system dialog, then removes both', async () => {
    const pdf = Buffer.from('%PDF-1.7 receipt for an 80 mm roll');
    const options = printOptions('roll80', 'EPSON_TM_T20');
    expect(await electronPrinter().print(pdf, options)).toEqual({ printed: true, failure: null });
    const [window] = state.windows;
    expect(window?.options).toEqual({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    expect(window?.url).toMatch(/^file:\/\/.*\.pdf$/);
    expect(window?.pdfAtLoad).toBe(pdf.toString('latin1'));
    expect(window?.printed).toEqual([options]);
    expect(window?.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(window?.url ?? 'file:///none'))).toBe(false);
  });

  it('lists no printers while there is no window to ask', async () => {
    expect(await electronPrinter().printers()).toEqual([]);
  });
});
