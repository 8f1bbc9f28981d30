import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '#contract/index.ts';
import { WEB_CSP } from './guards.ts';

// The web shell's HTTP plumbing: answers, the request target, the body. Anything a request can
// get wrong is an HttpRefusal, which the server's one entry turns into a 4xx answer.

export const MAX_BODY_BYTES = 1_000_000;

export const SECURITY_HEADERS = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A request the server refuses, with the status and the error it answers. */
export class HttpRefusal extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  constructor(status: number, code: ErrorCode, message: string) {
    super(message);
    this.name = 'HttpRefusal';
    this.status = status;
    this.code = code;
  }
}

/** True when an answer can still be written (the client may have gone, or headers were sent). */
export const canAnswer = (res: ServerResponse): boolean => !res.headersSent && !res.destroyed && !res.writableEnded;

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * The request target as a URL. Only the origin form ("/path?query") is served: an absolute
 * URL, "*" or anything that does not parse is a bad request. The fixed base keeps a path such
 * as "//host/x" a path rather than another host.
 */
export function requestTarget(rawUrl: string | undefined): URL {
  if (rawUrl === undefined || !rawUrl.startsWith('/')) {
    throw new HttpRefusal(400, 'VALIDATION', 'The request did not name a path on this server.');
  }
  try {
    return new URL(`http://clinic.invalid${rawUrl}`);
  } catch {
    throw new HttpRefusal(400, 'VALIDATION', 'The request path is not a valid address.');
  }
}

/** One percent-encoded path segment, decoded; broken encoding (%E0, %ZZ) is a bad request. */
export function decodeSegment(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpRefusal(400, 'VALIDATION', `The ${what} in the address is not validly encoded.`);
  }
}

const tooLarge = (): HttpRefusal => new HttpRefusal(413, 'VALIDATION', 'That request is too large.');

/**
 * The body as UTF-8, at most MAX_BODY_BYTES. A declared Content-Length over the limit is
 * refused before reading; a body that grows past it is refused as soon as it does (reading
 * stops there; the answer closes the connection). A client that goes away mid-body is a
 * refusal nobody is left to read.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onBroken);
      // Later errors of this request (a reset after the answer) have nobody to go to.
      req.on('error', () => undefined);
      req.off('error', onBroken);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      stop();
      req.pause();
      reject(tooLarge());
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    // The client went away (or the connection broke) mid-body: a refusal nobody will read.
    const onBroken = (): void => {
      stop();
      reject(new HttpRefusal(400, 'VALIDATION', 'The request ended before its body did.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onBroken);
    req.on('close', onBroken);
  });
}
