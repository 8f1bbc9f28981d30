import BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// The floor of a verified backup, run by backup.ts in a child process of its own (so its
// memory is not counted as the desk's): the online backup API on a connection of its own, as
// the app's worker does, the copy made one file (journal_mode DELETE), then `PRAGMA
// quick_check`, the schema version and every table's count. Prints {"totalS", "checkS"}.
// Usage: node tests/bench/backup-floor.ts <live file> <copy>

const [source, target] = process.argv.slice(2);
if (!source || !target) throw new Error('usage: backup-floor.ts <live file> <copy>');

const started = performance.now();
const live = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
await live.backup(target);
live.close();
const sealed = new BetterSqlite3(target);
sealed.pragma('journal_mode = DELETE');
sealed.close();
const checkStarted = performance.now();
const conn = new BetterSqlite3(target, { readonly: true });
try {
  if (conn.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('the floor copy is damaged');
  conn.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get();
  const tables = conn
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const table of tables) conn.prepare(`SELECT count(*) FROM "${table}"`).get();
} finally {
  conn.close();
  rmSync(target, { force: true });
}
const ended = performance.now();
console.log(JSON.stringify({ totalS: (ended - started) / 1000, checkS: (ended - checkStarted) / 1000 }));
