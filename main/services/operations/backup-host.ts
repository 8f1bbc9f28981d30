import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { useDatabaseKey, type DatabaseKey } from '#db/cipher.ts';
import { encryptFile, EncryptRefused } from '#db/encrypt-file.ts';
import type { Database } from '#db/schema.ts';
import type { Backup } from '#contract/operations.ts';
import { restoreDatabase } from './backup-restore.ts';
import { dailyBackupDue } from './backup-schedule.ts';
import type { BackupsService, OperationsHost, RestoreResult } from './backups.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

/** The part of the app core that backups and restore work on (it changes on a restore). */
export interface OperableCore {
  database: {
    /** Left out by a plain SQLite handle. */
    kind?: 'sqlite' | 'postgres';
    db: Kysely<Database>;
    raw: BetterSqlite3.Database;
    close(): Promise<void>;
  };
  services: { backups: BackupsService };
}

export interface OperationsOptions {
  /** The live SQLite file; null in PostgreSQL mode. */
  dbFile: string | null;
  clock: Clock;
  logger: Logger;
  /** How often the schedule looks at the clock (the injected clock decides what is due). */
  tickMs?: number;
}

/** Opens the live file again and rebuilds the services on it; `keepSessions`: the same clinic's data, so whoever was signed in stays. */
type ReopenDatabase = (keepSessions: boolean) => Promise<Kysely<Database>>;

/** A minute: the daily backup starts within a minute of its time. */
const TICK_MS = 60_000;

/**
 * Backups and restore for one app core: the host the backups service talks to, the restore
 * that swaps the database file, and the daily schedule (a timer that asks the injected clock
 * whether a backup is due, so tests move the test clock and call `tick`).
 */
export function createOperations({ dbFile, clock, logger, tickMs = TICK_MS }: OperationsOptions) {
  let core: OperableCore | null = null;
  let reopen: ReopenDatabase | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let ticking = false;

  const attached = (): OperableCore => {
    if (!core) throw new Error('Operations used before the app core was attached');
    return core;
  };

  /** The live file, when it is one and the app core can reopen it (refused otherwise, with why). */
  function swappableFile(what: string): { file: string; reopenDb: ReopenDatabase } {
    if (!dbFile || host.engine() !== 'sqlite' || !reopen) {
      throw new AppError('CONFLICT', `${what} is only possible when the database is a file on this computer.`);
    }
    if (host.busy.current)
      throw new AppError('CONFLICT', 'A backup or restore is already running. Wait for it to finish.');
    return { file: dbFile, reopenDb: reopen };
  }

  const host: OperationsHost = {
    engine: () => attached().database.kind ?? 'sqlite',
    raw: () => attached().database.raw,
    dbFile,
    busy: { current: null },
    async restore(actor: Actor | null, path: string): Promise<RestoreResult> {
      const { file, reopenDb } = swappableFile('Restoring');
      host.busy.current = 'restore';
      try {
        return await restoreDatabase(
          {
            dbFile: file,
            clock,
            db: () => attached().database.db,
            backups: () => attached().services.backups,
            closeCurrent: () => attached().database.close(),
            reopen: () => reopenDb(false),
          },
          actor,
          path,
        );
      } finally {
        host.busy.current = null;
      }
    },
    async encryptLive(key: DatabaseKey): Promise<Kysely<Database>> {
      const { file, reopenDb } = swappableFile("Encrypting the clinic's data");
      host.busy.current = 'encrypt';
      try {
        await attached().database.close();
        try {
          encryptFile(file, key);
        } catch (error) {
          // Nothing was swapped: the plain file opens again as it was.
          await reopenDb(true);
          if (error instanceof EncryptRefused) throw new AppError('CONFLICT', error.message);
          throw error;
        }
        useDatabaseKey(key);
        return await reopenDb(true);
      } finally {
        host.busy.current = null;
      }
    },
  };

  /** The weekly full check of the live file, after the backup (if both are due). Never throws. */
  async function fullCheck(target: OperableCore): Promise<void> {
    try {
      const outcome = await target.services.backups.runFullCheckIfDue();
      if (outcome?.ok) logger.info('Full check of the database: ok');
    } catch (error) {
      logger.error('Full check of the database failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Runs what is due now: the daily backup, then the weekly full check. Safe to call at any time; never throws. */
  async function tick(): Promise<Backup | null> {
    if (ticking || !core || !dbFile || host.busy.current) return null;
    ticking = true;
    const target = core;
    try {
      if (!(await dailyBackupDue(target.database.db, clock))) return null;
      const backup = await target.services.backups.run(null, 'auto');
      logger.info('Daily backup made', { file: backup.fileName, verified: backup.verified });
      return backup;
    } catch (error) {
      logger.error('Daily backup failed', { error: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      await fullCheck(target);
      ticking = false;
    }
  }

  return {
    host,
    tick,
    /** Connects the app core; `reopenDatabase` opens the live file again after a restore or encryption. */
    attach(target: OperableCore, reopenDatabase: ReopenDatabase): void {
      core = target;
      reopen = reopenDatabase;
    },
    start(): void {
      if (timer || !dbFile) return;
      timer = setInterval(() => void tick(), tickMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type Operations = ReturnType<typeof createOperations>;
