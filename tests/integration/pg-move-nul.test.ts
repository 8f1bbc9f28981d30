import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { openPostgres } from '#db/postgres.ts';
import { runCli } from '../support/cli.ts';
import { createEmptyPgDatabase, type PgTestDatabase } from '../support/pg-test-db.ts';

// A clinic file holding U+0000 in its text (written before the contract refused control
// characters, or by hand): PostgreSQL cannot store it, so the move refuses, naming each
// record by table, primary key and column, and writes nothing to the server.

let dir: string;
let file: string;
let target: PgTestDatabase;
let patientId: number;
let doctorId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-move-nul-'));
  file = join(dir, 'clinic.sqlite');
  const seeded = await runCli(['seed', '--db', file, '--patients', '5', '--doctors', '1', '--days', '1']);
  expect(seeded.code, seeded.stderr).toBe(0);
  const { raw } = openSqlite(file);
  patientId = (raw.prepare("SELECT max(user_id) AS id FROM users WHERE role = 'patient'").get() as { id: number }).id;
  raw.prepare('UPDATE users SET name = ? WHERE user_id = ?').run('Ana\u0000 Lee', patientId);
  doctorId = (raw.prepare('SELECT min(doctor_id) AS id FROM doctors').get() as { id: number }).id;
  raw.prepare('UPDATE doctors SET specialization = ? WHERE doctor_id = ?').run('Cardio\u0000logy', doctorId);
  raw.close();
  target = await createEmptyPgDatabase();
}, 120_000);
afterAll(async () => {
  if (target !== undefined) await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('move-to-server with a NUL character stored in the file', () => {
  it('refuses, naming every record it cannot move, and leaves the server without a clinic', async () => {
    const run = await runCli(['move-to-server', '--from', file, '--to', target.url]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`users row user_id ${patientId} (name)`);
    expect(run.stderr).toContain(`doctors row doctor_id ${doctorId} (specialization)`);
    expect(run.stderr).toMatch(/invisible NUL character .* Retype that text/);
    const pg = openPostgres(target.url);
    try {
      const users = await pg.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(users.n).toBe(0);
    } finally {
      await pg.close();
    }
  }, 120_000);
});
