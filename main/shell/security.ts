import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The desktop app's security policy as plain functions (no Electron import), so every rule is
 * unit tested in Node. main/index.ts and main/shell/window.ts only wire these into Electron.
 */

/** The renderer is served from `app://clinic/…` (a privileged, standard, secure custom scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clinic';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Strict CSP for everything the app protocol serves. Scripts only from the app bundle (no
 * inline, no eval); no network at all. Styles allow inline because Mantine sets style
 * attributes and injects its CSS variables in a <style> tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The only webPreferences the app window is ever created with. DevTools exist only in
 * development: in the packaged app nobody at the desk can open a console.
 */
export function secureWebPreferences(preloadPath: string, { devTools }: { devTools: boolean }) {
  return {
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
    preload: preloadPath,
  } as const;
}

/** `scheme://host` of a URL, or null if it does not parse. (Node's URL#origin is "null" for custom schemes.) */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True only for a URL of the app itself (same scheme and host; never file://, http(s)://, data: …). */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === appOrigin;
}

/** `will-navigate` / `will-frame-navigate` / `will-redirect`: only within the app. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return isAppUrl(url, appOrigin);
}

/** `setWindowOpenHandler`: the app never opens windows (no popups, no external links). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests and checks (camera, notifications, geolocation, …): all denied. */
export function permissionDecision(): false {
  return false;
}

/** Remote requests (http, https, ws, wss) from any renderer are cancelled: the app is offline-only. */
export const BLOCKED_REQUEST_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] as const;

/**
 * Maps an `app://clinic/<path>` request to a file inside `rootDir`, or null when the URL is
 * not the app's, the path cannot be decoded, or it would leave `rootDir` (path traversal).
 */
export function resolveAppFile(rootDir: string, requestUrl: string, appOrigin: string = APP_ORIGIN): string | null {
  if (!isAppUrl(requestUrl, appOrigin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const root = resolve(rootDir);
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app-protocol response (CSP included: there is no <meta> to rely on). */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export interface AppRequestLike {
  url: string;
  method: string;
}

/**
 * The `protocol.handle('app', …)` handler, without Electron: serves files of `rootDir` with the
 * security headers; anything else is 404 (traversal) or 405 (not GET/HEAD).
 */
export function createAppRequestHandler(rootDir: string, readFile: (file: string) => Promise<Uint8Array>) {
  return async (request: AppRequestLike): Promise<Response> => {
    const plain = appResponseHeaders('text/plain; charset=utf-8');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405, headers: plain });
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: plain });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404, headers: plain });
    }
    const headers = appResponseHeaders(contentTypeFor(file));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
