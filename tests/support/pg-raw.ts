import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { findPgBin } from '../../scripts/pg-cluster.ts';

// The integration tests read and poke the database synchronously through better-sqlite3's
// `raw.prepare(sql).get/all/run(...)`. On PostgreSQL the same calls go through `psql`, one
// process a statement: slow, but only tests use it, and the test files stay as they are.
// Only positional `?` parameters; the SQL must be valid on both dialects.

type Param = string | number | bigint | null | undefined;

function literal(value: Param): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Replaces each `?` outside quotes with the next value as a SQL literal. */
export function bindPositional(text: string, params: readonly Param[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += literal(params[next++]);
    } else {
      out += char;
    }
  }
  return out;
}

function psql(url: string, command: string): string {
  const bin = findPgBin();
  const result = spawnSync(bin ? join(bin, 'psql') : 'psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url], {
    input: command,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr.trim() || 'psql failed');
  return result.stdout;
}

function rows(url: string, text: string): Record<string, unknown>[] {
  const out = psql(url, `SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM (${text}) q;`);
  return JSON.parse(out.trim()) as Record<string, unknown>[];
}

export function pgSyncRaw(url: string): BetterSqlite3.Database {
  const prepare = (text: string) => ({
    get: (...params: Param[]) => rows(url, bindPositional(text, params))[0],
    all: (...params: Param[]) => rows(url, bindPositional(text, params)),
    run: (...params: Param[]) => {
      const bound = bindPositional(text, params);
      if (/^\s*insert\b/i.test(bound) && !/\breturning\b/i.test(bound)) {
        // lastInsertRowid: the first column of the inserted row (every table's key comes first).
        const out = psql(
          url,
          `WITH ins AS (${bound} RETURNING *) SELECT coalesce(json_agg(row_to_json(ins)), '[]') FROM ins;`,
        );
        const inserted = JSON.parse(out.trim().split('\n')[0] ?? '[]') as Record<string, unknown>[];
        const first = inserted[0] ? Object.values(inserted[0])[0] : 0;
        return { changes: inserted.length, lastInsertRowid: Number(first) };
      }
      const tag = psql(url, `${bound};`).trim().split('\n').at(-1) ?? '';
      return { changes: Number(/(\d+)$/.exec(tag)?.[1] ?? 0), lastInsertRowid: 0 };
    },
  });
  const shim = {
    prepare,
    exec: (text: string) => {
      psql(url, text);
      return shim;
    },
  };
  return shim as unknown as BetterSqlite3.Database;
}
