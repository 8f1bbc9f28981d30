import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

// The integration tests read and poke the database synchronously through better-sqlite3's
// `raw.prepare(sql).get/all/run(...)` and `raw.exec(sql)`. On PostgreSQL the same calls go to
// a worker thread that holds a connection, while the test's thread waits on a shared flag:
// synchronous for the test, a real query for the database. Positional `?` parameters only;
// the SQL must be valid on both dialects.

type Param = string | number | bigint | null | undefined;

interface Reply {
  rows?: Record<string, unknown>[];
  rowCount?: number;
  error?: string;
}

/** `?` outside quotes → `$1`, `$2` … */
export function numberPlaceholders(text: string): string {
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
      out += `$${++next}`;
    } else {
      out += char;
    }
  }
  return out;
}

export interface PgSyncRaw {
  raw: BetterSqlite3.Database;
  close(): Promise<void>;
}

export function pgSyncRaw(url: string): PgSyncRaw {
  const flag = new SharedArrayBuffer(4);
  const signal = new Int32Array(flag);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./pg-sync-worker.ts', import.meta.url), {
    workerData: { url, port: port2, flag },
    transferList: [port2],
  });
  worker.unref();

  function query(text: string, params: readonly Param[] = []): Required<Omit<Reply, 'error'>> {
    Atomics.store(signal, 0, 0);
    port1.postMessage({ text, params: params.map((p) => (p === undefined ? null : p)) });
    // Wake-ups are at most a minute apart; a statement that takes longer fails the test.
    if (Atomics.wait(signal, 0, 0, 60_000) === 'timed-out') throw new Error(`No answer from PostgreSQL: ${text}`);
    const reply = receiveMessageOnPort(port1)?.message as Reply | undefined;
    if (!reply) throw new Error(`No answer from PostgreSQL: ${text}`);
    if (reply.error !== undefined) throw new Error(reply.error);
    return { rows: reply.rows ?? [], rowCount: reply.rowCount ?? 0 };
  }

  const prepare = (text: string) => {
    const numbered = numberPlaceholders(text);
    return {
      get: (...params: Param[]) => query(numbered, params).rows[0],
      all: (...params: Param[]) => query(numbered, params).rows,
      run: (...params: Param[]) => {
        if (/^\s*insert\b/i.test(numbered) && !/\breturning\b/i.test(numbered)) {
          // lastInsertRowid: the first column of the inserted row (every table's key comes first).
          const { rows, rowCount } = query(`${numbered} RETURNING *`, params);
          const first = rows[0] ? Object.values(rows[0])[0] : 0;
          return { changes: rowCount, lastInsertRowid: Number(first) };
        }
        return { changes: query(numbered, params).rowCount, lastInsertRowid: 0 };
      },
    };
  };
  const raw = {
    prepare,
    exec: (text: string) => {
      query(text);
      return raw;
    },
  };
  return {
    raw: raw as unknown as BetterSqlite3.Database,
    async close() {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
      port1.close();
    },
  };
}
