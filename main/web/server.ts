import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../preload/contract.ts';
import type { AppCore } from '../app-core.ts';
import {
  isAllowedHostHeader,
  isAllowedOrigin,
  isLoopbackHost,
  isValidClientId,
  tokensMatch,
  WEB_CSP,
} from './guards.ts';
import { indexFile, prepareIndexHtml, readStatic } from './static.ts';

/**
 * The web shell: the built renderer and the real dispatcher on a loopback-only HTTP server.
 * POST /api/call/<channel> with headers X-Clinic-Token and X-Clinic-Client runs one channel;
 * GET /api/events streams events (Server-Sent Events). Everything else is the built renderer.
 */

export interface WebServerOptions {
  core: AppCore;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token for tests; a random one per start otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const KEEPALIVE_MS = 25_000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const refusal = (message: string): Result<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer({
  core,
  rendererDir,
  host = '127.0.0.1',
  port = 0,
  token = randomBytes(32).toString('hex'),
}: WebServerOptions): Promise<WebServer> {
  if (!isLoopbackHost(host))
    throw new Error(`The web shell only listens on this computer (127.0.0.1), not on ${host}.`);
  let boundPort = 0;
  const indexHtml = prepareIndexHtml(await readFile(indexFile(rendererDir), 'utf8'), token);

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, refusal('Use POST for calls.'));
    if (!tokensMatch(token, req.headers['x-clinic-token'] as string | undefined)) {
      return sendJson(res, 403, refusal('This page is from an earlier start of Clinic desk. Reload it.'));
    }
    const client = req.headers['x-clinic-client'] as string | undefined;
    if (!isValidClientId(client))
      return sendJson(res, 400, refusal('The request did not say which window it came from.'));
    const body = await readBody(req);
    if (body === null) {
      // Stop reading the rest of an oversized body: close this connection after answering.
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'That request is too large.' } });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'The request was not valid JSON.' },
      });
    }
    sendJson(res, 200, await core.dispatcher.dispatch(`web:${client}`, channel, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const client = url.searchParams.get('client');
    if (!tokensMatch(token, url.searchParams.get('token')) || !isValidClientId(client)) {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.hub.subscribe(`web:${client}`, (name, payload) => {
      res.write(`event: clinic\ndata: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, SECURITY_HEADERS).end();
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return void res.end(indexHtml);
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return void res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(file.body);
  }

  const server: Server = createServer((req, res) => {
    // DNS-rebinding and cross-site requests are refused before anything else runs.
    if (!isAllowedHostHeader(req.headers.host, boundPort) || !isAllowedOrigin(req.headers.origin, req.headers.host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const work = url.pathname.startsWith('/api/call/')
      ? handleCall(req, res, decodeURIComponent(url.pathname.slice('/api/call/'.length)))
      : url.pathname === '/api/events'
        ? Promise.resolve(handleEvents(req, res, url))
        : handleStatic(req, res, url);
    work.catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again.' },
        });
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  boundPort = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shownHost}:${boundPort}/`,
    port: boundPort,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
