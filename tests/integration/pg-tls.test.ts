import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer } from '../../main/connection/probe.ts';
import { AppError } from '../../main/services/core/errors.ts';
import type { ServerDetails } from '#contract/connection.ts';
import { findPgBin, startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';

// "Encrypt the connection (TLS)" against a real server with a self-signed certificate: TLS on
// refuses a certificate this computer does not trust (the error sits on the TLS field), and
// once the clinic's certificate is trusted (NODE_EXTRA_CA_CERTS, decision 56) the same
// details connect, and the app core opens, migrates and uses the server over verify-full.

const work = mkdtempSync(join(tmpdir(), 'clinic-pg-tls-'));
const certFile = join(work, 'server.crt');
let cluster: PgCluster;
let details: ServerDetails;

function makeCertificate(): { cert: string; key: string } {
  const keyFile = join(work, 'server.key');
  // A self-signed certificate for the loopback address (in its subjectAltName, as verify-full
  // checks), which is its own authority when trusted.
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

/** Runs a probe and opens the core in a child Node that trusts the clinic's certificate. */
function inChildTrusting(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: process.cwd(),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile, CLINIC_TLS_DETAILS: JSON.stringify(details) },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL 15 or newer is needed for this test (apt-get install postgresql).');
  cluster = await startPgCluster(bin, makeCertificate());
  const url = new URL(cluster.url);
  details = {
    host: '127.0.0.1',
    port: Number(url.port),
    database: 'postgres',
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    tls: true,
  };
});

afterAll(() => {
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('TLS to the clinic server', () => {
  it('refuses a certificate this computer does not trust, on the TLS field', async () => {
    const failure = await probeServer(details).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(Object.keys((failure as AppError).fields ?? {})).toEqual(['tls']);
    // The same server without TLS answers: the refusal was the certificate, nothing else.
    await expect(probeServer({ ...details, tls: false })).resolves.toMatchObject({ state: 'empty' });
  });

  it('connects and migrates over verify-full once the certificate is trusted', () => {
    const root = JSON.stringify(process.cwd());
    const { status, stdout, stderr } = inChildTrusting(`
      const details = JSON.parse(process.env.CLINIC_TLS_DETAILS);
      const { probeServer } = await import(${root} + '/main/connection/probe.ts');
      const { serverUrl } = await import(${root} + '/main/connection/server-url.ts');
      const { openDatabase } = await import(${root} + '/db/connection-any.ts');
      const { migrateToLatest } = await import(${root} + '/db/migrate.ts');
      const { sql } = await import('kysely');
      const probe = await probeServer(details);
      const url = serverUrl(details);
      const handle = await openDatabase({ url });
      await migrateToLatest(handle.db);
      const { rows } = await sql\`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()\`.execute(handle.db);
      await handle.close();
      console.log(JSON.stringify({ state: probe.state, sslmode: new URL(url).searchParams.get('sslmode'), ssl: rows[0].ssl }));
    `);
    expect(stderr).not.toMatch(/Error/);
    expect(status).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({
      state: 'empty',
      sslmode: 'verify-full',
      ssl: true,
    });
  });
});
