import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/connection-any.ts';
import { runCli } from '../support/cli.ts';
import { createPgTestDatabase, testDialect, type PgTestDatabase } from '../support/pg-test-db.ts';

// `npm run cli -- import-patients`: an admin's file through the real dispatcher, with a
// mapping file, a dry run that writes nothing, every refused row named, and the report CSV.
// In the PostgreSQL project --db is the server database's URL.

const PASSWORD = 'admin-password-123';
let dir: string;
let server: PgTestDatabase | null = null;
const db = () => server?.url ?? join(dir, 'clinic.sqlite');

async function patientCount(): Promise<number> {
  const handle = await openDatabase(server ? { url: server.url } : { file: db() });
  try {
    const row = await handle.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-import-cli-'));
  if (testDialect() === 'postgres') server = await createPgTestDatabase();
  const created = await runCli(['create-admin', '--db', db(), '--email', 'boss@clinic.test'], PASSWORD);
  expect(created.code, created.stderr).toBe(0);
  writeFileSync(
    join(dir, 'patients.csv'),
    [
      'Patient;Tel. privé;Born',
      'Emile Zolà;+33 1 23 45 67 89;02/04/1940',
      'Nobody;;',
      'Ana Lee;0161 496 0000;1990-01-31',
      '',
    ].join('\r\n'),
    'latin1',
  );
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify({ 'Tel. privé': 'phone', Born: 'dateOfBirth' }));
}, 60_000);
afterAll(async () => {
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('import-patients', () => {
  const args = () => ['import-patients', '--db', db(), '--file', join(dir, 'patients.csv'), '--as', 'boss@clinic.test'];

  it('needs the password in CLINIC_PASSWORD', async () => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CLINIC_PASSWORD');
  });

  it('names every refused row in a dry run and writes nothing', async () => {
    const run = await runCli([...args(), '--mapping', join(dir, 'mapping.json'), '--dry-run'], PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ rowCount: 3, refusedRows: 1, duplicates: 0 });
    expect(run.stderr).toMatch(/Windows-1252/);
    expect(run.stderr).toMatch(/Row 3, phone: /);
    expect(await patientCount()).toBe(0);
  });

  it('imports with the mapping file and writes the report beside the file', async () => {
    const run = await runCli([...args(), '--mapping', join(dir, 'mapping.json')], PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ status: 'done', totalRows: 3, imported: 2, merged: 0, skipped: 1 });
    expect(await patientCount()).toBe(2);
    const report = join(dir, 'patients-import-report.csv');
    expect(summary.report).toBe(report);
    expect(existsSync(report)).toBe(true);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('Emile Zolà');
    expect(text).toMatch(/3,skipped,,Nobody,phone: /);
    // Run again: both are now likely duplicates and skipped.
    const again = await runCli([...args(), '--mapping', join(dir, 'mapping.json')], PASSWORD);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, skipped: 3 });
    expect(await patientCount()).toBe(2);
  });

  it('refuses a mapping to a field that does not exist as bad usage', async () => {
    writeFileSync(join(dir, 'bad-mapping.json'), JSON.stringify({ Patient: 'shoeSize' }));
    const run = await runCli([...args(), '--mapping', join(dir, 'bad-mapping.json')], PASSWORD);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--mapping/);
  });
});
