import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { DatabaseKey } from '#db/cipher.ts';
import type { BackupKind, BackupSettingsRow, Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import { BACKUP_WARN_HOURS, type Backup, type BackupSettings, type BackupStatus } from '#contract/operations.ts';
import { writeAudit } from '../core/audit.ts';
import { backupAndVerify, fullCheckInWorker, type Verification } from './backup-file.ts';
import { claimFullCheck, finishFullCheck, fullCheckResult, lastFullCheck } from './full-check.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, staleRecord } from '../core/errors.ts';
import { backupFileName, toBackup, toSettings, uniquePath } from './backup-records.ts';

/**
 * What backups need from the app core, beyond the services' database: the raw SQLite handle
 * (or the knowledge that there is none), the live file, and the restore that swaps it. It
 * outlives the services, which are rebuilt after a restore.
 */
export interface OperationsHost {
  /** 'sqlite' when the live database is a file on this computer. */
  engine(): 'sqlite' | 'postgres';
  raw(): BetterSqlite3.Database;
  dbFile: string | null;
  /** Set while a backup, a restore or the encryption of the live file runs: only one at a time. */
  busy: { current: 'backup' | 'restore' | 'encrypt' | null };
  /** Tests only: force the backup worker or main's thread (default: the worker, else the thread). */
  backupMode?: 'worker' | 'thread';
  restore(actor: Actor | null, path: string): Promise<RestoreResult>;
  /**
   * Encrypts the live file with `key` through a checked copy (db/encrypt-file.ts), the plain file
   * kept beside it; the app's database is closed for the swap and opened again. Returns the
   * reopened database (the services are rebuilt on it).
   */
  encryptLive(key: DatabaseKey): Promise<Kysely<Database>>;
}

/** A restore: the backup put back, the safety copy made first, and the restoring admin's name. */
export interface RestoreResult {
  restored: Backup;
  safetyBackup: Backup;
  /** The admin's name as the live database knew it; null from the command line. */
  restoredBy: string | null;
}

export interface BackupSettingsUpdate {
  version: number;
  folder: string;
  dailyTime: string;
  keepCount: number;
  enabled: boolean;
}

export const SERVER_MODE_MESSAGE =
  'Backups are made by the clinic database server in server mode. Ask whoever runs the server to back it up.';

export function createBackupsService({ db, clock, logger }: ServiceDeps, host: OperationsHost | null) {
  function requireSqlite(): OperationsHost {
    if (!host || host.engine() !== 'sqlite') throw new AppError('CONFLICT', SERVER_MODE_MESSAGE);
    return host;
  }

  async function settingsRow(): Promise<BackupSettingsRow> {
    return db.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }

  async function getSettings(): Promise<BackupSettings> {
    return toSettings(await settingsRow());
  }

  async function updateSettings(actor: Actor, input: BackupSettingsUpdate): Promise<BackupSettings> {
    const folder = resolve(input.folder);
    if (!isAbsolute(input.folder)) {
      throw new AppError('VALIDATION', 'Enter the backup folder as a full path, for example E:\\ClinicBackups.', {
        folder: 'Enter the backup folder as a full path, for example E:\\ClinicBackups.',
      });
    }
    if (host?.dbFile && resolve(host.dbFile, '..') === folder) {
      const message = 'Choose a backup folder other than the one the live database is in, ideally another drive.';
      throw new AppError('VALIDATION', message, { folder: message });
    }
    return writeTx(db, async (trx) => {
      const before = await trx.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      if (before.version !== input.version) throw staleRecord('backup settings');
      const after = await trx
        .updateTable('backup_settings')
        .set({
          folder,
          daily_time: input.dailyTime,
          keep_count: input.keepCount,
          enabled: input.enabled ? 1 : 0,
          version: before.version + 1,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', 1)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'backup.settings',
        entity: 'backup_settings',
        entityId: 1,
        before: toSettings(before),
        after: toSettings(after),
      });
      return toSettings(after);
    });
  }

  async function list(): Promise<Backup[]> {
    const rows = await db.selectFrom('backups').selectAll().orderBy('backup_id', 'desc').limit(500).execute();
    return rows.map(toBackup);
  }

  async function get(backupId: number): Promise<Backup> {
    const row = await db.selectFrom('backups').selectAll().where('backup_id', '=', backupId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That backup is not in the list any more. Reload the list.');
    return toBackup(row);
  }

  /** Deletes the oldest files beyond the keep count; the newest verified backup is always kept. */
  async function prune(keepCount: number): Promise<number> {
    const live = await db
      .selectFrom('backups')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('kind', 'in', ['auto', 'manual'])
      .orderBy('backup_id', 'desc')
      .execute();
    const newestGood = live.find((r) => r.verified === 'ok')?.backup_id;
    const doomed = live.slice(keepCount).filter((r) => r.backup_id !== newestGood);
    for (const row of doomed) {
      rmSync(row.path, { force: true });
      await writeTx(db, async (trx) => {
        await trx
          .updateTable('backups')
          .set({ deleted_at: clock.now().toISOString() })
          .where('backup_id', '=', row.backup_id)
          .execute();
        await writeAudit(trx, clock, {
          userId: null,
          action: 'backup.pruned',
          entity: 'backup',
          entityId: row.backup_id,
          before: { fileName: row.file_name },
        });
      });
    }
    return doomed.length;
  }

  /**
   * Backs up the live database into the backup folder, verifies the copy, records it and
   * prunes old ones. `onProgress` gets 0-100 while pages are copied and the copy is checked.
   */
  async function run(
    actor: Actor | null,
    kind: BackupKind,
    onProgress: (percent: number) => void = () => undefined,
  ): Promise<Backup> {
    const ops = requireSqlite();
    const settings = await settingsRow();
    // The safety copy before a restore is always made: next to the database if no folder is set.
    const folder =
      settings.folder ??
      (kind === 'pre-restore' && ops.dbFile ? join(dirname(ops.dbFile), 'pre-restore-backups') : null);
    if (!folder) {
      const message = 'Choose a backup folder in the backup settings first.';
      throw new AppError('VALIDATION', message, { folder: message });
    }
    const started = clock.now();
    const backup = await exclusive(kind, async () => {
      try {
        mkdirSync(folder, { recursive: true });
      } catch {
        const message = 'The backup folder cannot be created or reached. Check that the drive is connected.';
        throw new AppError('VALIDATION', message, { folder: message });
      }
      return makeAndRecord(ops, actor, kind, uniquePath(folder, backupFileName(started, kind)), started, onProgress);
    });
    if (kind !== 'pre-restore') await prune(settings.keep_count);
    return backup;
  }

  /**
   * A backup to a file the caller chose (the command line's `--out`): verified and listed the
   * same way, with kind `cli`; never pruned (the file is not in the backup folder's rotation).
   */
  async function runTo(actor: Actor | null, destination: string, onProgress?: (percent: number) => void) {
    const ops = requireSqlite();
    const path = resolve(destination);
    if (existsSync(path)) {
      const message = `${path} already exists. Choose a new file name for the backup.`;
      throw new AppError('VALIDATION', message, { out: message });
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      const message = `The folder of ${path} cannot be created or reached.`;
      throw new AppError('VALIDATION', message, { out: message });
    }
    return exclusive('cli', () => makeAndRecord(ops, actor, 'cli', path, clock.now(), onProgress ?? (() => undefined)));
  }

  async function exclusive<T>(kind: BackupKind, fn: () => Promise<T>): Promise<T> {
    const ops = requireSqlite();
    if (ops.busy.current && kind !== 'pre-restore') {
      throw new AppError('CONFLICT', 'A backup or restore is already running. Wait for it to finish.');
    }
    const previous = ops.busy.current;
    if (!previous) ops.busy.current = 'backup';
    try {
      return await fn();
    } finally {
      if (!previous) ops.busy.current = null;
    }
  }

  async function makeAndRecord(
    ops: OperationsHost,
    actor: Actor | null,
    kind: BackupKind,
    path: string,
    started: Date,
    onProgress: (percent: number) => void,
  ): Promise<Backup> {
    const startedMs = Date.now();
    let verification: Verification;
    try {
      verification = await backupAndVerify({ raw: () => ops.raw(), file: ops.dbFile }, path, {
        onProgress,
        ...(ops.backupMode ? { mode: ops.backupMode } : {}),
        onFallback: (reason) => logger.warn('Backup verified on the main thread', { reason }),
      });
    } catch (error) {
      logger.error('Backup failed', { error: String(error) });
      verification = {
        ok: false,
        integrity: null,
        schemaVersion: null,
        rowCounts: {},
        message: 'The backup could not be written. Check that the backup drive has space and is connected.',
      };
    }
    const sizeBytes = existsSync(path) ? statSync(path).size : 0;
    const row = await writeTx(db, async (trx) => {
      const inserted = await trx
        .insertInto('backups')
        .values({
          file_name: basename(path),
          path,
          created_at: started.toISOString(),
          size_bytes: sizeBytes,
          kind,
          schema_version: verification.schemaVersion,
          row_counts_json: JSON.stringify(verification.rowCounts),
          integrity_result: verification.integrity,
          verified: verification.ok ? 'ok' : 'failed',
          message: verification.message,
          duration_ms: Math.max(0, Date.now() - startedMs),
          created_by: actor?.userId ?? null,
          deleted_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor?.userId ?? null,
        action: 'backup.created',
        entity: 'backup',
        entityId: inserted.backup_id,
        after: { fileName: inserted.file_name, kind, verified: inserted.verified, sizeBytes },
      });
      return inserted;
    });
    return toBackup(row);
  }

  /** The age of the last verified backup, for the home-screen warning of every desk. */
  async function status(): Promise<BackupStatus> {
    if (!host || host.engine() !== 'sqlite')
      return { available: false, lastGoodAt: null, ageHours: null, warn: false, lastFullCheck: null };
    const fullCheck = await lastFullCheck(db);
    const last = await db
      .selectFrom('backups')
      .select('created_at')
      .where('verified', '=', 'ok')
      .orderBy('backup_id', 'desc')
      .executeTakeFirst();
    if (!last) return { available: true, lastGoodAt: null, ageHours: null, warn: true, lastFullCheck: fullCheck };
    const ageHours = Math.floor((clock.now().getTime() - Date.parse(last.created_at)) / 3_600_000);
    return {
      available: true,
      lastGoodAt: last.created_at,
      ageHours,
      warn: ageHours >= BACKUP_WARN_HOURS,
      lastFullCheck: fullCheck,
    };
  }

  /**
   * The weekly full check of the live file, when it is due and this process claimed it (see
   * full-check.ts); its outcome, or null when nothing ran. Runs in the backup worker only.
   */
  async function runFullCheckIfDue(): Promise<{ ok: boolean; result: string } | null> {
    if (!host || host.engine() !== 'sqlite' || !host.dbFile) return null;
    const checkId = await claimFullCheck(db, clock);
    if (checkId === null) return null;
    let outcome: { ok: boolean; result: string };
    try {
      outcome = fullCheckResult(await fullCheckInWorker(host.dbFile));
    } catch (error) {
      logger.error('Full check of the database could not run', { error: String(error) });
      outcome = { ok: false, result: 'The check could not run on this computer.' };
    }
    await finishFullCheck(db, clock, checkId, outcome);
    if (!outcome.ok) logger.error('Full check of the database found problems', { result: outcome.result });
    return outcome;
  }

  /** Restores a listed backup or a chosen file (the app core swaps the database). */
  async function restore(actor: Actor | null, source: { backupId?: number | undefined; path?: string | undefined }) {
    const ops = requireSqlite();
    const path = source.backupId !== undefined ? (await get(source.backupId)).path : resolve(source.path ?? '');
    return ops.restore(actor, path);
  }

  return { getSettings, updateSettings, list, get, run, runTo, prune, status, restore, runFullCheckIfDue };
}

export type BackupsService = ReturnType<typeof createBackupsService>;
