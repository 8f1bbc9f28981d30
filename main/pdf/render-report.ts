import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PaymentReport } from '#contract/payments.ts';
import type { ReportHeader } from './report.ts';
import type { ReportJob, ReportReply } from './report-worker.ts';

// Renders report PDFs in a worker thread (main/pdf/report-worker.ts), so main keeps answering
// the desks while a long report is laid out. One worker is kept while it has work and for a
// minute after; it never keeps the process alive. Without the worker file (a build that lacks
// it) the report renders on this thread as before.

/** 'render' with 'start' and 'end' around each report's layout: tests count main's answers meanwhile. */
export const reportRenders = new EventEmitter();

const IDLE_MS = 60_000;

let mode: 'worker' | 'thread' = 'worker';
/** Tests and the bench: force one path. */
export function setReportRenderMode(next: 'worker' | 'thread'): void {
  mode = next;
}

/** Where the worker is: beside this file (source), or beside/above it in the bundle (out/main). */
function workerFile(): string | null {
  for (const candidate of ['./report-worker.ts', './report-worker.js', '../report-worker.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

interface Pending {
  resolve: (pdfBase64: string) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  worker = null;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startWorker(file: string): Worker {
  const started = new Worker(file);
  started.unref();
  started.on('message', (reply: ReportReply) => {
    if (!('id' in reply)) return;
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.pdfBase64);
    if (pending.size === 0) idleTimer = setTimeout(stopWorker, IDLE_MS).unref();
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the report worker stopped (${code})`));
  });
  return started;
}

function stopWorker(): void {
  const stopping = worker;
  worker = null;
  if (stopping && pending.size === 0) void stopping.terminate();
}

async function renderHere(report: PaymentReport, header: ReportHeader): Promise<string> {
  const [{ reportDocument }, { renderPdfBase64 }] = await Promise.all([import('./report.ts'), import('./render.ts')]);
  return renderPdfBase64(reportDocument(report, header));
}

/** The report as PDF bytes in base64, laid out off main's thread when the worker is there. */
export async function renderReportPdf(report: PaymentReport, header: ReportHeader): Promise<string> {
  reportRenders.emit('render', 'start');
  try {
    return await renderSomewhere(report, header);
  } finally {
    reportRenders.emit('render', 'end');
  }
}

function renderSomewhere(report: PaymentReport, header: ReportHeader): Promise<string> {
  const file = mode === 'worker' ? workerFile() : null;
  if (!file) return renderHere(report, header);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker ??= startWorker(file);
  const job: ReportJob = { id: nextId++, report, header };
  const promise = new Promise<string>((resolve, reject) => pending.set(job.id, { resolve, reject }));
  worker.postMessage(job);
  return promise;
}
