import { parentPort, workerData } from 'node:worker_threads';
import { useDatabaseKey } from '#db/cipher.ts';
import { copyFileSnapshot, readCopyFacts, sealCopy, type CheckLevel, type CopyFacts } from './backup-check.ts';

// The backup worker (a worker thread): copies the live file and verifies the copy, so main's
// thread keeps answering the desks while SQLite reads and writes gigabytes. Bundled as its own
// entry (vite.electron.config.ts) next to out/main/index.js.

export interface BackupJob {
  /** The live database file; null to only verify `destination`. */
  source: string | null;
  destination: string;
  /** The clinic's key (an encrypted clinic's backups use it too); null for plain files. */
  key: string | null;
  check: CheckLevel;
}

export type WorkerMessage =
  | { type: 'started' }
  | { type: 'copied'; copied: number; total: number }
  | { type: 'verifying' }
  | { type: 'done'; facts: CopyFacts }
  | { type: 'failed'; error: string };

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const job = workerData as BackupJob;
  useDatabaseKey(job.key);
  post({ type: 'started' });
  (async () => {
    if (job.source) {
      await copyFileSnapshot(job.source, job.destination, (copied, total) => post({ type: 'copied', copied, total }));
      sealCopy(job.destination);
    }
    post({ type: 'verifying' });
    post({ type: 'done', facts: readCopyFacts(job.destination, job.check) });
  })().catch((error: unknown) =>
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
}
