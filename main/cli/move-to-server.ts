import { existsSync } from 'node:fs';
import { isPostgresUrl } from '#db/connection-any.ts';
import { CliFailure, parseFlags, requiredFlag, stringFlag, UsageError } from './args.ts';
import type { CliIo } from './io.ts';

// `move-to-server --from FILE --to URL`: a single PC's clinic into the clinic server's empty
// PostgreSQL database, with a progress bar on stderr. The URL may come from
// CLINIC_DATABASE_URL instead, so the password stays out of the shell history.

export const DATABASE_URL_ENV = 'CLINIC_DATABASE_URL';

const BAR_WIDTH = 30;

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

function progressBar(io: CliIo): (table: string, copied: number, total: number) => void {
  let shownPercent = -1;
  return (table, copied, total) => {
    const percent = total === 0 ? 100 : Math.floor((copied / total) * 100);
    if (percent === shownPercent) return;
    shownPercent = percent;
    const filled = Math.round((percent / 100) * BAR_WIDTH);
    io.err(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}%  ${table}`);
  };
}

export async function moveToServerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, { from: { type: 'string' }, to: { type: 'string' } });
  const file = requiredFlag(flags, 'from');
  const url = stringFlag(flags, 'to') ?? io.env[DATABASE_URL_ENV];
  if (!url) throw new UsageError(`Missing --to (or ${DATABASE_URL_ENV}).`);
  if (!isPostgresUrl(url)) throw new UsageError('--to must be a postgres:// URL.');
  if (!existsSync(file)) throw new CliFailure(`There is no clinic file at ${file}.`);
  // Loaded here so the other commands never load the PostgreSQL driver.
  const { moveToServer, MoveRefused } = await import('#db/postgres-move.ts');
  const bar = progressBar(io);
  try {
    const report = await moveToServer(file, url, (p) => bar(p.table, p.copiedRows, p.totalRows));
    bar('done', report.totalRows, report.totalRows);
    for (const { table, rows } of report.tables) io.out(`${table.padEnd(28)} ${rows}`);
    if (report.skipped.length > 0) {
      io.out(`Not copied (PostgreSQL keeps its own search index): ${report.skipped.join(', ')}`);
    }
    io.out(
      `Moved ${report.totalRows} rows in ${report.tables.length} tables to ${redactUrl(url)}; counts, checksums and rules verified.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) throw new CliFailure(error.message);
    const message = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`Nothing was moved: ${message.replaceAll(url, redactUrl(url))}`);
  }
}
