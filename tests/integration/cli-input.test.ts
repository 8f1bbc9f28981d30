import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.ts';

// `call` input too large for the OS argument limit (a single argument is at most 128 KiB on
// Linux): "-" reads standard input and --input FILE reads a file, through the real CLI.

const PASSWORD = 'cli-admin-password-1';
const CLI = fileURLToPath(new URL('../../main/cli/index.ts', import.meta.url));

let dir = '';
const file = (): string => join(dir, 'input.sqlite');

/** Runs the CLI with `stdin` written to its standard input. */
function runWithStdin(args: string[], stdin: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, CLINIC_PASSWORD: PASSWORD },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** A valid users.create input padded past 1 MB with JSON whitespace between its fields. */
function bigUserInput(email: string): string {
  const pad = ' \n\t'.repeat(100_000);
  const json = `{${pad}"role": "receptionist",${pad}"name": "Big Input",${pad}"email": "${email}",${pad}"password": "receptionist-pass-1"${pad}}`;
  expect(Buffer.byteLength(json)).toBeGreaterThan(1_000_000);
  return json;
}

const asAdmin = ['--db', '@', '--as', 'boss@clinic.test'];
const withFile = (args: string[]): string[] => args.map((a) => (a === '@' ? file() : a));

async function listedEmails(): Promise<string[]> {
  const listed = await runCli(withFile(['call', 'users.list', '{}', ...asAdmin]), PASSWORD);
  expect(listed.code, listed.stderr).toBe(0);
  return (JSON.parse(listed.stdout) as { value: { email: string }[] }).value.map((u) => u.email);
}

// The command line on a SQLite file: nothing here differs on PostgreSQL (pg-cli-seed covers --db URL).
describe('call input from standard input and from a file', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-cli-input-'));
    const created = await runCli(['create-admin', '--db', file(), '--email', 'boss@clinic.test'], PASSWORD);
    expect(created.code, created.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a >1 MB input from standard input with "-"', async () => {
    const run = await runWithStdin(withFile(['call', 'users.create', '-', ...asAdmin]), bigUserInput('in@clinic.test'));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    expect(await listedEmails()).toContain('in@clinic.test');
  }, 60_000);

  it('reads a >1 MB input from --input FILE (a byte-order mark is allowed)', async () => {
    const input = join(dir, 'big.json');
    writeFileSync(input, `\uFEFF${bigUserInput('file@clinic.test')}`);
    const run = await runCli(withFile(['call', 'users.create', '--input', input, ...asAdmin]), PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    expect(await listedEmails()).toContain('file@clinic.test');
  }, 60_000);

  it('refuses a missing file, a folder, a file of bad JSON, and two inputs at once, as bad usage', async () => {
    const before = await listedEmails();
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"role": ');
    const cases: [string[], RegExp][] = [
      [['--input', join(dir, 'nope.json')], /--input .*nope\.json: there is no such file\./],
      [['--input', folder], /--input .*a-folder is not a file\./],
      [['--input', bad], /JSON is not valid in .*bad\.json/],
      [['{}', '--input', bad], /Give the JSON input once/],
      [[], /call needs its JSON input/],
    ];
    // Independent child processes that never write: run them side by side.
    const runs = await Promise.all([
      ...cases.map(([extra]) => runCli(withFile(['call', 'users.create', ...extra, ...asAdmin]), PASSWORD)),
      runWithStdin(withFile(['call', 'users.create', '-', ...asAdmin]), ''),
    ]);
    const expected: RegExp[] = [...cases.map(([, message]) => message), /JSON is not valid on standard input/];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(expected[i] ?? /never/);
      expect(run.stderr).toMatch(/Usage: npm run cli -- call/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
    expect(await listedEmails()).toEqual(before);
  }, 120_000);
});
