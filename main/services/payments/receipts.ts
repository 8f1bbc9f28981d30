import type { ReceiptPaper } from '#contract/payments.ts';
import { writeTx } from '#db/tx.ts';
import type { ReceiptData } from '../../pdf/receipt.ts';
import { receiptNumberText, words } from '../../pdf/strings.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { clinicMoney, issueReceipt } from './ledger.ts';
import { formatMinorCode as formatMoney } from '#shared/money.ts';
import { balanceOf } from './payment-status.ts';
import { listEntries, listSummaries } from './payments-read.ts';
import { buildReport, localDateTime, type RangeInput } from './reports.ts';

// Receipts and reports as PDF. A payment or refund receipt has the number taken when the money
// moved; printing it again keeps that number and says COPY. A statement of a whole
// appointment takes a new number each time it is issued.

/** @react-pdf/renderer is large: loaded on the first PDF, so the CLI and workers start fast. */
const pdfModules = async () => {
  const [receipt, render] = await Promise.all([import('../../pdf/receipt.ts'), import('../../pdf/render.ts')]);
  return { ...receipt, ...render };
};

export interface PdfFile {
  fileName: string;
  pdfBase64: string;
}

export function createReceiptsService({ db, clock }: ServiceDeps) {
  async function receiptPdf(
    actor: Actor,
    input: ({ entryId: number } | { appointmentId: number }) & { paper?: ReceiptPaper | undefined },
  ): Promise<PdfFile & { receiptNumber: number }> {
    const data = await writeTx(db, async (trx) => {
      const money = await clinicMoney(trx);
      const now = clock.now().toISOString();
      const local = (iso: string) => {
        const at = localDateTime(iso, money.timeZone);
        return `${at.date} ${at.time}`;
      };
      const show = (minor: number) => formatMoney(minor, money.currency, money.digits);

      let appointmentId: number;
      let receiptNumber: number;
      let copy = false;
      let entryId: number | null = null;
      if ('entryId' in input) {
        const entry = await trx
          .selectFrom('payment_ledger as l')
          .leftJoin('receipts as r', 'r.receipt_id', 'l.receipt_id')
          .select(['l.entry_id', 'l.appointment_id', 'l.kind', 'l.receipt_id', 'r.printed_at'])
          .where('l.entry_id', '=', input.entryId)
          .executeTakeFirst();
        if (!entry) throw notFound('payment');
        if (entry.receipt_id === null)
          throw new AppError(
            'CONFLICT',
            'Only payments and refunds have their own receipt. Print a statement instead.',
            {
              entryId: 'Choose a payment or a refund.',
            },
          );
        appointmentId = entry.appointment_id;
        receiptNumber = entry.receipt_id;
        entryId = entry.entry_id;
        copy = entry.printed_at !== null;
        if (!copy)
          await trx.updateTable('receipts').set({ printed_at: now }).where('receipt_id', '=', receiptNumber).execute();
      } else {
        appointmentId = input.appointmentId;
        const exists = await trx
          .selectFrom('payments')
          .select('payment_id')
          .where('appointment_id', '=', appointmentId)
          .executeTakeFirst();
        if (!exists) throw notFound('appointment');
        receiptNumber = await issueReceipt(trx, 'appointment', appointmentId, now, actor.userId);
        await trx.updateTable('receipts').set({ printed_at: now }).where('receipt_id', '=', receiptNumber).execute();
      }

      const [summary] = await listSummaries(trx, money, { appointmentId });
      if (!summary) throw notFound('appointment');
      const doctor = await trx
        .selectFrom('doctors')
        .select('specialization')
        .where('doctor_id', '=', summary.doctor.doctorId)
        .executeTakeFirst();
      const issuer = await trx
        .selectFrom('users')
        .select('name')
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      const allEntries = await listEntries(trx, summary.paymentId);
      const entry = allEntries.find((e) => e.entryId === entryId);
      // A payment or refund receipt shows the account as it stood right after that entry,
      // so a reprint says the same as the original; a statement shows it as it is now.
      const entries = entry ? allEntries.filter((e) => e.entryId <= entry.entryId) : allEntries;
      const sum = (kinds: string[]) =>
        entries.filter((e) => kinds.includes(e.kind)).reduce((total, e) => total + e.amountMinor, 0);
      const totals = {
        chargeMinor: sum(['charge', 'adjustment']),
        paidMinor: sum(['payment']),
        refundedMinor: sum(['refund']),
      };
      const receipt: ReceiptData = {
        clinicName: money.clinicName,
        clinicAddress: money.clinicAddress,
        receiptNumber,
        kind: entry ? (entry.kind === 'refund' ? 'refund' : 'payment') : 'appointment',
        copy,
        issuedAt: local(now),
        patientName: summary.patient.name,
        patientNumber: summary.patient.patientNumber,
        doctorName: summary.doctor.name,
        service: words.consultation(doctor?.specialization ?? ''),
        visit: `${summary.date} ${summary.time}`,
        movement: entry
          ? {
              amount: show(entry.amountMinor),
              method: entry.method ?? 'other',
              reference: entry.reference,
              reason: entry.reason,
              by: entry.createdBy,
              at: local(entry.createdAt),
            }
          : null,
        entries: entries.map((e) => ({
          at: local(e.createdAt),
          kind: e.kind,
          method: e.method,
          amount: show(e.kind === 'refund' ? -e.amountMinor : e.amountMinor),
          receipt: e.receiptNumber,
        })),
        charge: show(totals.chargeMinor),
        paid: show(totals.paidMinor),
        refunded: show(totals.refundedMinor),
        balance: show(balanceOf(totals, summary.appointmentStatus)),
        issuedBy: issuer?.name ?? null,
      };
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: copy ? 'receipt.reprint' : 'receipt.print',
        entity: 'receipt',
        entityId: receiptNumber,
        after: { appointmentId, entryId, kind: receipt.kind },
      });
      return receipt;
    });
    const { receiptDocument, renderPdfBase64 } = await pdfModules();
    return {
      fileName: `receipt-${receiptNumberText(data.receiptNumber)}${data.copy ? '-copy' : ''}.pdf`,
      pdfBase64: await renderPdfBase64(receiptDocument(data, input.paper ?? 'a5')),
      receiptNumber: data.receiptNumber,
    };
  }

  /** `input.doctorId` is already forced to the doctor's own for doctors. */
  async function reportPdf(actor: Actor, input: RangeInput): Promise<PdfFile> {
    const money = await clinicMoney(db);
    const doctorId = actor.role === 'doctor' ? actor.userId : input.doctorId;
    const report = await buildReport(db, money, { ...input, doctorId }, actor.role !== 'doctor');
    const doctor =
      doctorId === undefined
        ? null
        : await db.selectFrom('users').select('name').where('user_id', '=', doctorId).executeTakeFirst();
    const printed = localDateTime(clock.now().toISOString(), money.timeZone);
    // Laid out in the PDF worker: a year's report no longer holds every desk's answers.
    const { renderReportPdf } = await import('../../pdf/render-report.ts');
    const pdfBase64 = await renderReportPdf(report, {
      clinicName: money.clinicName,
      clinicAddress: money.clinicAddress,
      doctorName: doctor?.name ?? null,
      printedAt: `${printed.date} ${printed.time}`,
      timeZone: money.timeZone,
    });
    const range = input.from === input.to ? input.from : `${input.from}-to-${input.to}`;
    return { fileName: `payments-report-${range}.pdf`, pdfBase64 };
  }

  return { receiptPdf, reportPdf };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
