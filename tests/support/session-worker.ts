import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '#contract/index.ts';
import { openDatabase, targetOf } from '../../db/connection-any.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';

// A second app core in its own process on the test's database (a second desk, or the CLI
// while the app runs): the test sends it calls over the fork's IPC channel and gets each
// dispatcher result back. Run directly, this file is the child; imported, it is the parent's handle.

interface Request {
  id: number;
  key: string;
  channel: string;
  input: unknown;
}

interface Reply {
  id: number;
  result: Result<unknown>;
}

const WORKER = fileURLToPath(import.meta.url);

export interface SessionWorker {
  call<C extends ChannelName>(key: string, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  close(): Promise<void>;
}

/** Starts the worker on DB (a SQLite file or a PostgreSQL URL) and waits until its core is up. */
export async function startSessionWorker(db: string): Promise<SessionWorker> {
  const child: ChildProcess = fork(WORKER, [db], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`session worker exited early (${code})`)));
  });
  child.on('message', (message: Reply) => {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    call: (key, channel, input) =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve as (result: Result<unknown>) => void);
        child.send({ id, key, channel, input } satisfies Request);
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

async function runWorker(db: string): Promise<void> {
  const core = await startAppCore({ database: await openDatabase(targetOf(db)), logger: silentLogger });
  process.on('message', (message: Request | 'close') => {
    if (message === 'close') {
      void core.close().then(() => process.exit(0));
      return;
    }
    void core.dispatcher.dispatch(message.key, message.channel, message.input).then((result) => {
      process.send?.({ id: message.id, result } satisfies Reply);
    });
  });
  process.send?.('ready');
}

if (process.argv[1] === WORKER && process.send) {
  const [db] = process.argv.slice(2);
  if (!db) throw new Error('usage: session-worker DB');
  await runWorker(db);
}
