import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../services/core/logger.ts';
import { userDataDir } from '../paths.ts';
import { REDACT_PATHS, REDACTED, safeDetails } from './redaction.ts';

export const LOG_DIR_ENV = 'CLINIC_LOG_DIR';
export const LOG_FOLDER_NAME = 'logs';
/** Files are clinic.<yyyy-MM-dd>.<n>.log, one a day (n > 1 only if a day's file was rolled by size). */
export const LOG_FILE_BASE = 'clinic';
export const LOG_KEEP_DAYS = 30;

/** A Logger that writes to files: flush before a crash exit, close when the app stops. */
export interface FileLogger extends Logger {
  readonly dir: string;
  flush(): void;
  close(): Promise<void>;
}

/**
 * Where the logs go: CLINIC_LOG_DIR if set, else logs/ beside the SQLite database, else (the
 * clinic server mode, no local file) logs/ in the per-user data folder.
 */
export function logDirFor(
  options: {
    dbFile?: string | null;
    /** The folder the database lives in (the desktop app's data folder), when there is no file yet. */
    folder?: string;
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): string {
  const env = options.env ?? process.env;
  const override = env[LOG_DIR_ENV];
  if (override) return override;
  return join(options.folder ?? (options.dbFile ? dirname(options.dbFile) : userDataDir()), LOG_FOLDER_NAME);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LOG_NAME = new RegExp(`^${LOG_FILE_BASE}\\.(\\d{4}-\\d{2}-\\d{2})\\.\\d+\\.log$`);

/**
 * Removes files older than the kept days. pino-roll's `limit` prunes only when it rolls inside a
 * running process; a desktop app closed every evening never rolls, so start-up prunes too.
 */
export function pruneOldLogs(dir: string, now: Date = new Date(), keepDays = LOG_KEEP_DAYS): string[] {
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const removed: string[] = [];
  for (const file of readdirSync(dir)) {
    const day = LOG_NAME.exec(file)?.[1];
    if (day === undefined || new Date(`${day}T23:59:59`).getTime() >= cutoff) continue;
    rmSync(join(dir, file), { force: true });
    removed.push(file);
  }
  return removed;
}

/**
 * The app's logger: pino writing JSON lines to a file rolled daily by pino-roll, used as a
 * stream in this thread (no worker transport, so it bundles with Vite like any module).
 */
export async function createFileLogger(dir: string): Promise<FileLogger> {
  mkdirSync(dir, { recursive: true });
  pruneOldLogs(dir);
  const stream = await pinoRoll({
    file: join(dir, LOG_FILE_BASE),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    // In addition to the current file.
    limit: { count: LOG_KEEP_DAYS - 1, removeOtherLogFiles: true },
    mkdir: true,
  });
  const log = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    stream,
  );
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, details?: Record<string, unknown>): void => {
      if (details === undefined) log[level](message);
      else log[level](safeDetails(details), message);
    };
  return {
    dir,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    flush: () => {
      try {
        stream.flushSync();
      } catch {
        // Nothing written yet (the file is still opening): nothing to flush.
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.end();
      }),
  };
}

/** One Logger writing to several (the web shell and the CLI: the terminal and the file). */
export function teeLogger(...loggers: readonly Logger[]): Logger {
  return {
    info: (message, details) => loggers.forEach((l) => l.info(message, details)),
    warn: (message, details) => loggers.forEach((l) => l.warn(message, details)),
    error: (message, details) => loggers.forEach((l) => l.error(message, details)),
  };
}

/**
 * A Logger that writes to `initial` until `use` gives it the file logger: the desktop app
 * learns its data folder only once Electron is ready, and crashes before that still get logged.
 */
export function switchableLogger(initial: Logger): Logger & {
  use(next: FileLogger): void;
  flush(): void;
  close(): Promise<void>;
} {
  let current: Logger = initial;
  let file: FileLogger | null = null;
  return {
    info: (message, details) => current.info(message, details),
    warn: (message, details) => current.warn(message, details),
    error: (message, details) => current.error(message, details),
    use: (next) => {
      current = next;
      file = next;
    },
    flush: () => file?.flush(),
    close: async () => {
      await file?.close();
      current = initial;
      file = null;
    },
  };
}
