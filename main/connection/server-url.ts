import type { ServerDetails, ServerSummary } from '#contract/connection.ts';
import { DEFAULT_PG_PORT } from '#contract/connection.ts';

// The clinic server's details as the pg driver's settings. Every part of the URL is encoded,
// so a password with @, :, / or % in it reaches the server as typed.

/** TLS on: encrypted and the server's certificate verified; off: plain. */
export function sslOf(tls: boolean): { rejectUnauthorized: true } | false {
  return tls ? { rejectUnauthorized: true } : false;
}

/** The details as a `postgres://` URL (what the app core opens), every part encoded. */
export function serverUrl(details: ServerDetails): string {
  const host = details.host.includes(':') ? `[${details.host}]` : details.host;
  const auth = `${encodeURIComponent(details.user)}:${encodeURIComponent(details.password)}`;
  // verify-full: encrypted and the certificate checked against the host name; disable: plain.
  const sslmode = details.tls ? 'verify-full' : 'disable';
  return `postgres://${auth}@${host}:${details.port}/${encodeURIComponent(details.database)}?sslmode=${sslmode}`;
}

/** What a URL points at, without its password (CLINIC_DATABASE_URL shown on the setup screen). */
export function summaryOfUrl(url: string): ServerSummary | null {
  try {
    const parsed = new URL(url);
    const sslmode = parsed.searchParams.get('sslmode');
    const ssl = parsed.searchParams.get('ssl');
    return {
      host: decodeURIComponent(parsed.hostname.replace(/^\[(.+)\]$/, '$1')),
      port: parsed.port ? Number(parsed.port) : DEFAULT_PG_PORT,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
      user: decodeURIComponent(parsed.username),
      tls: (sslmode !== null && sslmode !== 'disable') || ssl === 'true' || ssl === '1',
    };
  } catch {
    return null;
  }
}

export function summaryOf({ host, port, database, user, tls }: ServerDetails): ServerSummary {
  return { host, port, database, user, tls };
}
