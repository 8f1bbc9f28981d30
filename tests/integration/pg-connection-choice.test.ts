import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { serverUrl } from '../../main/connection/server-url.ts';
import { CONNECTION_FILE_NAME, createFileConnectionStore, type SecretStore } from '../../main/connection/store.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import type { ServerDetails } from '#contract/connection.ts';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '#contract/index.ts';
import { createTestClock } from '../support/clock.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';

// The first-run choice against a real server (the throwaway cluster of scripts/pg-cluster.ts):
// "Test connection" says what is there or which field is wrong, and "Use this server" moves a
// core that started on SQLite onto the server, where a second core then finds the clinic.

const KEY = 'test:setup';
const ADMIN = { email: 'ada@clinic.test', password: 'admin-password-123' };
// Every character a hand-built URL would break on.
const AWKWARD_PASSWORD = `p@ss:w/rd%41 #?&=${randomBytes(4).toString('hex')}`;

const cluster = new URL(process.env.CLINIC_TEST_PG_URL ?? 'postgres://clinic:x@127.0.0.1:5432/postgres');
const base: Omit<ServerDetails, 'database'> = {
  host: cluster.hostname,
  port: Number(cluster.port),
  user: decodeURIComponent(cluster.username),
  password: decodeURIComponent(cluster.password),
  tls: false,
};

