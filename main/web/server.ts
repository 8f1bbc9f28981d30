import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AppCore } from '../app-core.ts';
import {
  canAnswer,
  decodeSegment,
  HttpRefusal,
  readBody,
  requestTarget,
  SECURITY_HEADERS,
  sendError,
  sendJson,
  sendText,
} from './http.ts';
import { isAllowedHostHeader, isAllowedOrigin, isLoopbackHost, isValidClientId, tokensMatch } from './guards.ts';
import { indexFile, prepareIndexHtml, readStatic } from './static.ts';

/**
 * The web shell: the built renderer and the real dispatcher on a loopback-only HTTP server.
 * POST /api/call/<channel> with headers X-Clinic-Token and X-Clinic-Client runs one channel;
 * GET /api/events streams events (Server-Sent Events). Everything else is the built renderer.
 */

/** What the web shell serves: the app core, or the held desk before an upgrade is confirmed. */
export type ServedCore = Pick<AppCore, 'dispatcher' | 'hub'> & {
  services: { deps: Pick<AppCore['services']['deps'], 'logger'> };
};

export interface WebServerOptions {
  core: ServedCore;
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

const KEEPALIVE_MS = 25_000;

const refusal = (message: string): HttpRefusal => new HttpRefusal(403, 'FORBIDDEN', message);

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

  async function handleCall(req: IncomingMessage, res: ServerResponse, encodedChannel: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpRefusal(405, 'VALIDATION', 'Use POST for calls.');
    if (!tokensMatch(token, req.headers['x-clinic-token'] as string | undefined)) {
      throw refusal('This page is from an earlier start of Clinic desk. Reload it.');
    }
    const client = req.headers['x-clinic-client'] as string | undefined;
    if (!isValidClientId(client))
      throw new HttpRefusal(400, 'VALIDATION', 'The request did not say which window it came from.');
    const channel = decodeSegment(encodedChannel, 'channel name');
    const body = await readBody(req);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      throw new HttpRefusal(400, 'VALIDATION', 'The request was not valid JSON.');
    }
    const result = await core.dispatcher.dispatch(`web:${client}`, channel, input);
    if (canAnswer(res)) sendJson(res, 200, result);
  }

  function handleEvents(res: ServerResponse, url: URL): void {
    const client = url.searchParams.get('client');
    if (!tokensMatch(token, url.searchParams.get('token')) || !isValidClientId(client)) {
      throw refusal('This page is from an earlier start of Clinic desk. Reload it.');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (text: string): void => {
      if (!res.destroyed && !res.writableEnded) res.write(text);
    };
    const unsubscribe = core.hub.subscribe(`web:${client}`, (name, payload) => {
      send(`event: clinic\ndata: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
    res.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, 'VALIDATION', 'Use GET here.');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return void res.end(indexHtml);
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!canAnswer(res)) return;
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(file.body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding and cross-site requests are refused before anything else runs.
    if (!isAllowedHostHeader(req.headers.host, boundPort) || !isAllowedOrigin(req.headers.origin, req.headers.host)) {
      return sendText(res, 403, 'Forbidden');
    }
    const url = requestTarget(req.url);
    if (url.pathname.startsWith('/api/call/')) return handleCall(req, res, url.pathname.slice('/api/call/'.length));
    if (url.pathname === '/api/events') return handleEvents(res, url);
    return handleStatic(req, res, url);
  }

  /**
   * The one entry for every request: whatever a handler throws or rejects with is answered
   * here, so no request can stop the server. A refusal gets its 4xx; anything else is our own
   * fault (500, logged). Nothing is written once the answer has started or the client is gone.
   */
  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    // A write to a socket the client reset must not become an uncaught 'error' event.
    res.on('error', () => undefined);
    route(req, res).catch((error: unknown) => {
      try {
        if (!(error instanceof HttpRefusal))
          core.services.deps.logger.error('The web shell could not answer a request', { error: String(error) });
        if (!canAnswer(res)) return void res.destroy();
        if (error instanceof HttpRefusal) {
          // The rest of a refused body is not read: end the connection rather than parse it as a request.
          if (error.status === 413) res.setHeader('Connection', 'close');
          return sendError(res, error.status, error.code, error.message);
        }
        sendError(res, 500, 'INTERNAL', 'Something went wrong on our side. Try again.');
      } catch {
        res.destroy();
      }
    });
  }

  const server: Server = createServer(onRequest);
  // CONNECT (a proxy tunnel) is not served. Without a listener Node drops the connection
  // unanswered; this answers it like any other refused method.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  boundPort = (server.address() as AddressInfo).port;
  // After listening, a server error (an accept failing when out of file handles) is logged,
  // not thrown: an 'error' event without a listener would stop the process.
  server.on('error', (error) =>
    core.services.deps.logger.error('The web shell server reported an error', { error: String(error) }),
  );
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
