import { openDatabase, targetOf } from '#db/connection-any.ts';
import { hostname } from 'node:os';
import { passVersionGate } from '../../connection/version-gate.ts';
import { APP_VERSION } from '../../services/core/app-version.ts';
import { systemClock } from '../../services/core/clock.ts';
import { silentLogger } from '../../services/core/logger.ts';
import { DB_OPTION, parseFlags, requiredFlag } from '../args.ts';
import type { CliIo } from '../io.ts';

/**
 * Creates the file if needed (or opens the clinic server's database, for a postgres:// URL)
 * and applies every pending migration; returns their names. Running the command is the
 * confirmation a clinic server's update needs; a database newer than this app is refused.
 */
export async function migrateFile(dbFile: string): Promise<string[]> {
  const handle = await openDatabase(targetOf(dbFile));
  try {
    const host = hostname();
    return await passVersionGate(handle.db, {
      kind: handle.kind,
      appVersion: APP_VERSION,
      host,
      clock: systemClock,
      logger: silentLogger,
      upgrade: { operator: `command line on ${host}` },
    });
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
