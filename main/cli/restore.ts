import { copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyDatabaseFile } from '../services/operations/backup-file.ts';
import { CliFailure, DB_OPTION, parseFlags, requiredFlag } from './args.ts';
import { migrateFile } from './commands/migrate.ts';
import { withCore, type CliIo } from './io.ts';

/**
 * `restore --db FILE --from FILE`: checks the backup, backs up the current database first
 * (into the backup folder, or pre-restore-backups/ beside it), migrates the backup if it is
 * older, swaps it in and writes the restore into its audit trail. Stop the app first.
 */
export async function restoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, { ...DB_OPTION, from: { type: 'string' } });
  const dbFile = resolve(requiredFlag(flags, 'db'));
  const from = resolve(requiredFlag(flags, 'from'));
  const check = verifyDatabaseFile(from);
  if (!check.ok) throw new CliFailure(check.message ?? 'That backup cannot be restored.');
  if (!existsSync(dbFile)) {
    // Nothing to keep: a new computer. Copy and bring it up to date.
    copyFileSync(from, dbFile);
    await migrateFile(dbFile);
    io.out(`Restored ${from} into the new database ${dbFile}.`);
    return 0;
  }
  const result = await withCore(dbFile, io, (core) => core.services.backups.restore(null, { path: from }));
  io.out(`Restored ${from} into ${dbFile}. The previous database was saved first as ${result.safetyBackup.path}.`);
  return 0;
}
