import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PaymentReport } from '#contract/payments.ts';
import { formatDateMedium } from '../../lib/date-format.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { MoneyTable, type MoneyColumn } from './MoneyTable.tsx';
import { methodLabels, paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.report;

type Row<K extends keyof PaymentReport> = PaymentReport[K] extends readonly (infer R)[] ? R : never;
type Money = (minor: number) => string;

/** A money column: `minor` picks the figure of a row. */
const moneyColumn = <R,>(header: string, money: Money, minor: (row: R) => number, strong = false): MoneyColumn<R> => ({
  header,
  kind: 'money',
  strong,
  cell: (row) => money(minor(row)),
});

/** Collected, refunded and net (bold): the last columns of every summary table. */
const takingsColumns = <R extends { collectedMinor: number; refundedMinor: number; netMinor: number }>(
  money: Money,
): MoneyColumn<R>[] => [
  moneyColumn(strings.collectedColumn, money, (row) => row.collectedMinor),
  moneyColumn(strings.refundedColumn, money, (row) => row.refundedMinor),
  moneyColumn(strings.netColumn, money, (row) => row.netMinor, true),
];

export function MethodTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const columns: MoneyColumn<Row<'byMethod'>>[] = [
    { header: strings.method, kind: 'rowHeader', cell: (row) => methodLabels[row.method] },
    { header: strings.count, kind: 'money', cell: (row) => row.count },
    ...takingsColumns<Row<'byMethod'>>(money),
  ];
  return (
    <MoneyTable
      label={strings.byMethod}
      minWidth={520}
      columns={columns}
      rows={report.byMethod}
      rowKey={(row) => row.method}
    />
  );
}

export function DoctorTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const columns: MoneyColumn<Row<'byDoctor'>>[] = [
    { header: strings.doctor, kind: 'rowHeader', cell: (row) => row.doctorName },
    moneyColumn(strings.chargedColumn, money, (row) => row.chargedMinor),
    moneyColumn(strings.discountsColumn, money, (row) => row.discountsMinor),
    ...takingsColumns<Row<'byDoctor'>>(money),
  ];
  return (
    <MoneyTable
      label={strings.byDoctor}
      minWidth={640}
      columns={columns}
      rows={report.byDoctor}
      rowKey={(row) => row.doctorId}
    />
  );
}

export function DayTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const columns: MoneyColumn<Row<'byDay'>>[] = [
    { header: strings.day, kind: 'rowHeader', nowrap: true, cell: (row) => formatDateMedium(row.date) },
    moneyColumn(strings.chargedColumn, money, (row) => row.chargedMinor),
    ...takingsColumns<Row<'byDay'>>(money),
  ];
  return (
    <MoneyTable label={strings.byDay} minWidth={520} columns={columns} rows={report.byDay} rowKey={(row) => row.date} />
  );
}

export function UnpaidTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const format = useDeskFormat();
  if (report.unpaidCompleted.length === 0) return <Text size="sm">{strings.unpaidEmpty}</Text>;
  const table = paymentsStrings.table;
  const columns: MoneyColumn<Row<'unpaidCompleted'>>[] = [
    { header: table.when, nowrap: true, cell: (row) => format.when(row.date, row.time) },
    {
      header: table.patient,
      cell: (row) => (
        <Anchor
          component={Link}
          to={`/payments/appointment/${row.appointmentId}?from=${row.date}&to=${row.date}`}
          aria-label={table.openAccount(row.patient.name, format.when(row.date, row.time))}
        >
          {row.patient.name}
        </Anchor>
      ),
    },
    { header: table.doctor, cell: (row) => row.doctor.name },
    { header: table.visit, cell: (row) => <AppointmentStatusBadge status={row.appointmentStatus} /> },
    moneyColumn(table.owed, money, (row) => row.balanceMinor, true),
  ];
  return (
    <MoneyTable
      label={strings.unpaid}
      minWidth={640}
      columns={columns}
      rows={report.unpaidCompleted}
      rowKey={(row) => row.appointmentId}
    />
  );
}

/** A moment with who acted under it, dimmed. */
function Stamp({ at, by }: { at: string; by: string | null }) {
  return (
    <>
      <Text size="sm">{at}</Text>
      <Text size="xs" c="dimmed">
        {by}
      </Text>
    </>
  );
}

export function DrawerSessionsTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const format = useDeskFormat();
  if (report.drawerSessions.length === 0) return <Text size="sm">{strings.drawerEmpty}</Text>;
  const drawer = paymentsStrings.drawer;
  const columns: MoneyColumn<Row<'drawerSessions'>>[] = [
    { header: strings.opened, cell: (s) => <Stamp at={format.instant(s.openedAt)} by={s.openedBy} /> },
    {
      header: strings.closed,
      cell: (s) => <Stamp at={s.closedAt ? format.instant(s.closedAt) : strings.stillOpen} by={s.closedBy} />,
    },
    moneyColumn(drawer.float, money, (s) => s.floatMinor),
    moneyColumn(drawer.expected, money, (s) => s.expectedMinor),
    { header: drawer.counted, kind: 'money', cell: (s) => (s.countedMinor === null ? '' : money(s.countedMinor)) },
    {
      header: drawer.difference,
      kind: 'money',
      strong: true,
      cell: (s) => (s.differenceMinor === null ? '' : money(s.differenceMinor)),
    },
  ];
  return (
    <MoneyTable
      label={strings.drawer}
      minWidth={760}
      columns={columns}
      rows={report.drawerSessions}
      rowKey={(s) => s.sessionId}
    />
  );
}
