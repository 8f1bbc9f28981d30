import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startFromChoice } from '../../main/connection/startup.ts';
import { serverUrl, summaryOfUrl } from '../../main/connection/server-url.ts';
import {
  CONNECTION_FILE_NAME,
  createFileConnectionStore,
  createMemoryConnectionStore,
  type SecretStore,
} from '../../main/connection/store.ts';
import { connectionFailure } from '../../main/connection/probe.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { serverDetailsSchema, type ServerDetails } from '#contract/connection.ts';

// The first-run server form's rules, how the choice is kept (the password only ever sealed by
// the keychain), and how a failed connection names the field to fix.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function userData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-conn-'));
  dirs.push(dir);
  return dir;
}

const PASSWORD = 'S3cret p@ss:word/%41';
const details: ServerDetails = {
  host: 'db.clinic.local',
  port: 5432,
  database: 'clinic',
  user: 'clinic_desk',
  password: PASSWORD,
  tls: true,
};

/** Stands in for Electron safeStorage: reversible, never the clear text. */
function fakeSafeStorage(available = true): SecretStore & { encrypted: number } {
  const store = {
    encrypted: 0,
    isAvailable: () => available,
    encrypt: (text: string) => {
      store.encrypted += 1;
      return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a));
    },
    decrypt: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
  };
  return store;
}

function fieldsOf(input: Record<string, unknown>): string[] {
  const parsed = serverDetailsSchema.safeParse({ ...details, ...input });
  return parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]));
}

describe('server details', () => {
  it('accepts a name, an IPv4 or an IPv6 address', () => {
    expect(fieldsOf({})).toEqual([]);
    expect(fieldsOf({ host: '192.168.1.20' })).toEqual([]);
    expect(fieldsOf({ host: '::1' })).toEqual([]);
    expect(fieldsOf({ host: ' db-1.clinic.local ' })).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(fieldsOf({ host: 'postgres://db.clinic.local' })).toEqual(['host']);
    expect(fieldsOf({ host: 'db.clinic.local/clinic' })).toEqual(['host']);
    expect(fieldsOf({ host: '' })).toEqual(['host']);
    expect(fieldsOf({ port: 0 })).toEqual(['port']);
    expect(fieldsOf({ port: 65_536 })).toEqual(['port']);
    expect(fieldsOf({ port: 54.5 })).toEqual(['port']);
    expect(fieldsOf({ database: 'clinic; drop' })).toEqual(['database']);
    expect(fieldsOf({ user: '1abc' })).toEqual(['user']);
    expect(fieldsOf({ password: '' })).toEqual(['password']);
    expect(fieldsOf({ password: 'x'.repeat(1001) })).toEqual(['password']);
    expect(fieldsOf({ tls: 'yes' })).toEqual(['tls']);
  });

  it('says in the message which field it means', () => {
    const messages = serverDetailsSchema.safeParse({ ...details, host: 'a/b', port: 0, database: '', user: '-' });
    const text = messages.success ? [] : messages.error.issues.map((i) => i.message);
    expect(text).toEqual([
      expect.stringMatching(/server’s name or IP address/),
      expect.stringMatching(/port/),
      expect.stringMatching(/database name/),
      expect.stringMatching(/user name/),
    ]);
  });

  it('builds a URL whose every part survives @ : / % in the password', () => {
    const url = serverUrl(details);
    expect(url).not.toContain(PASSWORD);
    expect(decodeURIComponent(new URL(url).password)).toBe(PASSWORD);
    expect(url).toMatch(/sslmode=verify-full$/);
    expect(serverUrl({ ...details, tls: false })).toMatch(/sslmode=disable$/);
    expect(summaryOfUrl(serverUrl({ ...details, host: '::1' }))).toEqual({
      ...details,
      host: '::1',
      password: undefined,
      tls: true,
    });
  });
});