const dirs: string[] = [];
const databases: PgTestDatabase[] = [];
const cores: AppCore[] = [];
const role = `clinic_desk_${randomBytes(4).toString('hex')}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const url = new URL(cluster);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyPgDatabase();
  databases.push(database);
  return new URL(database.url).pathname.slice(1);
}

/** A fake keychain: reversible, and never the clear text. */
const fakeSecrets: SecretStore = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from(`sealed:${Buffer.from(text).reverse().toString('hex')}`),
  decrypt: (data) =>
    Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex')
      .reverse()
      .toString(),
};

async function sqliteCore(options: Parameters<typeof startAppCore>[0] = {}): Promise<{ core: AppCore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-choice-'));
  dirs.push(dir);
  const core = await startAppCore({
    dbFile: join(dir, 'clinic.sqlite'),
    clock: createTestClock(),
    logger: silentLogger,
    ...options,
  });
  cores.push(core);
  return { core, dir };
}

function call<C extends ChannelName>(core: AppCore, channel: C, input: ChannelInput<C>) {
  return core.dispatcher.dispatch(KEY, channel, input) as Promise<Result<ChannelOutput<C>>>;
}

async function refusal<C extends ChannelName>(core: AppCore, channel: C, input: ChannelInput<C>) {
  const result = await call(core, channel, input);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

let core: AppCore;

beforeAll(async () => {
  ({ core } = await sqliteCore());
});

afterAll(async () => {
  for (const c of cores) await c.close().catch(() => undefined);
  for (const d of databases) await d.drop();
  await admin((client) => client.query(`DROP ROLE IF EXISTS ${role}`));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('test connection', () => {
  it('reports the version and an empty database', async () => {
    const database = await emptyDatabase();
    const result = await call(core, 'setup.testServer', { ...base, database });
    expect(result).toEqual({
      ok: true,
      value: { version: expect.stringMatching(/^\d+\.\d+/), state: 'empty', clinicName: null },
    });
    const major = Number(result.ok ? result.value.version.split('.')[0] : 0);
    expect(major).toBeGreaterThanOrEqual(15);
  });

  it('names the password, the database, the port and TLS when they are wrong', async () => {
    const database = await emptyDatabase();
    const password = await refusal(core, 'setup.testServer', { ...base, database, password: 'not-the-password' });
    expect(password.code).toBe('VALIDATION');
    expect(Object.keys(password.fields ?? {})).toEqual(['password']);
    expect(password.message).not.toContain('not-the-password');

    const unknown = await refusal(core, 'setup.testServer', { ...base, database: 'no_such_database' });
    expect(unknown.fields?.database).toMatch(/no database called no_such_database/);

    const closed = await refusal(core, 'setup.testServer', { ...base, database, port: await freePort() });
    expect(Object.keys(closed.fields ?? {})).toEqual(['port']);

    const nowhere = await refusal(core, 'setup.testServer', { ...base, database, host: 'no-such-host.invalid' });
    expect(Object.keys(nowhere.fields ?? {})).toEqual(['host']);

    const tls = await refusal(core, 'setup.testServer', { ...base, database, tls: true });
    expect(Object.keys(tls.fields ?? {})).toEqual(['tls']);
  });

  it('refuses a database that holds other tables, and does not touch it', async () => {
    const database = await emptyDatabase();
    await admin((client) => client.query('CREATE TABLE invoices (id int primary key)'), database);
    const tested = await refusal(core, 'setup.testServer', { ...base, database });
    expect(tested.fields?.database).toMatch(/holds other tables; choose an empty database/);
    const used = await refusal(core, 'setup.useServer', { ...base, database });
    expect(used.fields?.database).toMatch(/holds other tables/);
    expect(core.database.kind).toBe('sqlite');
    const tables = await admin(
      (client) => client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
      database,
    );
    expect(tables.rows).toEqual([{ table_name: 'invoices' }]);
  });
});

describe('use this server', () => {
  it('moves a first-run core onto the server; a second core there signs in with its admin', async () => {
    // A database owned by its own user, whose password has @ : / % # in it.
    const database = await emptyDatabase();
    await admin(async (client) => {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${AWKWARD_PASSWORD.replaceAll("'", "''")}'`);
      await client.query(`ALTER DATABASE ${database} OWNER TO ${role}`);
    });
    await admin((client) => client.query(`ALTER SCHEMA public OWNER TO ${role}`), database);
    const details: ServerDetails = { ...base, database, user: role, password: AWKWARD_PASSWORD };

    const userData = mkdtempSync(join(tmpdir(), 'clinic-ud-'));
    dirs.push(userData);
    const file = join(userData, CONNECTION_FILE_NAME);
    const { core: first } = await sqliteCore({ connection: { store: createFileConnectionStore(file, fakeSecrets) } });
    expect(existsSync(file)).toBe(false);
    const sqliteHandle = first.database.raw;
    expect((await call(first, 'setup.database', {})).ok).toBe(true);

    const used = await call(first, 'setup.useServer', details);
    expect(used).toEqual({ ok: true, value: { needsSetup: true, clinicName: null, passwordKept: true } });
    expect(first.database.kind).toBe('postgres');
    expect(existsSync(file)).toBe(true);
    expect(sqliteHandle.open).toBe(false);
    expect(await call(first, 'setup.database', {})).toEqual({
      ok: true,
      value: {
        mode: 'server',
        fixedByEnvironment: false,
        canChoose: true,
        server: { host: base.host, port: base.port, database, user: role, tls: false },
      },
    });

    const session = await call(first, 'setup.complete', {
      clinicName: 'Hillside Clinic',
      clinicAddress: null,
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Ada Admin',
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
    });
    expect(session.ok).toBe(true);
    // Written to the server, not the file.
    const admins = await admin((client) => client.query("SELECT email FROM users WHERE role = 'admin'"), database);
    expect(admins.rows).toEqual([{ email: ADMIN.email }]);

    // Another PC on the same server: the clinic is there, and its admin signs in.
    const second = await startAppCore({
      databaseUrl: serverUrl(details),
      clock: createTestClock(),
      logger: silentLogger,
    });
    cores.push(second);
    expect(await call(second, 'setup.status', {})).toEqual({
      ok: true,
      value: { needsSetup: false, clinicName: 'Hillside Clinic' },
    });
    const signedIn = await call(second, 'auth.signIn', ADMIN);
    expect(signedIn.ok && signedIn.value.user.role).toBe('admin');

    // The switched core listens on the server: a change at the other PC reaches its windows.
    const seen: string[] = [];
    first.hub.subscribe('window', (name) => seen.push(name));
    const created = await call(second, 'users.create', {
      name: 'Rosa Desk',
      email: 'rosa@clinic.test',
      phone: null,
      role: 'receptionist',
      password: 'desk-password-123',
    });
    expect(created.ok).toBe(true);
    await expect.poll(() => seen, { timeout: 2000 }).toContain('users.changed');

    // Set up now: the channels that connect to a named host refuse.
    const again = await refusal(first, 'setup.testServer', details);
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already set up/);
    expect((await refusal(first, 'setup.useServer', details)).code).toBe('CONFLICT');
    expect(await call(first, 'setup.database', {})).toMatchObject({ ok: true, value: { canChoose: false } });

    // A third PC, fresh from install, finds the clinic: it goes to sign-in.
    const { core: third } = await sqliteCore();
    expect(await call(third, 'setup.testServer', details)).toEqual({
      ok: true,
      value: { version: expect.any(String), state: 'clinic', clinicName: 'Hillside Clinic' },
    });
    expect(await call(third, 'setup.useServer', details)).toEqual({
      ok: true,
      value: { needsSetup: false, clinicName: 'Hillside Clinic', passwordKept: false },
    });
    expect((await call(third, 'auth.signIn', ADMIN)).ok).toBe(true);
  });

  it('keeps the choice without the clear password, and goes back to this computer during first run', async () => {
    const database = await emptyDatabase();
    const userData = mkdtempSync(join(tmpdir(), 'clinic-ud-'));
    dirs.push(userData);
    const file = join(userData, CONNECTION_FILE_NAME);
    const store = createFileConnectionStore(file, fakeSecrets);
    const deskDir = mkdtempSync(join(tmpdir(), 'clinic-desk-'));
    dirs.push(deskDir);
    const localFile = join(deskDir, 'clinic.sqlite');
    const desk = await startAppCore({
      dbFile: localFile,
      clock: createTestClock(),
      logger: silentLogger,
      connection: { store, localFile },
    });
    cores.push(desk);
    const details = { ...base, database };
    expect((await call(desk, 'setup.useServer', details)).ok).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(base.password);
    expect(JSON.parse(text)).toMatchObject({ mode: 'server', host: base.host, database, tls: false });
    const saved = store.load();
    expect(saved?.password).toBe(base.password);

    // Still first run: back to this computer only. The choice is forgotten, the pool closed.
    const pool = desk.database.pool;
    expect(await call(desk, 'setup.useLocal', {})).toEqual({ ok: true, value: { needsSetup: true, clinicName: null } });
    expect(desk.database.kind).toBe('sqlite');
    expect(pool?.ended).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(await call(desk, 'setup.database', {})).toMatchObject({ ok: true, value: { mode: 'local', server: null } });
  });

  it('stays on SQLite when the choice cannot be kept (nothing half-done)', async () => {
    const database = await emptyDatabase();
    const { core: desk } = await sqliteCore({
      connection: {
        store: {
          load: () => null,
          clear: () => undefined,
          save: () => {
            throw new Error('disk full');
          },
        },
      },
    });
    const error = await refusal(desk, 'setup.useServer', { ...base, database });
    expect(error.code).toBe('CONFLICT');
    expect(desk.database.kind).toBe('sqlite');
    expect(desk.database.raw.open).toBe(true);
    expect((await call(desk, 'setup.status', {})).ok).toBe(true);
  });

  it('offers no choice when CLINIC_DATABASE_URL fixes the server', async () => {
    const database = await emptyDatabase();
    const details = { ...base, database };
    const fixed = await startAppCore({
      databaseUrl: serverUrl(details),
      clock: createTestClock(),
      logger: silentLogger,
      connection: { fixedByEnvironment: true },
    });
    cores.push(fixed);
    expect(await call(fixed, 'setup.database', {})).toEqual({
      ok: true,
      value: {
        mode: 'server',
        fixedByEnvironment: true,
        canChoose: false,
        server: { host: base.host, port: base.port, database, user: base.user, tls: false },
      },
    });
    const refused = await refusal(fixed, 'setup.testServer', details);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/CLINIC_DATABASE_URL/);
  });
});
