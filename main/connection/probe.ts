import pg from 'pg';
import { MIGRATIONS } from '#db/migrate.ts';
import { MIN_PG_MAJOR, type ServerDetails, type ServerProbe } from '#contract/connection.ts';
import { AppError } from '../services/core/errors.ts';
import { sslOf } from './server-url.ts';

// "Test connection": connect to the server the first-run screen names (5 s at most), read its
// version, and look at what the database holds. Failures become a sentence beside the field
// that is most likely wrong; nothing is written.

export const CONNECT_TIMEOUT_MS = 5_000;

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

const fieldError = (field: keyof ServerDetails, message: string): AppError =>
  new AppError('VALIDATION', message, { [field]: message });

/** A failed connection as the field to fix and a sentence about it. */
export function connectionFailure(error: unknown, details: ServerDetails): AppError {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const text = typeof message === 'string' ? message : '';
  const at = `${details.host}:${details.port}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return fieldError('host', `No computer called ${details.host} was found. Check the server’s name or address.`);
  }
  if (code === 'ECONNREFUSED') {
    return fieldError(
      'port',
      `Nothing answers on port ${details.port} at ${details.host}. Check the port and that PostgreSQL runs there.`,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(text)) {
    return fieldError(
      'host',
      `The server at ${at} did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds. Check the address and that the network lets this computer reach it.`,
    );
  }
  if (code === '28P01') {
    return fieldError('password', `The server refused this password for user ${details.user}. Check the password.`);
  }
  if (code === '28000' && /no encryption/i.test(text)) {
    return fieldError('tls', 'The server accepts only encrypted connections. Turn TLS on.');
  }
  if (code === '28000') {
    return fieldError(
      'user',
      `The server does not let user ${details.user} into database ${details.database} from this computer. Check the user name, or ask whoever runs the server to allow it.`,
    );
  }
  if (code === '3D000') {
    return fieldError(
      'database',
      `There is no database called ${details.database} on this server. Check the name, or create it first.`,
    );
  }
  if (/does not support SSL/i.test(text)) {
    return fieldError(
      'tls',
      'This server does not offer encrypted connections. Turn TLS off, or enable TLS on the server.',
    );
  }
  if ((typeof code === 'string' && TLS_CODES.has(code)) || /certificate|self[- ]signed|ssl|tls/i.test(text)) {
    return fieldError(
      'tls',
      'The server’s certificate could not be verified, so the connection was not trusted. Install the clinic’s certificate on this computer, or turn TLS off on a trusted network.',
    );
  }
  return fieldError('host', `The clinic server at ${at} could not be reached. Check the address and the port.`);
}

async function inspect(client: pg.Client, details: ServerDetails): Promise<ServerProbe> {
  const versionRow = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
  );
  const version = (versionRow.rows[0]?.version ?? '').split(/\s/)[0] ?? '';
  const major = Math.floor(Number(versionRow.rows[0]?.num ?? 0) / 10_000);
  if (major < MIN_PG_MAJOR) {
    throw new AppError(
      'VALIDATION',
      `This server runs PostgreSQL ${version}; Clinic desk needs PostgreSQL ${MIN_PG_MAJOR} or newer. Ask whoever runs the server to upgrade it.`,
    );
  }
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  );
  const names = new Set(tables.rows.map((r) => r.name));
  if (names.size === 0) return { version, state: 'empty', clinicName: null };
  if (!names.has('kysely_migration') || !names.has('settings') || !names.has('users')) {
    throw fieldError(
      'database',
      `The database ${details.database} holds other tables; choose an empty database for Clinic desk.`,
    );
  }
  const ran = await client.query<{ name: string }>('SELECT name FROM kysely_migration');
  const known = new Set(Object.keys(MIGRATIONS));
  if (ran.rows.some((r) => !known.has(r.name))) {
    throw new AppError(
      'VALIDATION',
      'This clinic server was set up by a newer version of Clinic desk. Update Clinic desk on this computer first.',
    );
  }
  const settings = await client.query<{ clinic_name: string }>('SELECT clinic_name FROM settings WHERE id = 1');
  const admin = await client.query("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1");
  const clinicName = settings.rows[0]?.clinic_name ?? null;
  if (admin.rowCount === 0 || clinicName === null) return { version, state: 'new', clinicName: null };
  return { version, state: 'clinic', clinicName };
}

/** Connects with the typed details and says what the database holds; throws a field error. */
export async function probeServer(details: ServerDetails, timeoutMs = CONNECT_TIMEOUT_MS): Promise<ServerProbe> {
  const client = new pg.Client({
    host: details.host,
    port: details.port,
    database: details.database,
    user: details.user,
    password: details.password,
    ssl: sslOf(details.tls),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'clinic-desk-setup',
  });
  // A connection dropped after the answer must not become an uncaught error.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionFailure(error, details);
  }
  try {
    return await inspect(client, details);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw connectionFailure(error, details);
  } finally {
    await client.end().catch(() => undefined);
  }
}