describe('connection failures name a field', () => {
  const cases: [unknown, string][] = [
    [{ code: 'ECONNREFUSED' }, 'port'],
    [{ code: 'ETIMEDOUT' }, 'host'],
    [new Error('Connection terminated due to connection timeout'), 'host'],
    [{ code: 'ENOTFOUND' }, 'host'],
    [{ code: '28P01', message: 'password authentication failed' }, 'password'],
    [{ code: '28000', message: 'role "x" is not permitted to log in' }, 'user'],
    [{ code: '28000', message: 'no pg_hba.conf entry for host "1.2.3.4", no encryption' }, 'tls'],
    [{ code: '3D000' }, 'database'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls'],
    [new Error('The server does not support SSL connections'), 'tls'],
  ];
  for (const [error, field] of cases) {
    it(`${JSON.stringify(error instanceof Error ? error.message : error)} → ${field}`, () => {
      const failure = connectionFailure(error, details);
      expect(failure.code).toBe('VALIDATION');
      expect(Object.keys(failure.fields ?? {})).toEqual([field]);
      expect(failure.message).not.toContain(PASSWORD);
    });
  }
});

describe('connection.json', () => {
  it('round-trips with the keychain and never holds the clear password', () => {
    const file = join(userData(), CONNECTION_FILE_NAME);
    const secrets = fakeSafeStorage();
    const store = createFileConnectionStore(file, secrets);
    expect(store.load()).toBeNull();
    expect(store.save(details)).toEqual({ passwordKept: true });
    expect(secrets.encrypted).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toEqual({
      mode: 'server',
      host: details.host,
      port: 5432,
      database: 'clinic',
      user: 'clinic_desk',
      tls: true,
      password: expect.any(String),
    });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    expect(store.load()).toEqual({
      server: { host: details.host, port: 5432, database: 'clinic', user: 'clinic_desk', tls: true },
      password: PASSWORD,
    });
  });

  it('keeps the server but not the password when there is no keychain', () => {
    const file = join(userData(), CONNECTION_FILE_NAME);
    const secrets = fakeSafeStorage(false);
    const store = createFileConnectionStore(file, secrets);
    expect(store.save(details)).toEqual({ passwordKept: false });
    expect(secrets.encrypted).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ password: null });
    expect(store.load()?.password).toBeNull();
  });

  it('treats a password sealed elsewhere, or a damaged file, as not kept', () => {
    const file = join(userData(), CONNECTION_FILE_NAME);
    createFileConnectionStore(file, fakeSafeStorage()).save(details);
    const otherKeychain: SecretStore = {
      isAvailable: () => true,
      encrypt: () => Buffer.alloc(0),
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext');
      },
    };
    expect(createFileConnectionStore(file, otherKeychain).load()?.password).toBeNull();
    writeFileSync(file, '{ not json');
    expect(createFileConnectionStore(file, fakeSafeStorage()).load()).toBeNull();
  });

  it('the web shell keeps the choice in memory only', () => {
    const store = createMemoryConnectionStore();
    expect(store.save(details)).toEqual({ passwordKept: false });
    expect(store.load()).toEqual({ server: expect.objectContaining({ host: details.host }), password: null });
  });
});

function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('desktop start', () => {
  it('opens the SQLite file when no server password is kept', async () => {
    const dir = userData();
    const store = createFileConnectionStore(join(dir, CONNECTION_FILE_NAME), fakeSafeStorage(false));
    store.save(details);
    const onServerUnreachable = vi.fn(async () => false);
    const core = await startFromChoice({
      userData: dir,
      store,
      env: {},
      onServerUnreachable,
      core: { logger: silentLogger },
    });
    expect(core?.database.kind).toBe('sqlite');
    expect(existsSync(join(dir, 'clinic.sqlite'))).toBe(true);
    expect(onServerUnreachable).not.toHaveBeenCalled();
    expect(await core?.dispatcher.dispatch('k', 'setup.database', {})).toMatchObject({
      ok: true,
      value: { mode: 'local', canChoose: true, server: { host: details.host, tls: true } },
    });
    await core?.close();
  });

  it('asks to retry or quit while the kept server cannot be reached', async () => {
    const dir = userData();
    const store = createFileConnectionStore(join(dir, CONNECTION_FILE_NAME), fakeSafeStorage());
    store.save({ ...details, host: '127.0.0.1', port: await deadPort(), tls: false });
    const answers = [true, false];
    const onServerUnreachable = vi.fn(async () => answers.shift() ?? false);
    const core = await startFromChoice({
      userData: dir,
      store,
      env: {},
      onServerUnreachable,
      core: { logger: silentLogger },
    });
    expect(core).toBeNull();
    expect(onServerUnreachable).toHaveBeenCalledTimes(2);
    expect(onServerUnreachable).toHaveBeenCalledWith(expect.stringMatching(/^127\.0\.0\.1:\d+\/clinic$/));
    expect(existsSync(join(dir, 'clinic.sqlite'))).toBe(false);
  });
});
