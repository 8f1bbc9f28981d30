import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/connection-any.ts';
import { COUNTED_TABLES, countRows, type TableCounts } from '../../main/cli/seed/counts.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';

// `seed --db postgres://…` as a real child process: it once opened the URL as a SQLite file
// path ("directory does not exist"). Now it migrates the server's empty database and writes
// the same demo clinic as on a SQLite file, table by table.

const ARGS = '--patients 30 --doctors 2 --days 3 --past-days 2 --seed 5 --tz Europe/London --start 2026-03-26'.split(
  ' ',
);

let target: PgTestDatabase;
let dir = '';
let run: CliRun;

async function pgCounts(url: string): Promise<{ counts: TableCounts; seedAudits: number; ledger: number }> {
  const handle = await openDatabase({ url });
  try {
    const audits = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE action = 'seed.run'`.execute(
      handle.db,
    );
    const ledger = await sql<{ n: string }>`SELECT count(*) AS n FROM payment_ledger`.execute(handle.db);
    return {
      counts: await countRows(handle.db),
      seedAudits: Number(audits.rows[0]?.n),
      ledger: Number(ledger.rows[0]?.n),
    };
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  target = await createEmptyPgDatabase();
  dir = mkdtempSync(join(tmpdir(), 'clinic-pg-seed-'));
  run = await runCli(['seed', '--db', target.url, ...ARGS]);
});
afterAll(async () => {
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('seed on PostgreSQL', () => {
  it('migrates the empty server database and seeds the same clinic as a SQLite file', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Applied 0001/);
    expect(run.stdout).toMatch(/Seeded in \d+\.\d+ s/);
    const { counts, seedAudits, ledger } = await pgCounts(target.url);
    expect(counts.patients).toBe(30);
    expect(counts.appointments).toBeGreaterThan(0);
    expect(seedAudits).toBe(1);
    expect(ledger).toBeGreaterThan(0);

    const file = join(dir, 'same.sqlite');
    const onFile = await runCli(['seed', '--db', file, ...ARGS]);
    expect(onFile.code, onFile.stderr).toBe(0);
    const handle = await openDatabase({ file });
    try {
      const fileCounts = await countRows(handle.db);
      for (const table of COUNTED_TABLES) expect(counts[table], table).toBe(fileCounts[table]);
    } finally {
      await handle.close();
    }
  });

  it('refuses to seed twice, adds patients only with --force, and migrate says it is up to date', async () => {
    const again = await runCli(['seed', '--db', target.url, ...ARGS]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has 30 patients/);
    const forced = await runCli(['seed', '--db', target.url, '--patients', '12', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await pgCounts(target.url)).counts.patients).toBe(42);
    const migrate = await runCli(['migrate', '--db', target.url]);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout.trim()).toBe('Already up to date.');
  });
});
