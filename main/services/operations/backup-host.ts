import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
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

/** A minute: the daily backup starts within a minute of its time. */
const TICK_MS = 60_000;

/**
 * Backups and restore for one app core: the host the backups service talks to, the restore
 * that swaps the database file, and the daily schedule (a timer that asks the injected clock
 * whether a backup is due, so tests move the test clock and call `tick`).
 */
export function createOperations({ dbFile, clock, logger, tickMs = TICK_MS }: OperationsOptions) {
  let core: OperableCore | null = null;
  let reopen: (() => Promise<Kysely<Database>>) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let ticking = false;

  const attached = (): OperableCore => {
    if (!core) throw new Error('Operations used before the app core was attached');
    return core;
  };

  const host: OperationsHost = {
    engine: () => attached().database.kind ?? 'sqlite',
    raw: () => attached().database.raw,
    dbFile,
    busy: { current: null },
    async restore(actor: Actor | null, path: string): Promise<RestoreResult> {
      if (!dbFile || host.engine() !== 'sqlite' || !reopen) {
        throw new AppError('CONFLICT', 'Restoring is only possible when the database is a file on this computer.');
      }
      if (host.busy.current)
        throw new AppError('CONFLICT', 'A backup or restore is already running. Wait for it to finish.');
      host.busy.current = 'restore';
      const reopenDb = reopen;
      try {
        return await restoreDatabase(
          {
            dbFile,
            clock,
            db: () => attached().database.db,
            backups: () => attached().services.backups,
            closeCurrent: () => attached().database.close(),
            reopen: reopenDb,
          },
          actor,
          path,
        );
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
    /** Connects the app core; `reopenDatabase` opens the live file again after a restore. */
    attach(target: OperableCore, reopenDatabase: () => Promise<Kysely<Database>>): void {
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
