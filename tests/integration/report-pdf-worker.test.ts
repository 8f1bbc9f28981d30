import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportRenders, setReportRenderMode } from '../../main/pdf/render-report.ts';
import { paymentsWorld, type PaymentsWorld } from '../support/payments.ts';
import { pdfText } from '../support/payments-pdf.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// A year's report PDF is laid out in a worker thread, so main answers the other desks while it
// renders. Counted, not timed: how many small calls main answers between render start and end.
// Test clock: Monday 2026-03-02 09:00 Europe/London, GBP, fee 30.00.

let app: TestApp;
let world: PaymentsWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await paymentsWorld(app);
});
afterEach(async () => {
  setReportRenderMode('worker');
  await app.close();
});

/**
 * Small calls made one after another while a year's report PDF is laid out: how many of them
 * main answered between the render's start and its end (counted, not timed).
 */
async function answersDuringRender(): Promise<{ answered: number; pdfBase64: string }> {
  let rendering = false;
  let answered = 0;
  const onRender = (phase: string) => {
    rendering = phase === 'start';
  };
  reportRenders.on('render', onRender);
  let done = false;
  const pdf = app.ok(ADMIN_KEY, 'payments.reportPdf', { from: '2025-03-03', to: '2026-03-02' }).finally(() => {
    done = true;
  });
  while (!done) {
    // Each desk call arrives as its own event (IPC), so let the loop turn between them.
    await new Promise((resolve) => setImmediate(resolve));
    await app.ok(world.desk, 'settings.get', {});
    if (rendering) answered += 1;
  }
  reportRenders.off('render', onRender);
  return { answered, pdfBase64: (await pdf).pdfBase64 };
}

describe('report PDF rendering', () => {
  it('keeps answering small calls while a 366-day report renders, and the report is whole', async () => {
    const visit = await world.book('2026-03-02', '09:30');
    await app.ok(world.desk, 'payments.take', { appointmentId: visit, amount: '30', method: 'card' });
    await app.ok(world.desk, 'drawer.open', { float: '10' });
    // The baseline on this machine: layout on main's thread holds most calls until it ends.
    setReportRenderMode('thread');
    const onMain = await answersDuringRender();
    setReportRenderMode('worker');
    const inWorker = await answersDuringRender();
    expect(inWorker.answered).toBeGreaterThan(10 * Math.max(1, onMain.answered));
    const text = pdfText(inWorker.pdfBase64);
    expect(text).toContain('Payments report: 2025-03-03 to 2026-03-02');
    expect(text).toContain('GBP 30.00');
    // The drawer's opening time is formatted in the worker from the clinic's zone.
    expect(text).toContain('2026-03-02 09:00 (Rosa Desk), still');
    expect(pdfText(onMain.pdfBase64)).toBe(text);
  });
});
