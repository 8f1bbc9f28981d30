import { existsSync } from 'node:fs';
import { isPostgresUrl } from '#db/connection-any.ts';
import { startAppCore, type AppCore } from '../app-core.ts';
import type { Clock } from '../services/core/clock.ts';
import type { Logger } from '../services/core/logger.ts';
import { teeLogger } from '../logging/file-logger.ts';
import { PASSWORD_ENV, UsageError } from './args.ts';
import { promptSecret } from './prompt.ts';

/** Where a command writes, and what it reads from its environment (tests pass their own). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input as UTF-8, or null when it is longer than `maxBytes`. */
  readStdin(maxBytes: number): Promise<string | null>;
  /** Opens the file log for the database a command opens (the CLI entry's); service logs go there too. */
  openLog?: (dbFile: string) => Promise<Logger | null>;
  /** Asks for a secret without echoing it; absent when there is no terminal. Null: cancelled. */
  promptSecret?: (question: string) => Promise<string | null>;
}

async function readProcessStdin(maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  readStdin: readProcessStdin,
  ...(process.stdin.isTTY ? { promptSecret } : {}),
};

/** Service logs go to stderr, so stdout holds only the command's own output (JSON for `call`). */
export function stderrLogger(io: CliIo): Logger {
  const write = (level: string) => (message: string, details?: Record<string, unknown>) =>
    io.err(`[${level}] ${message}${details ? ` ${JSON.stringify(details)}` : ''}`);
  return { info: () => undefined, warn: write('warn'), error: write('error') };
}

/** Opens the real app core (migrating the file to the latest version), runs `fn`, closes. */
export async function withCore<T>(
  dbFile: string,
  io: CliIo,
  fn: (core: AppCore) => Promise<T>,
  clock?: Clock,
): Promise<T> {
  // --db may also name the clinic server's database (postgres://…).
  const target = isPostgresUrl(dbFile) ? { databaseUrl: dbFile } : { dbFile };
  const file = (await io.openLog?.(dbFile)) ?? null;
  const logger = file ? teeLogger(stderrLogger(io), file) : stderrLogger(io);
  const core = await startAppCore({ ...target, logger, ...(clock ? { clock } : {}) });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

export function requireExistingDb(dbFile: string): void {
  if (!isPostgresUrl(dbFile) && !existsSync(dbFile)) {
    throw new UsageError(`No database at ${dbFile}. Create it first: npm run cli -- migrate --db ${dbFile}`);
  }
}

export function passwordFromEnv(io: CliIo): string | undefined {
  const value = io.env[PASSWORD_ENV];
  return value === undefined || value === '' ? undefined : value;
}
