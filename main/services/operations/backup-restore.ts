import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { openSqlite } from '#db/connection.ts';
import { migrateToLatest } from '#db/migrate.ts';
import type { BackupRow, Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import { writeAudit } from '../core/audit.ts';
import { verifyInWorker } from './backup-file.ts';
import type { BackupsService, RestoreResult } from './backups.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

/** What a restore needs from the app core: the live file, its services, and the swap. */
export interface RestoreContext {
  dbFile: string;
  clock: Clock;
  db(): Kysely<Database>;
  backups(): BackupsService;
  /** Closes the live database (the file can then be replaced). */
  closeCurrent(): Promise<void>;
  /** Opens `dbFile` again and rebuilds the services on it; returns the new database. */
  reopen(): Promise<Kysely<Database>>;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeWithSideFiles(file: string): void {
  rmSync(file, { force: true });
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
}

/** Copies the backup rows the restored file does not know yet, so the list stays complete. */
async function carryBackupRows(db: Kysely<Database>, rows: readonly BackupRow[]): Promise<void> {
  const known = new Set((await db.selectFrom('backups').select('path').execute()).map((r) => r.path));
  const missing = rows.filter((r) => !known.has(r.path));
  if (missing.length === 0) return;
  await writeTx(db, async (trx) => {
    for (const row of missing) {
      const { backup_id: _id, ...values } = row;
      await trx
        .insertInto('backups')
        .values({ ...values, created_by: null })
        .execute();
    }
  });
}

async function actorIn(db: Kysely<Database>, actor: Actor | null): Promise<number | null> {
  if (!actor) return null;
  const row = await db
    .selectFrom('users')
    .select('user_id')
    .where('user_id', '=', actor.userId)
    .where('role', '=', actor.role)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/**
 * Restores the file at `sourcePath`: checks it, backs up the live database first, migrates a
 * copy of it next to the live file, swaps the files and reopens. Nothing is touched before the
 * checks and the safety backup have passed; the audit row is written into the restored file.
 */
export async function restoreDatabase(
  ctx: RestoreContext,
  actor: Actor | null,
  sourcePath: string,
): Promise<RestoreResult> {
  const checked = await verifyInWorker(sourcePath);
  if (!checked.ok) {
    throw new AppError('VALIDATION', checked.message ?? 'This backup cannot be restored.', {
      backupId: checked.message ?? 'This backup cannot be restored.',
    });
  }
  const listed = (await ctx.backups().list()).find((b) => b.path === sourcePath);
  const restoredBy = actor
    ? ((await ctx.db().selectFrom('users').select('name').where('user_id', '=', actor.userId).executeTakeFirst())
        ?.name ?? null)
    : null;
  const safetyBackup = await ctx.backups().run(actor, 'pre-restore');
  if (safetyBackup.verified !== 'ok') {
    throw new AppError(
      'CONFLICT',
      'The current database could not be backed up first, so nothing was restored. Check the backup folder.',
    );
  }

  // Migrate a staged copy next to the live file: the live database is untouched until the swap.
  const staged = `${ctx.dbFile}.restoring`;
  removeWithSideFiles(staged);
  copyFileSync(sourcePath, staged);
  const oldRows = await ctx.db().selectFrom('backups').selectAll().orderBy('backup_id').execute();
  try {
    const handle = openSqlite(staged);
    try {
      await migrateToLatest(handle.db);
      await carryBackupRows(handle.db, oldRows);
    } finally {
      await handle.close();
    }
    const migrated = await verifyInWorker(staged);
    if (!migrated.ok) throw new AppError('CONFLICT', migrated.message ?? 'The backup could not be brought up to date.');
  } catch (error) {
    removeWithSideFiles(staged);
    if (error instanceof AppError) throw error;
    throw new AppError('CONFLICT', 'The backup could not be brought up to date, so nothing was restored.');
  }

  await ctx.closeCurrent();
  removeWithSideFiles(ctx.dbFile);
  renameSync(staged, ctx.dbFile);
  for (const suffix of SIDE_FILES) if (existsSync(staged + suffix)) rmSync(staged + suffix, { force: true });
  const db = await ctx.reopen();

  const userId = await actorIn(db, actor);
  await writeTx(db, (trx) =>
    writeAudit(trx, ctx.clock, {
      userId,
      action: 'backup.restored',
      entity: 'backup',
      entityId: listed?.backupId ?? null,
      before: { safetyBackup: safetyBackup.fileName, schemaVersion: checked.schemaVersion },
      after: {
        restoredFrom: sourcePath,
        restoredBy: actor ? { userId: actor.userId, role: actor.role } : 'command line',
        rowCounts: checked.rowCounts,
      },
    }),
  );
  const restored = listed ?? {
    backupId: 0,
    fileName: sourcePath.split(/[\\/]/).at(-1) ?? sourcePath,
    path: sourcePath,
    // A file that was never listed: its time is when it was last written.
    createdAt: statSync(sourcePath).mtime.toISOString(),
    sizeBytes: statSync(sourcePath).size,
    kind: 'manual' as const,
    schemaVersion: checked.schemaVersion,
    rowCounts: checked.rowCounts,
    integrity: checked.integrity,
    verified: 'ok' as const,
    message: null,
    durationMs: 0,
    deleted: false,
  };
  return { restored, safetyBackup, restoredBy };
}
