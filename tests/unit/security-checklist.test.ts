import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/security.ts';

// The Electron security checklist of the README, item by item, mapped to the test that proves it
// (the same table is in the README's security section). This test keeps the map honest: each
// named test must exist in its file, so renaming or deleting one fails here.

const CHECKLIST: readonly { item: string; file: string; test: string }[] = [
  {
    item: 'contextIsolation, sandbox, no nodeIntegration (webPreferences)',
    file: 'electron-security.test.ts',
    test: 'is exactly the secure set',
  },
  {
    item: 'the window is created with those webPreferences',
    file: 'electron-window.test.ts',
    test: 'is created with exactly the secure webPreferences',
  },
  {
    item: 'sandbox for every renderer (app.enableSandbox)',
    file: 'electron-main.test.ts',
    test: 'enables the sandbox for every renderer',
  },
  {
    item: 'strict CSP (header on app://)',
    file: 'electron-security.test.ts',
    test: 'serves files with the CSP header',
  },
  { item: 'strict CSP (policy content)', file: 'electron-security.test.ts', test: 'has a strict CSP' },
  {
    item: 'strict CSP (meta tag in the window HTML)',
    file: 'security-checklist.test.ts',
    test: 'the window HTML carries a strict CSP meta tag',
  },
  { item: 'no remote content, no file:// navigation', file: 'electron-security.test.ts', test: 'denies %s' },
  {
    item: 'will-navigate denied outside the app',
    file: 'electron-window.test.ts',
    test: 'allows the app, denies anything else',
  },
  { item: 'setWindowOpenHandler denies', file: 'electron-window.test.ts', test: 'denies window.open' },
  {
    item: 'every new webContents guarded (navigation, window.open, webview)',
    file: 'electron-main.test.ts',
    test: 'guards every new webContents',
  },
  {
    item: 'permission handler denies all',
    file: 'electron-main.test.ts',
    test: 'denies every permission request and check',
  },
  { item: 'IPC sender validated', file: 'electron-ipc-register.test.ts', test: 'with FORBIDDEN before the dispatcher' },
  { item: 'only the contract is exposed to the page', file: 'electron-preload.test.ts', test: "exposes only 'clinic'" },
  { item: 'fuses off for runAsNode and friends', file: 'fuses-config.test.ts', test: 'a real @electron/fuses option' },
  { item: 'no HIGH Electronegativity finding', file: 'security-gate.test.ts', test: 'fails on every HIGH finding' },
  { item: 'nodeIntegration: true never appears', file: 'security-gate.test.ts', test: 'finds no dangerous option' },
];

describe('Electron security checklist', () => {
  it.each(CHECKLIST)('$item → $file', ({ file, test }) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    expect(source).toContain(test);
  });

  it('the window HTML carries a strict CSP meta tag', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(meta.split(';').map((d) => [d.trim().split(' ')[0], d.trim()] as const));
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'none'");
    expect(meta).not.toMatch(/unsafe-eval|https?:|\*/);
    // The header main sends is at least as strict for scripts.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });
});
