import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, withStatementCache } from '../../db/connection.ts';
import { BoundParameterError, guardedDialect, guardParameters } from '../../db/parameter-guard.ts';

// The one check every query's bound values pass, on a real SQLite file.

const LENIENT = { strictBooleans: false };
const STRICT = { strictBooleans: true };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-guard-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('guardParameters', () => {
  it('passes numbers, text, null and bytes through untouched (the same array, no copy)', () => {
    const values = [1, 2.5, 'text', null, new Uint8Array([1])];
    expect(guardParameters('select 1', values, 'sqlite', STRICT)).toBe(values);
  });

  it('turns booleans into 1/0 on SQLite (refused when strict) and keeps them on PostgreSQL', () => {
    expect(guardParameters('q', [true, false, 3], 'sqlite', LENIENT)).toEqual([1, 0, 3]);
    expect(() => guardParameters('select ?', [true], 'sqlite', STRICT)).toThrow(
      'Refused to bind parameter 1 (a boolean) of the query: select ?',
    );
    expect(() => guardParameters('select ?', [false], 'sqlite', STRICT)).toThrow(BoundParameterError);
    // PostgreSQL has booleans, and Kysely's own catalogue queries bind them.
    expect(guardParameters('q', [true, [false]], 'postgres', STRICT)).toEqual([true, [false]]);
  });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['a bigint', 10n, 'a bigint'],
    ['NaN', Number.NaN, 'the number NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'the number Infinity'],
    ['a Date', new Date(0), 'a Date'],
    ['an object', { a: 1 }, 'an object'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('s'), 'a symbol'],
    ['text with NUL', 'a\u0000b', 'text with the NUL character U+0000'],
  ])('refuses %s on both databases, naming the parameter and the query', (_name, value, why) => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      expect(() => guardParameters('select ?, ?', [1, value], dialect, LENIENT)).toThrow(
        `Refused to bind parameter 2 (${why}) of the query: select ?, ?`,
      );
    }
  });

  it('takes arrays of plain values on PostgreSQL only (unnest), element by element', () => {
    const dates = ['2026-03-02', '2026-03-03'];
    expect(guardParameters('q', [dates], 'postgres', STRICT)).toEqual([dates]);
    expect(() => guardParameters('q', [dates], 'sqlite', STRICT)).toThrow('(an array)');
    expect(() => guardParameters('q', [['a', undefined]], 'postgres', STRICT)).toThrow('(an array)');
    expect(() => guardParameters('q', [[['nested']]], 'postgres', LENIENT)).toThrow('(an array)');
  });

  it('shortens a long query in the message', () => {
    const long = `select ${'x, '.repeat(200)}?`;
    expect(() => guardParameters(long, [undefined], 'sqlite', STRICT)).toThrow(/select x, x, .*…$/);
  });
});

describe('on a real SQLite connection', () => {
  it('the app’s connection refuses an undefined value before SQLite sees it, inside a transaction too', async () => {
    const handle = openSqlite(join(dir, 'a.sqlite'));
    try {
      const query = sql<{ v: number }>`select ${undefined} as v`;
      await expect(query.execute(handle.db)).rejects.toThrow(/parameter 1 \(undefined\) of the query: select \? as v/);
      await expect(handle.db.transaction().execute((trx) => query.execute(trx))).rejects.toThrow(BoundParameterError);
      // The connection is still usable afterwards.
      const { rows } = await sql<{ v: number }>`select ${41} + 1 as v`.execute(handle.db);
      expect(rows).toEqual([{ v: 42 }]);
    } finally {
      await handle.close();
    }
  });

  it('a lenient guard makes `expr = true` work on SQLite, where better-sqlite3 alone throws', async () => {
    const open = (guard: boolean) => {
      const dialect = new SqliteDialect({ database: withStatementCache(new BetterSqlite3(join(dir, 'b.sqlite'))) });
      return new Kysely<Record<string, never>>({
        dialect: guard ? guardedDialect(dialect, 'sqlite', LENIENT) : dialect,
      });
    };
    const query = sql<{ v: number }>`select ('abc' LIKE '%b%') = ${true} as v`;
    const bare = open(false);
    await expect(query.execute(bare)).rejects.toThrow(/can only bind/);
    await bare.destroy();
    const guarded = open(true);
    expect((await query.execute(guarded)).rows).toEqual([{ v: 1 }]);
    await guarded.destroy();
  });
});
