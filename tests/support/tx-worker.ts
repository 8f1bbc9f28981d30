import { sql } from 'kysely';
import { openSqlite } from '#db/connection.ts';
import { writeTx } from '#db/tx.ts';

// A separate process that does read-then-write transactions on a shared file, to prove
// writeTx (BEGIN IMMEDIATE) never fails with SQLITE_BUSY where a deferred begin would.
const [file, countText] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: tx-worker FILE COUNT');
const handle = openSqlite(file);
let failures = 0;
for (let i = 0; i < Number(countText); i++) {
  try {
    await writeTx(handle.db, async (trx) => {
      const row = await sql<{ value: number }>`SELECT value FROM counter WHERE id = 1`.execute(trx);
      const value = row.rows[0]?.value ?? 0;
      await sql`UPDATE counter SET value = ${value + 1} WHERE id = 1`.execute(trx);
    });
  } catch {
    failures++;
  }
}
await handle.close();
process.stdout.write(JSON.stringify({ failures }));
