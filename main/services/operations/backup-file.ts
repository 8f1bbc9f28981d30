import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { databaseKeyInUse, fileEncryption } from '#db/cipher.ts';
import { MIGRATIONS } from '#db/migrate.ts';
import { readCopyFacts, sealCopy, type CheckLevel, type CopyFacts } from './backup-check.ts';
import type { BackupJob, WorkerMessage } from './backup-worker.ts';

// The file side of backups: copy a live database with SQLite's online backup API (the app
// keeps working while it runs) and check a copy the way a restore would need it.

export interface Verification {
  ok: boolean;
  /** What `PRAGMA quick_check` (a fresh backup) or `integrity_check` said ("ok", or its first problems); null if unreadable. */
  integrity: string | null;
  /** The last migration the copy has (e.g. "0009_operations"); null when unknown. */
  schemaVersion: string | null;
  rowCounts: Record<string, number>;
  /** A whole sentence when something is wrong. */
  message: string | null;
}

const KNOWN_VERSIONS = new Set(Object.keys(MIGRATIONS));

const failed = (message: string, partial: Partial<Verification> = {}): Verification => ({
  ok: false,
  integrity: null,
  schemaVersion: null,
  rowCounts: {},
  ...partial,
  message,
});

/**
 * Copies the open database into `destination` page by page (the app's reads and writes go
 * on between steps), then turns the copy into a single self-contained file (no -wal).
 */
export async function copyDatabase(
  source: BetterSqlite3.Database,
  destination: string,
  onProgress: (percent: number) => void,
): Promise<void> {
  onProgress(0);
  if (fileEncryption(source.name) === 'encrypted') {
    // The backup API cannot write a keyed target (see copyFileSnapshot).
    source.prepare('VACUUM INTO ?').run(destination);
    onProgress(100);
    return;
  }
  await source.backup(destination, {
    progress({ totalPages, remainingPages }) {
      onProgress(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
      return 200;
    },
  });
  sealCopy(destination);
  onProgress(100);
}

/** What a copy's facts mean for a restore: the whole sentence when it cannot be used. */
export function toVerification(facts: CopyFacts): Verification {
  switch (facts.kind) {
    case 'missing':
      return failed('The backup file is missing.');
    case 'locked':
      return failed(
        "The backup file could not be read with this clinic's key: it is encrypted with another key, damaged, or not a Clinic desk backup.",
      );
    case 'unreadable':
      return failed('The backup file could not be read as a database: it is damaged or not a Clinic desk backup.');
    case 'damaged':
      return failed('The backup file is damaged: the integrity check found problems.', { integrity: facts.integrity });
    case 'read': {
      const { integrity, schemaVersion, rowCounts } = facts;
      if (!schemaVersion) {
        return failed('This file is not a Clinic desk database: it has no schema version.', { integrity });
      }
      if (!KNOWN_VERSIONS.has(schemaVersion)) {
        return failed('This backup was made by a newer version of Clinic desk. Update the app first.', {
          integrity,
          schemaVersion,
          rowCounts,
        });
      }
      return { ok: true, integrity, schemaVersion, rowCounts, message: null };
    }
  }
}

/**
 * Reopens a copy read-only: integrity check, schema version and the row count of every table,
 * on this thread (it blocks until SQLite has read the whole file). The app uses the worker:
 * `verifyInWorker`.
 */
export function verifyDatabaseFile(path: string, level: CheckLevel = 'full'): Verification {
  return toVerification(readCopyFacts(path, level));
}

/** Where the worker is: beside this file (source), or beside/above it in the bundle (out/main). */
function workerFile(): string | null {
  const candidates = ['./backup-worker.ts', './backup-worker.js', '../backup-worker.js'];
  for (const candidate of candidates) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

class WorkerUnavailable extends Error {}

/** Runs a job in the backup worker; rejects with WorkerUnavailable if it never started. */
function runWorker(job: BackupJob, onCopied: (copied: number, total: number) => void): Promise<CopyFacts> {
  const file = workerFile();
  if (!file) return Promise.reject(new WorkerUnavailable('the backup worker file is not there'));
  return new Promise<CopyFacts>((resolvePromise, reject) => {
    let started = false;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: job });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') started = true;
      else if (message.type === 'copied') onCopied(message.copied, message.total);
      else if (message.type === 'done') settle(() => resolvePromise(message.facts));
      else if (message.type === 'failed') settle(() => reject(new Error(message.error)));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(started ? error : new WorkerUnavailable(error instanceof Error ? error.message : String(error))),
      ),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          started
            ? new Error(`the backup worker stopped (${code})`)
            : new WorkerUnavailable(`the backup worker stopped before it started (${code})`),
        ),
      ),
    );
  });
}

export interface BackupSource {
  /** The live connection: used only when the worker cannot run. */
  raw(): BetterSqlite3.Database;
  /** The live file; null when the database is not a file (then the copy runs on this thread). */
  file: string | null;
}

export interface BackupOptions {
  onProgress?: (percent: number) => void;
  /** Tests and the bench: force one path. */
  mode?: 'worker' | 'thread';
  onFallback?: (reason: string) => void;
}

/**
 * Copies the live database into `destination` and verifies the copy. Both run in the backup
 * worker (main's thread only relays progress, so every desk keeps its answers); if the worker
 * cannot start (e.g. a packaged build without it), the online backup runs here between
 * event-loop turns and the check blocks as before. Progress: the copy is 0–50 %, then the check.
 */
export async function backupAndVerify(
  source: BackupSource,
  destination: string,
  { onProgress = () => undefined, mode, onFallback = () => undefined }: BackupOptions = {},
): Promise<Verification> {
  onProgress(0);
  if (source.file && mode !== 'thread') {
    try {
      const facts = await runWorker(
        { source: source.file, destination, key: databaseKeyInUse(), check: 'quick' },
        (copied, total) => onProgress(total === 0 ? 50 : Math.floor((copied / total) * 50)),
      );
      onProgress(100);
      return toVerification(facts);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable) || mode === 'worker') throw error;
      onFallback(error.message);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(destination + suffix, { force: true });
    }
  }
  await copyDatabase(source.raw(), destination, (percent) => onProgress(Math.floor(percent / 2)));
  const verification = verifyDatabaseFile(destination, 'quick');
  onProgress(100);
  return verification;
}

/** Verifies a file fully (one to restore) in the backup worker (this thread if the worker cannot start). */
export async function verifyInWorker(path: string, mode?: 'worker' | 'thread'): Promise<Verification> {
  if (mode === 'thread') return verifyDatabaseFile(path);
  try {
    return toVerification(
      await runWorker({ source: null, destination: path, key: databaseKeyInUse(), check: 'full' }, () => undefined),
    );
  } catch (error) {
    if (!(error instanceof WorkerUnavailable) || mode === 'worker') throw error;
    return verifyDatabaseFile(path);
  }
}

/**
 * The weekly full check of the live file: `integrity_check` in the backup worker, on a
 * read-only connection of its own (the desks keep writing). Never on main's thread: on a big
 * file it reads for tens of seconds, so if the worker cannot start it is not run.
 */
export async function fullCheckInWorker(liveFile: string): Promise<CopyFacts> {
  return runWorker({ source: null, destination: liveFile, key: databaseKeyInUse(), check: 'full' }, () => undefined);
}
