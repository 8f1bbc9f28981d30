import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import pg from 'pg';

// The other half of tests/support/pg-raw.ts: runs each statement on its own connection and
// answers through the port, then wakes the waiting test thread.

interface Data {
  url: string;
  port: MessagePort;
  flag: SharedArrayBuffer;
}

interface Request {
  text: string;
  params: unknown[];
}

const { url, port, flag } = workerData as Data;
const signal = new Int32Array(flag);
const client = new pg.Client({
  connectionString: url,
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 20 || oid === 1700
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
  },
});
// A test's database may be dropped while this connection is still opening: that is not an error
// of the test, and must not surface as an uncaught exception of the run.
client.on('error', () => undefined);
const connected = client.connect();
connected.catch(() => undefined);

port.on('message', (request: Request) => {
  connected
    .then(() => client.query(request.text, request.params.length > 0 ? request.params : undefined))
    .then(
      (result) => {
        const last = Array.isArray(result) ? result.at(-1) : result;
        port.postMessage({ rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 });
      },
      (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => {
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
});
parentPort?.on('message', () => {
  void client.end().finally(() => process.exit(0));
});
