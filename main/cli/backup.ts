import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliFailure, DB_OPTION, parseFlags, requiredFlag } from './args.ts';
import { requireExistingDb, withCore, type CliIo } from './io.ts';

/**
 * `backup --db FILE --out FILE`: copies the database with SQLite's online backup (the app may
 * keep running), reopens the copy read-only and verifies it, and lists it in the database's
 * backups (kind `cli`) so the Admin area shows it. Exit 1 if it fails to verify.
 */
export async function backupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, { ...DB_OPTION, out: { type: 'string' } });
  const dbFile = requiredFlag(flags, 'db');
  const out = resolve(requiredFlag(flags, 'out'));
  requireExistingDb(dbFile);
  if (existsSync(out)) throw new CliFailure(`${out} already exists. Choose a new file name for the backup.`);
  const backup = await withCore(dbFile, io, (core) => core.services.backups.runTo(null, out));
  if (backup.verified !== 'ok') {
    io.err(`Backup written to ${out} but it failed verification: ${backup.message ?? 'unknown problem'}`);
    return 1;
  }
  const rows = Object.values(backup.rowCounts).reduce((a, b) => a + b, 0);
  io.out(`Backed up to ${out}: verified (integrity ok, schema ${backup.schemaVersion ?? '?'}, ${rows} rows).`);
  return 0;
}
