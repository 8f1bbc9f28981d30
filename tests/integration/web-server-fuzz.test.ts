import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../support/pg-test-db.ts';
import { abortRaw, sendRaw } from '../support/raw-http.ts';
import { callHeaders, sendHttp, startTestWebShell, WEB_CLIENT, type WebShell } from '../support/web-shell.ts';

// Random requests to the web shell's HTTP layer, as raw bytes on a loopback socket: random
// methods, paths with broken percent-encoding, random Host/Origin/token/client headers,
// mismatched lengths, broken chunking, random bodies and whole garbage request lines. Every
// request is answered with a 2xx/4xx status (never 5xx, never silence), and after each one a
// valid call still gets its right answer. HTTP_FUZZ_RUNS=2000 for a deeper search.

// Fewer in the PostgreSQL project: the HTTP layer is the same, the depth is in the SQLite run.
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? (testDialect() === 'postgres' ? 30 : 150));
const ANSWERS = new Set([200, 204, 400, 401, 403, 404, 405, 413, 414, 417, 431]);

let shell: WebShell;
let port = 0;
let token = '';

beforeAll(async () => {
  shell = await startTestWebShell();
  port = shell.server.port;
  token = shell.server.token;
});
afterAll(() => shell.close());

/** Printable ASCII without space: what a request target or header value usually holds. */
const visible = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) });
const brokenEscapes = ['%', '%E0', '%ZZ', '%00', '%C3%28', '%ED%A0%80', '%F0%9F', '%2e%2e', '%2F', '%5C', '%%'];

const segment = fc.oneof(
  visible,
  fc.constantFrom(...brokenEscapes, '..', '.', '', 'api', 'call', 'events', 'setup.status', 'auth.session'),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);

const target = fc.oneof(
  fc.constantFrom('/', '/index.html', '/web-preload.js', '/api/call/', '/api/events', '/api/call/setup.status'),
  fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
  fc
    .tuple(fc.constantFrom('/api/call/', '/api/events?client=', '/x?'), fc.array(segment, { maxLength: 3 }))
    .map(([prefix, parts]) => prefix + parts.join('')),
  fc.constantFrom('http://[::1', '//[::1', '*', 'http://127.0.0.1/', '/a b', '/\u00e9', '/%E0%A4%A', '\\..\\x', ''),
);

const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'get', 'PO ST'),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_'), minLength: 1, maxLength: 8 }),
);

const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTX/1.1');

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

interface Headers {
  host?: string;
  origin?: string;
  token?: string;
  client?: string;
  contentType?: string;
  extra: [string, string][];
}

const headers: fc.Arbitrary<Headers> = fc.record({
  host: optional(
    fc.oneof(
      fc.constant('OWN'),
      fc.constantFrom('localhost:PORT', '[::1]:PORT', 'evil.example', '127.0.0.1', '127.0.0.1:1', '', 'a b'),
      visible,
    ),
  ),
  origin: optional(fc.oneof(fc.constantFrom('http://127.0.0.1:PORT', 'http://evil.example', 'null', ''), visible)),
  token: optional(fc.oneof(fc.constant('TOKEN'), fc.constantFrom('', 'guess', 'TOKEN '), visible)),
  client: optional(fc.oneof(fc.constant(WEB_CLIENT), fc.constantFrom('x', '', 'not a uuid at all!!'), visible)),
  contentType: optional(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', '')),
  extra: fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('Expect', 'Upgrade', 'Connection', 'Cookie', 'Accept', 'X-Clinic-Token'),
        fc.string({ unit: fc.constantFrom(...'abcxyz-_'), minLength: 1, maxLength: 10 }),
      ),
      fc.oneof(visible, fc.constantFrom('100-continue', 'websocket', 'Upgrade', 'close', 'keep-alive', '\t', '\u007f')),
    ),
    { maxLength: 3 },
  ),
});

