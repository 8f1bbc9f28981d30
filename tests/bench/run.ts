import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAppCore } from '../../main/app-core.ts';
import { writeAudit } from '../../main/services/audit.ts';
import { systemClock } from '../../main/services/clock.ts';
import { silentLogger } from '../../main/services/logger.ts';
import { writeTx } from '../../db/tx.ts';
import { scheduleRows } from './schedule.ts';

// `npm run bench`: what our layers cost, as ratios against raw better-sqlite3 doing the same
// work on the same file in the same run (so the numbers compare across machines).
// Later issues add their own rows (search at 1M patients, booking, payments); schedules are
// in schedule.ts.

const dir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
const core = await startAppCore({ dbFile: join(dir, 'bench.sqlite'), logger: silentLogger });
const { raw, db } = core.database;

await core.dispatcher.dispatch('bench', 'setup.complete', {
  clinicName: 'Bench Clinic',
  timeZone: 'UTC',
  currency: 'USD',
  adminName: 'Bench Admin',
  adminEmail: 'bench@clinic.test',
  adminPassword: 'bench-password-123',
});

/** Microseconds per operation, after a warm-up. */
async function measure(iterations: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, iterations); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return ((performance.now() - start) * 1000) / iterations;
}

interface Row {
  case: string;
  baseline: number;
  ours: number;
}
const rows: Row[] = [];

const readRaw = raw.prepare('SELECT * FROM settings WHERE id = 1');
rows.push({
  case: 'read settings: dispatcher (session, zod, service) vs raw',
  baseline: await measure(5000, () => readRaw.get()),
  ours: await measure(5000, () => core.dispatcher.dispatch('bench', 'settings.get', {})),
});
rows.push({
  case: 'read settings: Kysely vs raw',
  baseline: await measure(5000, () => readRaw.get()),
  ours: await measure(5000, () => db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst()),
});

const insertRaw = raw.prepare(
  "INSERT INTO audit_log (at, user_id, action, entity, entity_id, after_json) VALUES (?, 1, 'bench', 'x', '1', '{}')",
);
const rawTx = raw.transaction(() => insertRaw.run(new Date().toISOString()));
rows.push({
  case: 'audited write: writeTx + writeAudit vs raw transaction',
  baseline: await measure(3000, () => rawTx.immediate()),
  ours: await measure(3000, () =>
    writeTx(db, (trx) =>
      writeAudit(trx, systemClock, { userId: 1, action: 'bench', entity: 'x', entityId: 1, after: {} }),
    ),
  ),
});

console.log('| case | raw better-sqlite3 (µs/op) | ours (µs/op) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.case} | ${row.baseline.toFixed(1)} | ${row.ours.toFixed(1)} | ${(row.ours / row.baseline).toFixed(1)}× |`,
  );
}
await core.close();

// Schedules: absolute times matter here (the goals are in milliseconds), so they get their own table.
const schedule = await scheduleRows(dir);
console.log('\n| case | raw better-sqlite3 (ms) | ours (ms) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of schedule) {
  console.log(
    `| ${row.case} | ${row.baselineMs.toFixed(2)} | ${row.oursMs.toFixed(2)} | ${(row.oursMs / row.baselineMs).toFixed(1)}× |`,
  );
}
console.log(`\nRSS after the run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

rmSync(dir, { recursive: true, force: true });
