import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseKeyInUse, fileEncryption, useDatabaseKey, type FileEncryption } from '#db/cipher.ts';
import { newDatabaseKey } from '#db/database-key.ts';
import { createRng } from '../../main/cli/seed/prng.ts';
import {
  acknowledge,
  checkAfterCrash,
  noneAcknowledged,
  setUpCrashClinic,
  type Acknowledged,
} from '../support/crash-setup.ts';

// Crash survival: a worker books, pays and messages through the real app core; we SIGKILL it
// at random (seeded) moments, reopen the file each time and check it. Used by the bounded
// test in `npm test` and by `npm run bench -- --crash 50`.

const WORKER = fileURLToPath(new URL('../support/crash-worker.ts', import.meta.url));

export interface CrashReport {
  kills: number;
  acknowledged: { appointments: number; cancelled: number; payments: number; messages: number };
  problems: string[];
  seed: number;
  /** How the file was stored at the end: 'encrypted' or 'plain'. */
  encryption: FileEncryption;
}

interface RunOptions {
  kills: number;
  seed?: number;
  /** After the worker is ready, it is killed within this many milliseconds. */
  maxLifeMs?: number;
  log?: (line: string) => void;
  /** The clinic's file encrypted with a new key (the workers get it through CLINIC_DB_KEY). */
  encrypted?: boolean;
}

interface Worker {
  /** Starts its loop; resolves when it has been killed (SIGKILL) `lifeMs` after it is ready. */
  run(lifeMs: number): Promise<void>;
  /** Kills it before it started (the one spawned for a round that does not come). */
  stop(): Promise<void>;
}

/**
 * Spawns a worker that loads its modules and then waits for "go", so the next one can start
 * while the parent checks the file after the last kill.
 */
function spawnWorker(file: string, seed: number, ack: Acknowledged): Worker {
  const key = databaseKeyInUse();
  const child = spawn(process.execPath, [WORKER, file, String(seed)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Dozens of workers load the same modules: V8's compile cache saves a third of each start.
    env: {
      ...process.env,
      NODE_COMPILE_CACHE: join(tmpdir(), 'clinic-crash-compile-cache'),
      ...(key ? { CLINIC_DB_KEY: key } : {}),
    },
  });
  let pending = '';
  let errors = '';
  let lifeMs = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      acknowledge(ack, line);
      if (line.includes('"ready"') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), lifeMs);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // A worker that stopped by itself failed: a refused booking, a crash of its own.
      if (signal !== 'SIGKILL') reject(new Error(`the worker exited by itself (${code}): ${errors.slice(-2000)}`));
      else resolve();
    });
  });
  // Not awaited until run(): keep an early failure from being an unhandled rejection.
  exited.catch(() => undefined);
  return {
    run(life) {
      lifeMs = life;
      child.stdin.end('go\n');
      return exited;
    },
    stop() {
      child.kill('SIGKILL');
      return exited.catch(() => undefined);
    },
  };
}

export async function runCrashSurvival({
  kills,
  seed = Date.now() % 1_000_000,
  maxLifeMs = 400,
  log = () => undefined,
  encrypted = false,
}: RunOptions): Promise<CrashReport> {
  const keyBefore = databaseKeyInUse();
  // The parent's own opens (set-up, the check after each kill) use the same key.
  useDatabaseKey(encrypted ? newDatabaseKey() : null);
  const dir = mkdtempSync(join(tmpdir(), 'clinic-crash-'));
  const file = join(dir, 'clinic.sqlite');
  const rng = createRng(seed, 'crash-survival');
  const ack = noneAcknowledged();
  const problems: string[] = [];
  let next: Worker | null = null;
  let encryption: FileEncryption;
  try {
    await setUpCrashClinic(file);
    next = spawnWorker(file, rng.int(1, 1_000_000), ack);
    for (let kill = 1; kill <= kills && problems.length === 0; kill++) {
      const worker = next;
      await worker.run(rng.int(0, maxLifeMs));
      next = spawnWorker(file, rng.int(1, 1_000_000), ack);
      const found = await checkAfterCrash(file, ack);
      problems.push(...found.map((p) => `after kill ${kill}: ${p}`));
      log(
        `kill ${kill}: ${ack.appointments.size} appointments, ${ack.payments.size} payments, ${ack.messages.size} messages acknowledged so far; ${found.length === 0 ? 'all present, invariants hold' : found.join('; ')}`,
      );
    }
  } finally {
    await next?.stop();
    encryption = fileEncryption(file);
    useDatabaseKey(keyBefore);
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    kills,
    seed,
    problems,
    encryption,
    acknowledged: {
      appointments: ack.appointments.size,
      cancelled: ack.cancelled.size,
      payments: ack.payments.size,
      messages: ack.messages.size,
    },
  };
}

/** `npm run bench -- --crash N`: true when every check passed. */
export async function crashBench(kills: number, log: (line: string) => void, encrypted: boolean): Promise<boolean> {
  const report = await runCrashSurvival({ kills, maxLifeMs: 1500, log, encrypted });
  log(
    `\nseed ${report.seed}: ${report.kills} kills${encrypted ? ' on an encrypted file' : ''}, ${JSON.stringify(report.acknowledged)} acknowledged`,
  );
  for (const problem of report.problems) log(`PROBLEM ${problem}`);
  log(report.problems.length === 0 ? 'Every acknowledged write survived; the invariants hold.' : 'FAILED');
  return report.problems.length === 0;
}
