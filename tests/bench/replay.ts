import type BetterSqlite3 from 'better-sqlite3';

// The floor of a read path whose SQL is the path itself (patient search's stages, the day
// view's queries): the statements the app ran for a call, recorded with their values, then
// run again as plain prepared better-sqlite3 statements on the same connection. What is
// left between the two is the app's own cost: building queries, validation, the dispatcher,
// shaping rows. The session check is the app's rule, not the work, so it is left out.

export interface RecordedStatement {
  sql: string;
  params: unknown[];
  reader: boolean;
}

type StatementMethod = (this: BetterSqlite3.Statement, ...params: unknown[]) => unknown;
const METHODS = ['all', 'get', 'run', 'iterate'] as const;

const SESSION_CHECK = /^select "status", "role", "session_epoch" from "users"/;

/**
 * Records every statement run on the connection while `fn` runs. Statements are prepared
 * once and cached by the app, so the hook is on better-sqlite3's Statement prototype.
 */
export async function recordStatements(
  raw: BetterSqlite3.Database,
  fn: () => Promise<unknown>,
): Promise<RecordedStatement[]> {
  const prototype = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<string, StatementMethod>;
  const originals = METHODS.map((name) => [name, prototype[name]] as const);
  const recorded: RecordedStatement[] = [];
  for (const [name, original] of originals) {
    if (!original) continue;
    prototype[name] = function (this: BetterSqlite3.Statement, ...params: unknown[]) {
      if (!SESSION_CHECK.test(this.source)) recorded.push({ sql: this.source, params, reader: this.reader });
      return original.apply(this, params);
    };
  }
  try {
    await fn();
  } finally {
    for (const [name, original] of originals) if (original) prototype[name] = original;
  }
  return recorded;
}

/** Runs recorded statements as prepared statements (each text prepared once). */
export function replayer(raw: BetterSqlite3.Database): (statements: readonly RecordedStatement[]) => void {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return (statements) => {
    for (const { sql, params, reader } of statements) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        prepared.set(sql, statement);
      }
      if (reader) statement.all(...params);
      else statement.run(...params);
    }
  };
}
