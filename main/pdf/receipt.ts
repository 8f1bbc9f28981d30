import { createElement as h, type ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps } from '@react-pdf/renderer';
import type { ReceiptPaper } from '#contract/payments.ts';
import { pdfStyles } from './styles.ts';
import { KIND_WORDS, METHOD_WORDS, RECEIPT_TITLES, receiptNumberText, words } from './strings.ts';

/** Everything a receipt prints, already formatted (money as text, times in the clinic zone). */
export interface ReceiptData {
  clinicName: string;
  clinicAddress: string | null;
  receiptNumber: number;
  kind: 'payment' | 'refund' | 'appointment';
  copy: boolean;
  issuedAt: string;
  patientName: string;
  patientNumber: string;
  doctorName: string;
  service: string;
  visit: string;
  /** The payment or refund this receipt is for (absent on a statement). */
  movement: {
    amount: string;
    method: string;
    reference: string | null;
    reason: string | null;
    by: string | null;
    at: string;
  } | null;
  entries: { at: string; kind: string; method: string | null; amount: string; receipt: number | null }[];
  charge: string;
  paid: string;
  refunded: string;
  balance: string;
  issuedBy: string | null;
}

/** An 80 mm roll in PDF points (72 a inch); the page is as long as the receipt. */
export const ROLL_80_WIDTH_PT = (80 / 25.4) * 72;

/** The receipt's page: A5, or an 80 mm roll with narrow margins, smaller type and a narrower label column. */
function paperLayout(paper: ReceiptPaper) {
  if (paper === 'a5') return { size: 'A5' as const, page: {}, label: {}, amount: {} };
  return {
    size: { width: ROLL_80_WIDTH_PT },
    page: { padding: 10, fontSize: 8 },
    label: { width: 62 },
    amount: { flex: 1.2 },
  };
}

export function receiptDocument(data: ReceiptData, paper: ReceiptPaper = 'a5'): ReactElement<DocumentProps> {
  const base = pdfStyles(JSON.stringify(data));
  const layout = paperLayout(paper);
  const s = {
    ...base,
    page: { ...base.page, ...layout.page },
    label: { ...base.label, ...layout.label },
    amount: { ...base.amount, ...layout.amount },
  };
  const line = (label: string, value: string, bold = false) =>
    h(
      View,
      { style: s.row },
      h(Text, { style: s.label }, label),
      h(Text, { style: bold ? [s.value, s.bold] : s.value }, value),
    );
  const movement = data.movement;
  const refund = data.kind === 'refund';
  return h(
    Document,
    { title: `${RECEIPT_TITLES[data.kind]} ${receiptNumberText(data.receiptNumber)}`, author: data.clinicName },
    h(
      Page,
      { size: layout.size, style: s.page },
      h(
        View,
        { style: s.header },
        h(
          View,
          null,
          h(Text, { style: s.clinic }, data.clinicName),
          data.clinicAddress ? h(Text, { style: s.muted }, data.clinicAddress) : null,
        ),
        data.copy ? h(Text, { style: s.copy }, words.copy) : null,
      ),
      h(Text, { style: s.title }, RECEIPT_TITLES[data.kind]),
      line(words.receiptNo, receiptNumberText(data.receiptNumber), true),
      line(words.issued, data.issuedAt),
      h(
        View,
        { style: s.section },
        line(words.patient, `${data.patientName} (${data.patientNumber})`),
        line(words.doctor, data.doctorName),
        line(words.service, data.service),
        line(words.visit, data.visit),
      ),
      movement
        ? h(
            View,
            { style: s.section },
            line(refund ? words.amountRefunded : words.amountReceived, movement.amount, true),
            line(words.method, METHOD_WORDS[movement.method] ?? movement.method),
            movement.reference ? line(words.reference, movement.reference) : null,
            movement.reason ? line(words.reason, movement.reason) : null,
            line(words.date, movement.at),
          )
        : h(
            View,
            { style: s.section },
            h(Text, { style: s.sectionTitle }, words.entries),
            h(
              View,
              { style: s.tableHead },
              h(Text, { style: s.wide }, words.date),
              h(Text, { style: s.cell }, words.kind),
              h(Text, { style: s.cell }, words.method),
              h(Text, { style: s.amount }, words.amount),
            ),
            ...data.entries.map((e, i) =>
              h(
                View,
                { style: s.tableRow, key: i },
                h(Text, { style: s.wide }, e.at),
                h(Text, { style: s.cell }, KIND_WORDS[e.kind] ?? e.kind),
                h(Text, { style: s.cell }, e.method ? (METHOD_WORDS[e.method] ?? e.method) : ''),
                h(Text, { style: s.amount }, e.amount),
              ),
            ),
          ),
      h(
        View,
        { style: s.section },
        line(words.charge, data.charge),
        line(words.paidToDate, data.paid),
        line(words.refundedToDate, data.refunded),
        line(words.balance, data.balance, true),
      ),
      h(
        View,
        { style: s.section },
        line(
          movement ? (refund ? words.refundedBy : words.receivedBy) : words.issuedBy,
          (movement ? movement.by : data.issuedBy) ?? '',
        ),
      ),
      h(Text, { style: s.footer }, words.thanks),
    ),
  );
}
