import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../main/web/server.ts';
import { abortRaw, sendRaw } from '../support/raw-http.ts';
import { setUpClinic, type TestApp } from '../support/test-app.ts';
import { callHeaders, sendHttp, startTestWebShell, WEB_CLIENT, type WebShell } from '../support/web-shell.ts';

// The web shell over real HTTP on loopback, with a small stand-in for the built renderer
// (tests/support/web-shell.ts).

let shell: WebShell;
let app: TestApp;
let server: WebServer;
let rendererDir: string;
const CLIENT = WEB_CLIENT;

beforeAll(async () => {
  shell = await startTestWebShell();
  ({ app, server, rendererDir } = shell);
});
afterAll(() => shell.close());

const send = (path: string, options: Parameters<typeof sendHttp>[2] = {}) => sendHttp(server.port, path, options);
const call = (channel: string, input: unknown, headers: Record<string, string> = callHeaders(server)) =>
  send(`/api/call/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });

describe('web shell', () => {
  it('listens on loopback only and refuses any other address', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    await expect(startWebServer({ core: app.core, rendererDir, host: '0.0.0.0' })).rejects.toThrow(
      /only listens on this computer/,
    );
  });

  it('serves the page with the token, the web preload first, and a strict CSP', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="clinic-token" content="${server.token}">`);
    expect(page.body.indexOf('web-preload.js')).toBeLessThan(page.body.indexOf('<title>'));
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('runs a channel through the real dispatcher', async () => {
    const reply = await call('setup.status', {});
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { needsSetup: true, clinicName: null } });
  });

  it('refuses calls without the token, from another origin, or for another host name', async () => {
    expect((await call('setup.status', {}, { ...callHeaders(server), 'X-Clinic-Token': 'guess' })).status).toBe(403);
    expect((await call('setup.status', {}, { ...callHeaders(server), Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect(
      (await call('setup.status', {}, { ...callHeaders(server), Host: `evil.example:${server.port}` })).status,
    ).toBe(403);
    expect(
      (await call('setup.status', {}, { ...callHeaders(server), Origin: `http://127.0.0.1:${server.port}` })).status,
    ).toBe(200);
  });

  it('refuses a call without a valid window id, bad JSON, and oversized bodies', async () => {
    expect((await call('setup.status', {}, { ...callHeaders(server), 'X-Clinic-Client': 'x' })).status).toBe(400);
    const bad = await send('/api/call/setup.status', { method: 'POST', headers: callHeaders(server), body: '{nope' });
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
    const big = await send('/api/call/setup.status', {
      method: 'POST',
      headers: callHeaders(server),
      body: JSON.stringify({ x: 'a'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/assets/../../x']) {
      const reply = await send(path);
      expect(reply.status).toBe(404);
    }
    expect((await send('/web-preload.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('keeps each browser tab its own session', async () => {
    await setUpClinic(app);
    const otherTab = { ...callHeaders(server), 'X-Clinic-Client': '1c1c1c1c-aaaa-bbbb-cccc-000000000001' };
    const signedIn = await call('auth.signIn', { email: 'ada@clinic.test', password: 'admin-password-123' }, otherTab);
    expect(JSON.parse(signedIn.body).ok).toBe(true);
    expect(JSON.parse((await call('auth.session', {}, otherTab)).body).value.user.name).toBe('Ada Admin');
    expect(JSON.parse((await call('auth.session', {})).body).value).toBeNull();
  });

  it('streams events to the tab that subscribed', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?client=${CLIENT}&token=${server.token}`,
          headers: { Host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            data += chunk;
            if (data.includes('event: clinic')) {
              req.destroy();
              resolve(data);
            } else if (data.includes(': connected')) {
              app.core.hub.broadcast('users.changed', { userId: 7 });
            }
          });
        },
      );
      req.on('error', (e) =>
        e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : reject(e),
      );
      req.end();
    });
    expect(await received).toContain(JSON.stringify({ name: 'users.changed', payload: { userId: 7 } }));
    const refused = await send(`/api/events?client=${CLIENT}&token=wrong`);
    expect(refused.status).toBe(403);
  });
});

// Each of these once threw outside the request's promise (decodeURIComponent, new URL) and
// stopped the process: one <img> on any page could take the shell down.
describe('web shell answers every request and keeps serving', () => {
  const raw = (requestLine: string, headers: string[] = []): string =>
    [requestLine, `Host: 127.0.0.1:${server.port}`, ...headers, '', ''].join('\r\n');
  const stillServing = async (): Promise<void> => {
    const reply = await call('auth.session', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: null });
  };

  it('answers a GET of a call with broken percent-encoding and no token (what an <img> sends)', async () => {
    const answer = await sendRaw(server.port, raw('GET /api/call/%E0 HTTP/1.1'));
    expect(answer.status).toBe(405);
    await stillServing();
  });

  it('answers a POST of a call with broken percent-encoding, with or without the token', async () => {
    expect((await sendRaw(server.port, raw('POST /api/call/%ZZ HTTP/1.1', ['Content-Length: 0']))).status).toBe(403);
    const withToken = await send('/api/call/%ZZ', { method: 'POST', headers: callHeaders(server), body: '{}' });
    expect(withToken.status).toBe(400);
    expect(JSON.parse(withToken.body).error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/channel name/),
    });
    await stillServing();
  });

  it('answers a request line whose target is not a valid URL', async () => {
    expect((await sendRaw(server.port, raw('GET http://[::1 HTTP/1.1'))).status).toBe(400);
    // A path, not another host: no such file.
    expect((await sendRaw(server.port, raw('GET //[::1 HTTP/1.1'))).status).toBe(404);
    expect((await sendRaw(server.port, raw('OPTIONS * HTTP/1.1'))).status).toBe(400);
    await stillServing();
  });

  it('answers static paths with broken encoding and event requests with broken parameters', async () => {
    expect((await sendRaw(server.port, raw('GET /%E0%A4%A HTTP/1.1'))).status).toBe(404);
    expect((await sendRaw(server.port, raw(`GET /api/events?client=%E0&token=%ZZ HTTP/1.1`))).status).toBe(403);
    await stillServing();
  });

  it('refuses a declared oversized body before reading it, and survives a client that gives up mid-body', async () => {
    const declared = await sendRaw(
      server.port,
      raw('POST /api/call/setup.status HTTP/1.1', [
        `X-Clinic-Token: ${server.token}`,
        `X-Clinic-Client: ${CLIENT}`,
        'Content-Length: 50000000',
      ]),
    );
    expect(declared.status).toBe(413);
    await abortRaw(
      server.port,
      raw('POST /api/call/setup.status HTTP/1.1', [
        `X-Clinic-Token: ${server.token}`,
        `X-Clinic-Client: ${CLIENT}`,
        'Content-Length: 1000',
      ]) + '{"half":',
    );
    await stillServing();
  });
});
