import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../main/web/server.ts';
import { createTestApp, type TestApp } from './test-app.ts';

// The web shell on loopback for tests: a real app core and a small stand-in for the built renderer.

export const WEB_CLIENT = '0f8fad5b-d9cb-469f-a165-70867728950e';

export interface WebShell {
  app: TestApp;
  server: WebServer;
  rendererDir: string;
  close(): Promise<void>;
}

export async function startTestWebShell(): Promise<WebShell> {
  const app = await createTestApp();
  const rendererDir = mkdtempSync(join(tmpdir(), 'clinic-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Clinic desk</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'web-preload.js'), 'console.log(1)');
  const server = await startWebServer({ core: app.core, rendererDir });
  return {
    app,
    server,
    rendererDir,
    close: async () => {
      await server.close();
      await app.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request through Node's HTTP client, with the Host header of this server. */
export function sendHttp(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The headers of a call from the page this server served. */
export const callHeaders = (server: WebServer, client = WEB_CLIENT): Record<string, string> => ({
  'Content-Type': 'application/json',
  'X-Clinic-Token': server.token,
  'X-Clinic-Client': client,
});

/** A stand-in for the built renderer: a page with a head for the token to go in. */
export function fakeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Clinic desk</title></head></html>');
  return dir;
}

/** Calls as the page served at `url` makes them: it reads the page's token first, as the browser does. */
export async function pageCaller(url: string): Promise<(channel: string, input: unknown) => Promise<unknown>> {
  const port = Number(new URL(url).port);
  const token = /name="clinic-token" content="([0-9a-f]+)"/.exec((await sendHttp(port, '/')).body)?.[1] ?? '';
  const headers = { 'Content-Type': 'application/json', 'X-Clinic-Token': token, 'X-Clinic-Client': WEB_CLIENT };
  return async (channel, input) =>
    JSON.parse(
      (await sendHttp(port, `/api/call/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) })).body,
    );
}
