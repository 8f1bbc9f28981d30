import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { writeTx } from '#db/tx.ts';

const run = promisify(execFile);
const worker = resolve(import.meta.dirname, '..', 'support', 'tx-worker.ts');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function freshFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'clinic-tx-'));
  const file = join(dir, 'tx.sqlite');
  const handle = openSqlite(file);
  handle.raw.exec(
    'CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0);',
  );
  handle.raw.close();
  return file;
}

describe('writeTx', () => {
  it('serialises read-then-write transactions from several processes without a single failure or lost update', async () => {
    const file = freshFile();
    const processes = 4;
    const each = 60;
    const results = await Promise.all(
      Array.from({ length: processes }, () =>
        run(process.execPath, [worker, file, String(each)]).then((r) => JSON.parse(r.stdout) as { failures: number }),
      ),
    );
    expect(results.map((r) => r.failures)).toEqual(Array(processes).fill(0));
    const handle = openSqlite(file);
    expect(handle.raw.prepare('SELECT value FROM counter').get()).toEqual({ value: processes * each });
    await handle.close();
  });

  it('rolls back everything when the callback throws, and the connection stays usable', async () => {
    const handle = openSqlite(join((dir = mkdtempSync(join(tmpdir(), 'clinic-tx-'))), 'r.sqlite'));
    handle.raw.exec('CREATE TABLE t (v INTEGER)');
    await expect(
      writeTx(handle.db, async (trx) => {
        await sql`INSERT INTO t VALUES (1)`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await writeTx(handle.db, async (trx) => void (await sql`INSERT INTO t VALUES (2)`.execute(trx)));
    expect(handle.raw.prepare('SELECT v FROM t').all()).toEqual([{ v: 2 }]);
    await handle.close();
  });
});
