import { parentPort } from 'node:worker_threads';
import type { PaymentReport } from '#contract/payments.ts';
import { renderPdfBase64 } from './render.ts';
import { reportDocument, type ReportHeader } from './report.ts';

// The report PDF worker (a worker thread): @react-pdf lays a document out in one synchronous
// stretch, which for a year's report held main's event loop for seconds and every desk with
// it. Here it blocks only this thread. Bundled as its own entry (vite.electron.config.ts)
// next to out/main/index.js; main/pdf/render-report.ts starts it and hands it the jobs.

export interface ReportJob {
  id: number;
  report: PaymentReport;
  header: ReportHeader;
}

export type ReportReply = { type: 'ready' } | { id: number; pdfBase64: string } | { id: number; error: string };

const port = parentPort;
if (port) {
  const post = (reply: ReportReply) => port.postMessage(reply);
  // Jobs run one after another: two large layouts at once would only double the peak memory.
  let queue = Promise.resolve();
  port.on('message', (job: ReportJob) => {
    queue = queue.then(async () => {
      try {
        post({ id: job.id, pdfBase64: await renderPdfBase64(reportDocument(job.report, job.header)) });
      } catch (error) {
        post({ id: job.id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  post({ type: 'ready' });
}
