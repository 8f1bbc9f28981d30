import { describe, expect, it } from 'vitest';
import type { Result } from '#contract/index.ts';
import { diagnosticsMenuText, exportDiagnosticsFromMenu } from '../../main/shell/diagnostics-menu.ts';

// Help › Export diagnostics with Electron's save dialog and message box played by fakes.

function run(result: Result<unknown>, chosen: string | null) {
  const told: string[] = [];
  const written: { path: string; data: string }[] = [];
  const asked: string[] = [];
  const keys: string[] = [];
  const done = exportDiagnosticsFromMenu({
    dispatch: (key) => {
      keys.push(key);
      return Promise.resolve(result);
    },
    clientKey: 'wc:7',
    chooseFile: (fileName) => {
      asked.push(fileName);
      return Promise.resolve(chosen);
    },
    writeFile: (path, data) => {
      written.push({ path, data: Buffer.from(data).toString() });
      return Promise.resolve();
    },
    tell: (message) => {
      told.push(message);
      return Promise.resolve();
    },
  });
  return done.then(() => ({ told, written, asked, keys }));
}

const zip = { ok: true as const, value: { fileName: 'diag.zip', zipBase64: Buffer.from('PK-zip').toString('base64') } };

describe('Help › Export diagnostics', () => {
  it('exports for the window’s own session and saves the zip where the admin chooses', async () => {
    const { told, written, asked, keys } = await run(zip, '/home/ada/diag.zip');
    expect(keys).toEqual(['wc:7']);
    expect(asked).toEqual(['diag.zip']);
    expect(written).toEqual([{ path: '/home/ada/diag.zip', data: 'PK-zip' }]);
    expect(told).toEqual([diagnosticsMenuText.saved('/home/ada/diag.zip')]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { told, written } = await run(zip, null);
    expect(written).toEqual([]);
    expect(told).toEqual([]);
  });

  it('asks for an administrator when the window’s session is not one', async () => {
    for (const code of ['FORBIDDEN', 'UNAUTHENTICATED', 'SESSION_LOCKED'] as const) {
      const { told, asked } = await run({ ok: false, error: { code, message: 'no' } }, '/x.zip');
      expect(asked).toEqual([]);
      expect(told).toEqual([diagnosticsMenuText.notAdmin]);
    }
  });
});
