import { isPostgresUrl } from '#db/connection-any.ts';
import { silentLogger, type Logger } from '../services/core/logger.ts';
import { createFileLogger, LOG_DIR_ENV, logDirFor, switchableLogger, teeLogger } from './file-logger.ts';

/**
 * The CLI's log: `stderr`, and once a command opens a database, also the file log beside that
 * database file, or in CLINIC_LOG_DIR. Opened only then, so `help`, a usage error or
 * a missing file writes no file, and a server URL without CLINIC_LOG_DIR writes none either
 * (a throwaway run never writes into the per-user folder).
 */
export function createCliLog(env: Readonly<Record<string, string | undefined>>, stderr: Logger) {
  const log = switchableLogger(silentLogger);
  let opened: Promise<Logger | null> | null = null;
  /** The file log for `dbFile` (the first database a command opens), or null. */
  const open = (dbFile: string): Promise<Logger | null> =>
    (opened ??= (async () => {
      const file = isPostgresUrl(dbFile) ? null : dbFile;
      if (!file && !env[LOG_DIR_ENV]) return null;
      log.use(await createFileLogger(logDirFor({ dbFile: file, env })));
      return log;
    })());
  // What the crash handlers write to: the terminal and, once open, the file.
  const logger = { ...teeLogger(stderr, log), flush: () => log.flush() };
  return { logger, open, close: () => log.close() };
}