const body = fc.oneof(
  fc.constantFrom('', '{}', '[]', 'null', '{nope', '{"email":"a@b.c","password":"x"}'),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

/** How the body is framed; only 'longer' leaves the server waiting (the client then gives up). */
const framing = fc.constantFrom(
  'exact',
  'exact',
  'none',
  'shorter',
  'garbage',
  'duplicate',
  'chunked',
  'bad-chunked',
  'both',
  'longer',
);

interface FuzzRequest {
  method: string;
  target: string;
  version: string;
  headers: Headers;
  body: string;
  framing: string;
}

const request: fc.Arbitrary<FuzzRequest> = fc.record({ method, target, version, headers, body, framing });

function framed(body: string, mode: string): { lines: string[]; payload: string } {
  const length = Buffer.byteLength(body, 'latin1');
  switch (mode) {
    case 'none':
      return { lines: [], payload: body };
    case 'shorter':
      return { lines: [`Content-Length: ${Math.max(0, length - 3)}`], payload: body };
    case 'garbage':
      return { lines: ['Content-Length: 12abc'], payload: body };
    case 'duplicate':
      return { lines: [`Content-Length: ${length}`, `Content-Length: ${length + 1}`], payload: body };
    case 'chunked':
      return { lines: ['Transfer-Encoding: chunked'], payload: `${length.toString(16)}\r\n${body}\r\n0\r\n\r\n` };
    case 'bad-chunked':
      return { lines: ['Transfer-Encoding: chunked'], payload: `zz\r\n${body}\r\n` };
    case 'both':
      return { lines: ['Transfer-Encoding: chunked', `Content-Length: ${length}`], payload: body };
    case 'longer':
      return { lines: [`Content-Length: ${length + 10}`], payload: body };
    default:
      return { lines: [`Content-Length: ${length}`], payload: body };
  }
}

function rawRequest(r: FuzzRequest): string {
  const fill = (value: string): string => value.replaceAll('PORT', String(port)).replaceAll('TOKEN', token);
  const lines = [`${r.method} ${r.target} ${r.version}`];
  const h = r.headers;
  if (h.host !== undefined) lines.push(`Host: ${h.host === 'OWN' ? `127.0.0.1:${port}` : fill(h.host)}`);
  if (h.origin !== undefined) lines.push(`Origin: ${fill(h.origin)}`);
  if (h.token !== undefined) lines.push(`X-Clinic-Token: ${fill(h.token)}`);
  if (h.client !== undefined) lines.push(`X-Clinic-Client: ${h.client}`);
  if (h.contentType !== undefined) lines.push(`Content-Type: ${h.contentType}`);
  for (const [name, value] of h.extra) lines.push(`${name}: ${value}`);
  const { lines: framingLines, payload } = framed(r.body, r.framing);
  return [...lines, ...framingLines, '', payload].join('\r\n');
}

async function stillServing(): Promise<void> {
  const reply = await sendHttp(port, '/api/call/setup.status', {
    method: 'POST',
    headers: callHeaders(shell.server),
    body: '{}',
  });
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { needsSetup: true, clinicName: null } });
}

describe('web shell HTTP layer under random requests', () => {
  it('answers every request with a non-5xx status and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const bytes = Buffer.from(rawRequest(r), 'latin1');
        if (r.framing === 'longer') {
          // The server waits for the rest of the body; the client gives up instead.
          await abortRaw(port, bytes);
        } else {
          const answer = await sendRaw(port, bytes);
          expect(answer.timedOut, 'the request was never answered').toBe(false);
          expect(answer.status, `no status in ${JSON.stringify(answer.text.slice(0, 200))}`).not.toBeNull();
          expect(ANSWERS, `status ${answer.status}`).toContain(answer.status);
        }
        await stillServing();
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  // Any bytes that are more than empty lines (which HTTP skips before a request) then an end of head.
  const garbage = fc
    .uint8Array({ minLength: 1, maxLength: 120 })
    .filter((bytes) => bytes.some((b) => b !== 0x0a && b !== 0x0d));

  it('answers whole garbage request lines too', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        const answer = await sendRaw(port, Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]));
        expect(answer.timedOut, 'the request was never answered').toBe(false);
        expect(ANSWERS, `status ${answer.status}`).toContain(answer.status);
        await stillServing();
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
