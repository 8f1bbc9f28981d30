import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openSqlite } from '../../db/connection.ts';
import { copyDatabase, verifyDatabaseFile } from '../services/backup-file.ts';
import { CliFailure, DB_OPTION, parseFlags, requiredFlag } from './args.ts';
import { requireExistingDb, type CliIo } from './io.ts';

/**
 * `backup --db FILE --out FILE`: copies the database with SQLite's online backup (the app may
 * keep running), then reopens the copy read-only and verifies it. Exit 1 if it fails to verify.
 */
export async function backupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, { ...DB_OPTION, out: { type: 'string' } });
  const dbFile = requiredFlag(flags, 'db');
  const out = resolve(requiredFlag(flags, 'out'));
  requireExistingDb(dbFile);
  if (existsSync(out)) throw new CliFailure(`${out} already exists. Choose a new file name for the backup.`);
  const handle = openSqlite(dbFile);
  try {
    await copyDatabase(handle.raw, out, () => undefined);
  } finally {
    await handle.close();
  }
  const check = verifyDatabaseFile(out);
  if (!check.ok) {
    io.err(`Backup written to ${out} but it failed verification: ${check.message ?? 'unknown problem'}`);
    return 1;
  }
  const rows = Object.values(check.rowCounts).reduce((a, b) => a + b, 0);
  io.out(`Backed up to ${out}: verified (integrity ok, schema ${check.schemaVersion ?? '?'}, ${rows} rows).`);
  return 0;
}
