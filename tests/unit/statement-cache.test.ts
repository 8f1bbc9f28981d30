import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '#db/connection.ts';

let raw: BetterSqlite3.Database;
afterEach(() => raw.close());

describe('statement cache', () => {
  it('prepares each SQL text once, evicts the least recently used, and the statements still run', () => {
    raw = new BetterSqlite3(':memory:');
    raw.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2)');
    let prepared = 0;
    const counting = new Proxy(raw, {
      get(target, key) {
        if (key === 'prepare') {
          return (sql: string) => {
            prepared++;
            return target.prepare(sql);
          };
        }
        return Reflect.get(target, key);
      },
    });
    const cache = withStatementCache(counting, 2);
    const a = 'SELECT count(*) AS n FROM t';
    const b = 'SELECT max(v) AS m FROM t';
    const c = 'SELECT min(v) AS m FROM t';
    expect(cache.prepare(a)).toBe(cache.prepare(a));
    cache.prepare(b);
    cache.prepare(a); // a is now the most recent
    cache.prepare(c); // evicts b
    expect(prepared).toBe(3);
    cache.prepare(a);
    expect(prepared).toBe(3);
    cache.prepare(b);
    expect(prepared).toBe(4);
    expect(cache.prepare(a).all([])).toEqual([{ n: 2 }]);
  });
});
