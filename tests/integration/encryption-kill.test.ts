import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEncryption, openRawSqlite } from '#db/cipher.ts';
import { newDatabaseKey } from '#db/database-key.ts';
import { PLAIN_COPY_SUFFIX, rowCounts } from '#db/encrypt-file.ts';

// Encrypting an existing clinic, killed (SIGKILL) at random moments: the clinic's path always
// opens afterwards (plain before the swap, encrypted with the key after) with every row.

const CHILD = fileURLToPath(new URL('../support/encrypt-child.ts', import.meta.url));
const RUNS = 10;
const key = newDatabaseKey();
let dir: string;
let fixture: string;
let expected: Record<string, number>;

function makeFixture(file: string): Record<string, number> {
  const conn = new BetterSqlite3(file);
  conn.pragma('journal_mode = WAL');
  conn.exec('CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, notes TEXT)');
  conn.exec('CREATE TABLE payments (id INTEGER PRIMARY KEY, patient_id INTEGER, amount INTEGER)');
  const patient = conn.prepare('INSERT INTO patients (name, phone, notes) VALUES (?, ?, ?)');
  const payment = conn.prepare('INSERT INTO payments (patient_id, amount) VALUES (?, ?)');
  conn.transaction(() => {
    for (let i = 1; i <= 60_000; i++) {
      patient.run(`Patient ${i}`, `0700 ${String(i).padStart(6, '0')}`, `Notes for patient ${i} `.repeat(4));
      payment.run(i, i * 100);
    }
  })();
  const counts = rowCounts(conn);
  conn.close();
  return counts;
}

/** Runs the child; kills it `killAfterMs` after it starts encrypting (null: lets it finish). */
function runChild(file: string, killAfterMs: number | null): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file], {
      env: { ...process.env, CLINIC_DB_KEY: key },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let started = 0;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('spawn', () => {
      // Give the child time to load its modules before "go", so the delay measures the work.
      setTimeout(() => {
        started = Date.now();
        child.stdin.write('go\n');
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }, 1500);
    });
    child.on('close', () => resolve({ finished: out.includes('done'), ms: Date.now() - started }));
  });
}

function countsOf(file: string): Record<string, number> {
  const state = fileEncryption(file);
  const conn = openRawSqlite(file, { fileMustExist: true }, state === 'encrypted' ? key : null);
  try {
    expect(conn.pragma('quick_check', { simple: true })).toBe('ok');
    return rowCounts(conn);
  } finally {
    conn.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-encrypt-kill-'));
  fixture = join(dir, 'fixture.sqlite');
  expected = makeFixture(fixture);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encrypting an existing clinic, killed at random moments', () => {
  it('always leaves a clinic that opens with every row, old or new', { timeout: 120_000 }, async () => {
    const calibration = join(dir, 'calibration.sqlite');
    copyFileSync(fixture, calibration);
    const full = await runChild(calibration, null);
    expect(full.finished).toBe(true);
    expect(fileEncryption(calibration)).toBe('encrypted');
    expect(countsOf(calibration)).toEqual(expected);

    for (let run = 0; run < RUNS; run++) {
      const file = join(dir, `run-${run}.sqlite`);
      copyFileSync(fixture, file);
      const killAfter = Math.floor(Math.random() * full.ms * 1.2);
      await runChild(file, killAfter);
      const state = fileEncryption(file);
      expect(['plain', 'encrypted']).toContain(state);
      expect(countsOf(file), `run ${run}, killed after ${killAfter} ms (${state})`).toEqual(expected);
      // The plain file is kept until the admin confirms: whenever the swap happened it is there.
      if (state === 'encrypted') expect(countsOf(file + PLAIN_COPY_SUFFIX)).toEqual(expected);
    }
  });
});
