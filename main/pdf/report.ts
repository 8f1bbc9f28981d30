import { createElement as h, type ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps, type Styles } from '@react-pdf/renderer';
import type { PaymentReport } from '#contract/payments.ts';
import { clinicNow } from '#shared/dates.ts';
import { formatMinorCode as formatMoney } from '#shared/money.ts';
import { pdfStyles } from './styles.ts';
import { METHOD_WORDS, words } from './strings.ts';

export interface ReportHeader {
  clinicName: string;
  clinicAddress: string | null;
  doctorName: string | null;
  printedAt: string;
  /** The clinic's zone, for the drawer's times. Plain data: the header crosses to the PDF worker. */
  timeZone: string;
}

/** A UTC instant as clinic-local 'YYYY-MM-DD HH:MM'. */
function localTime(iso: string, timeZone: string): string {
  const at = clinicNow(timeZone, new Date(iso));
  return `${at.date} ${at.time}`;
}

const BAR_WIDTH = 220;

export function reportDocument(report: PaymentReport, header: ReportHeader): ReactElement<DocumentProps> {
  const s = pdfStyles(JSON.stringify([report, header]));
  const money = (minor: number) => formatMoney(minor, report.currency, report.minorDigits);
  const title = report.from === report.to ? words.dayEndTitle : words.reportTitle;
  const row = (cells: string[], style: Styles[string] = s.tableRow, key?: number) =>
    h(View, { style, key }, ...cells.map((c, i) => h(Text, { style: i === 0 ? s.wide : s.amount, key: i }, c)));
  const section = (name: string, ...children: (ReactElement | null)[]) =>
    h(View, { style: s.section, wrap: false }, h(Text, { style: s.sectionTitle }, name), ...children);
  const t = report.totals;
  const maxDay = Math.max(1, ...report.byDay.map((d) => d.collectedMinor));
  return h(
    Document,
    { title: `${title} ${words.range(report.from, report.to)}`, author: header.clinicName },
    h(
      Page,
      { size: 'A4', style: s.page },
      h(
        View,
        { style: s.header },
        h(
          View,
          null,
          h(Text, { style: s.clinic }, header.clinicName),
          header.clinicAddress ? h(Text, { style: s.muted }, header.clinicAddress) : null,
        ),
        h(Text, { style: s.muted }, words.printedAt(header.printedAt)),
      ),
      h(Text, { style: s.title }, `${title}: ${words.range(report.from, report.to)}`),
      header.doctorName ? h(Text, { style: s.muted }, words.forDoctor(header.doctorName)) : null,
      section(
        words.totals,
        row([words.charged, money(t.chargedMinor)]),
        row([words.discounts, money(t.discountsMinor)]),
        row([words.collected, money(t.collectedMinor)]),
        row([words.refunded, money(t.refundedMinor)]),
        row([words.net, money(t.netMinor)], s.totalRow),
      ),
      section(
        words.byMethod,
        row([words.method, words.collected, words.refunded, words.net, words.count], s.tableHead),
        ...report.byMethod.map((m, i) =>
          row(
            [
              METHOD_WORDS[m.method] ?? m.method,
              money(m.collectedMinor),
              money(m.refundedMinor),
              money(m.netMinor),
              String(m.count),
            ],
            s.tableRow,
            i,
          ),
        ),
      ),
      section(
        words.byDoctor,
        row([words.doctor, words.charged, words.collected, words.refunded, words.net], s.tableHead),
        ...report.byDoctor.map((d, i) =>
          row(
            [d.doctorName, money(d.chargedMinor), money(d.collectedMinor), money(d.refundedMinor), money(d.netMinor)],
            s.tableRow,
            i,
          ),
        ),
      ),
      section(
        words.byDay,
        ...report.byDay.map((d, i) =>
          h(
            View,
            { style: s.row, key: i },
            h(Text, { style: { width: 80 } }, d.date),
            h(View, {
              style: {
                width: Math.max(1, Math.round((d.collectedMinor / maxDay) * BAR_WIDTH)),
                height: 9,
                backgroundColor: '#3b6fb6',
                marginRight: 6,
                marginTop: 1,
              },
            }),
            h(Text, null, money(d.collectedMinor)),
          ),
        ),
      ),
      section(
        words.unpaid,
        report.unpaidCompleted.length === 0
          ? h(Text, { style: s.muted }, words.noneUnpaid)
          : row([words.patient, words.visit, words.doctor, words.balance], s.tableHead),
        ...report.unpaidCompleted.map((u, i) =>
          row(
            [
              `${u.patient.name} (${u.patient.patientNumber})`,
              `${u.date} ${u.time}`,
              u.doctor.name,
              money(u.balanceMinor),
            ],
            s.tableRow,
            i,
          ),
        ),
      ),
      header.doctorName === null
        ? section(
            words.drawer,
            report.drawerSessions.length === 0
              ? h(Text, { style: s.muted }, words.noDrawer)
              : row([words.opened, words.float, words.expected, words.counted, words.difference], s.tableHead),
            ...report.drawerSessions.map((d, i) =>
              row(
                [
                  `${localTime(d.openedAt, header.timeZone)} (${d.openedBy ?? ''})${d.closedAt ? '' : `, ${words.stillOpen}`}`,
                  money(d.floatMinor),
                  money(d.expectedMinor),
                  d.countedMinor === null ? '' : money(d.countedMinor),
                  d.differenceMinor === null ? '' : money(d.differenceMinor),
                ],
                s.tableRow,
                i,
              ),
            ),
          )
        : null,
    ),
  );
}
