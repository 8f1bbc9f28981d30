import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  isAllowedNavigation,
  permissionDecision,
  resolveAppFile,
  secureWebPreferences,
  windowOpenDecision,
} from '../../main/shell/security.ts';

describe('webPreferences', () => {
  it('is exactly the secure set, with DevTools only when asked for (development)', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toStrictEqual({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    });
  });
});

describe('navigation, windows and permissions', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/patients/3`, `${APP_ORIGIN}/assets/x.js?v=1`])(
    'allows %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'app://other/index.html',
    'app://clinic.evil.com/index.html',
    'app://user@clinic/index.html',
    'apps://clinic/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('denies every window.open and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    expect(permissionDecision()).toBe(false);
  });

  it('has a strict CSP: no inline or eval scripts, no remote sources', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('app protocol', () => {
  let root: string;
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'clinic-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clinic desk</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'secret');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/index.html#/login`)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/app.js?x=1`)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/my%20file.js`)).toBe(join(root, 'assets', 'my file.js'));
  });

  it.each([
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/assets%5c..%5c..%5csecret.txt`,
    `${APP_ORIGIN}/C:%5CWindows%5Cwin.ini`,
    `${APP_ORIGIN}/C:/Windows/win.ini`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s (path traversal, bad encoding, foreign origin)', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  // The URL parser already resolves these dot segments (also %2e%2e) at the root.
  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/assets/%2E%2E/%2E%2E/secret.txt`,
    `${APP_ORIGIN}/%2Fetc%2Fpasswd`,
    `${APP_ORIGIN}//etc/passwd`,
  ])('keeps %s inside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(join(root, '/'))).toBe(true);
    expect(file).not.toBe(join(base, 'secret.txt'));
  });

  it('serves files with the CSP header and 404s anything outside', async () => {
    const handle = createAppRequestHandler(root, (file) => readFile(file));
    const index = await handle({ url: APP_ENTRY_URL, method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toBe(readFileSync(join(root, 'index.html'), 'utf8'));

    const script = await handle({ url: `${APP_ORIGIN}/assets/app.js`, method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const traversal = await handle({ url: `${APP_ORIGIN}/%2e%2e/secret.txt`, method: 'GET' });
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('secret');
    expect((await handle({ url: `${APP_ORIGIN}/missing.js`, method: 'GET' })).status).toBe(404);
    expect((await handle({ url: APP_ENTRY_URL, method: 'POST' })).status).toBe(405);
  });
});
