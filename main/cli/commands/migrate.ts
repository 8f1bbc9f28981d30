import { openDatabase, targetOf } from '#db/connection-any.ts';
import { migrateToLatest } from '#db/migrate.ts';
import { DB_OPTION, parseFlags, requiredFlag } from '../args.ts';
import type { CliIo } from '../io.ts';

/**
 * Creates the file if needed (or opens the clinic server's database, for a postgres:// URL)
 * and applies every pending migration; returns their names.
 */
export async function migrateFile(dbFile: string): Promise<string[]> {
  const handle = await openDatabase(targetOf(dbFile));
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

export function reportMigrations(io: CliIo, applied: readonly string[]): void {
  if (applied.length === 0) io.out('Already up to date.');
  for (const name of applied) io.out(`Applied ${name}`);
}

export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, DB_OPTION);
  const dbFile = requiredFlag(flags, 'db');
  reportMigrations(io, await migrateFile(dbFile));
  return 0;
}
