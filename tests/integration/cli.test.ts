import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runCli, type CliRun } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '#db/migrate.ts';
import { CHANNEL_NAMES } from '#contract/index.ts';
import { SEED_SCHEMA } from '../support/er-schema.ts';

// The admin command line, run as a real child process on real database files.

const PASSWORD = 'cli-admin-password-1';

function query<T>(file: string, sql: string): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const noStackTrace = (run: CliRun): void => expect(run.stderr).not.toMatch(/\n\s+at /);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrate', () => {
  it('creates the file with every table and column of the ER diagram, then reports nothing to do', async () => {
    const file = join(dir, 'migrate.sqlite');
    const first = await runCli(['migrate', '--db', file]);
    expect(first.code).toBe(0);
    for (const name of Object.keys(MIGRATIONS)) expect(first.stdout).toContain(name);

    for (const [table, columns] of Object.entries(SEED_SCHEMA)) {
      const present = query<{ name: string }>(file, `PRAGMA table_info(${table})`).map((c) => c.name);
      expect(present, table).toEqual(expect.arrayContaining(columns));
    }

    const second = await runCli(['migrate', '--db', file]);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('Already up to date.');
  });
});

describe('create-admin and call', () => {
  const file = () => join(dir, 'admin.sqlite');

  it('refuses a missing or short CLINIC_PASSWORD as bad usage, before touching the file', async () => {
    const unset = await runCli(['create-admin', '--db', file(), '--email', 'boss@clinic.test']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('CLINIC_PASSWORD');
    const short = await runCli(['create-admin', '--db', file(), '--email', 'boss@clinic.test'], 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 10 characters/);
    noStackTrace(short);
    expect(existsSync(file())).toBe(false);
  });

  it('sets up a new clinic with the first admin, who can then list users through the dispatcher', async () => {
    const created = await runCli(
      [
        'create-admin',
        '--db',
        file(),
        '--email',
        'Boss@Clinic.test',
        '--name',
        'Bo Boss',
        '--clinic',
        'Hill Clinic',
        '--tz',
        'Europe/Paris',
        '--currency',
        'eur',
      ],
      PASSWORD,
    );
    expect(created.code, created.stderr).toBe(0);

    const settings = query<{ clinic_name: string; time_zone: string; currency: string }>(
      file(),
      'SELECT * FROM settings',
    );
    expect(settings).toEqual([
      expect.objectContaining({ clinic_name: 'Hill Clinic', time_zone: 'Europe/Paris', currency: 'EUR' }),
    ]);
    const audit = query<{ action: string; user_id: number }>(file(), 'SELECT action, user_id FROM audit_log');
    expect(audit.map((a) => a.action)).toContain('setup.complete');

    const listed = await runCli(['call', 'users.list', '{}', '--db', file(), '--as', 'boss@clinic.test'], PASSWORD);
    expect(listed.code, listed.stderr).toBe(0);
    const result = JSON.parse(listed.stdout) as { ok: boolean; value: { email: string; role: string; name: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value).toEqual([
      expect.objectContaining({ email: 'boss@clinic.test', role: 'admin', name: 'Bo Boss' }),
    ]);
  });

  it('adds a second admin through the users service, audited with the first admin as actor', async () => {
    const run = await runCli(['create-admin', '--db', file(), '--email', 'deputy@clinic.test'], PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    const rows = query<{ user_id: number; email: string }>(
      file(),
      "SELECT user_id, email FROM users WHERE role = 'admin' ORDER BY user_id",
    );
    expect(rows.map((r) => r.email)).toEqual(['boss@clinic.test', 'deputy@clinic.test']);
    const audit = query<{ user_id: number; entity_id: string }>(
      file(),
      "SELECT user_id, entity_id FROM audit_log WHERE action = 'user.create'",
    );
    expect(audit).toEqual([{ user_id: rows[0]?.user_id, entity_id: String(rows[1]?.user_id) }]);

    const again = await runCli(['create-admin', '--db', file(), '--email', 'deputy@clinic.test'], PASSWORD);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already uses this email/);
    noStackTrace(again);
  });

  it('exits 1 with the error result when sign-in fails or the channel refuses the input', async () => {
    const wrong = await runCli(
      ['call', 'users.list', '{}', '--db', file(), '--as', 'boss@clinic.test'],
      'not-the-password',
    );
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    noStackTrace(wrong);

    const invalid = await runCli(
      ['call', 'users.create', '{"role":"doctor"}', '--db', file(), '--as', 'boss@clinic.test'],
      PASSWORD,
    );
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('calls a public channel without --as', async () => {
    const run = await runCli(['call', 'setup.status', '{}', '--db', file()]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, value: { needsSetup: false, clinicName: 'Hill Clinic' } });
  });
});

// Independent processes on files nobody writes: run them side by side.
describe.concurrent('bad usage exits 2 with a short usage text', () => {
  const file = () => join(dir, 'admin.sqlite');
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /Usage:/],
    ['unknown command', ['frobnicate', '--db', 'x.sqlite'], /Unknown command "frobnicate"/],
    ['missing --db', ['migrate'], /Missing --db/],
    ['unknown flag', ['migrate', '--db', 'x.sqlite', '--colour'], /--colour/],
    ['bad JSON', ['call', 'setup.status', '{not json', '--db', '@file'], /JSON is not valid/],
    ['unknown channel', ['call', 'nope.nothing', '{}', '--db', '@file'], /Unknown channel/],
    ['staff channel without --as', ['call', 'users.list', '{}', '--db', '@file'], /--as/],
    ['missing database file for call', ['call', 'setup.status', '{}', '--db', '@missing'], /No database at/],
    ['bad seed number', ['seed', '--db', '@file', '--patients', 'many'], /--patients must be a whole number/],
  ];
  it.each(cases)('%s', async (_label, args, message) => {
    const resolved = args.map((a) => (a === '@file' ? file() : a === '@missing' ? join(dir, 'missing.sqlite') : a));
    const run = await runCli(resolved);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Usage: npm run cli --/);
    expect(run.stderr.split('\n').length).toBeLessThan(8);
    expect(run.stdout).toBe('');
    noStackTrace(run);
  });

  it('lists the real channels when the channel is unknown', async () => {
    const run = await runCli(['call', 'nope.nothing', '{}', '--db', file()]);
    for (const name of CHANNEL_NAMES) expect(run.stderr).toContain(name);
  });
});
