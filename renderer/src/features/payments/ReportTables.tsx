import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PaymentReport } from '../../../../preload/contract-payments.ts';
import { formatDateMedium } from '../../lib/date-format.ts';
import { AppointmentStatusBadge } from '../../lib/AppointmentStatusBadge.tsx';
import { useDeskFormat } from '../front-desk/use-desk-format.ts';
import { methodLabels, paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.report;
const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function MoneyTh({ children }: { children: ReactNode }) {
  return (
    <Table.Th scope="col" ta="right">
      {children}
    </Table.Th>
  );
}

function MoneyTd({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return (
    <Table.Td ta="right" style={numeric} fw={strong ? 700 : undefined}>
      {children}
    </Table.Td>
  );
}

export function MethodTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} aria-label={strings.byMethod}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.method}</Table.Th>
            <MoneyTh>{strings.count}</MoneyTh>
            <MoneyTh>{strings.collectedColumn}</MoneyTh>
            <MoneyTh>{strings.refundedColumn}</MoneyTh>
            <MoneyTh>{strings.netColumn}</MoneyTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.byMethod.map((row) => (
            <Table.Tr key={row.method}>
              <Table.Th scope="row" fw={500}>
                {methodLabels[row.method]}
              </Table.Th>
              <MoneyTd>{row.count}</MoneyTd>
              <MoneyTd>{money(row.collectedMinor)}</MoneyTd>
              <MoneyTd>{money(row.refundedMinor)}</MoneyTd>
              <MoneyTd strong>{money(row.netMinor)}</MoneyTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DoctorTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} aria-label={strings.byDoctor}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.doctor}</Table.Th>
            <MoneyTh>{strings.chargedColumn}</MoneyTh>
            <MoneyTh>{strings.discountsColumn}</MoneyTh>
            <MoneyTh>{strings.collectedColumn}</MoneyTh>
            <MoneyTh>{strings.refundedColumn}</MoneyTh>
            <MoneyTh>{strings.netColumn}</MoneyTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.byDoctor.map((row) => (
            <Table.Tr key={row.doctorId}>
              <Table.Th scope="row" fw={500}>
                {row.doctorName}
              </Table.Th>
              <MoneyTd>{money(row.chargedMinor)}</MoneyTd>
              <MoneyTd>{money(row.discountsMinor)}</MoneyTd>
              <MoneyTd>{money(row.collectedMinor)}</MoneyTd>
              <MoneyTd>{money(row.refundedMinor)}</MoneyTd>
              <MoneyTd strong>{money(row.netMinor)}</MoneyTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DayTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} aria-label={strings.byDay}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.day}</Table.Th>
            <MoneyTh>{strings.chargedColumn}</MoneyTh>
            <MoneyTh>{strings.collectedColumn}</MoneyTh>
            <MoneyTh>{strings.refundedColumn}</MoneyTh>
            <MoneyTh>{strings.netColumn}</MoneyTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.byDay.map((row) => (
            <Table.Tr key={row.date}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {formatDateMedium(row.date)}
              </Table.Th>
              <MoneyTd>{money(row.chargedMinor)}</MoneyTd>
              <MoneyTd>{money(row.collectedMinor)}</MoneyTd>
              <MoneyTd>{money(row.refundedMinor)}</MoneyTd>
              <MoneyTd strong>{money(row.netMinor)}</MoneyTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UnpaidTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const format = useDeskFormat();
  if (report.unpaidCompleted.length === 0) return <Text size="sm">{strings.unpaidEmpty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} aria-label={strings.unpaid}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{paymentsStrings.table.when}</Table.Th>
            <Table.Th scope="col">{paymentsStrings.table.patient}</Table.Th>
            <Table.Th scope="col">{paymentsStrings.table.doctor}</Table.Th>
            <Table.Th scope="col">{paymentsStrings.table.visit}</Table.Th>
            <MoneyTh>{paymentsStrings.table.balance}</MoneyTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.unpaidCompleted.map((row) => {
            const when = format.when(row.date, row.time);
            return (
              <Table.Tr key={row.appointmentId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/payments/appointment/${row.appointmentId}?from=${row.date}&to=${row.date}`}
                    aria-label={paymentsStrings.table.openAccount(row.patient.name, when)}
                  >
                    {row.patient.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.doctor.name}</Table.Td>
                <Table.Td>
                  <AppointmentStatusBadge status={row.appointmentStatus} />
                </Table.Td>
                <MoneyTd strong>{money(row.balanceMinor)}</MoneyTd>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DrawerSessionsTable({ report }: { report: PaymentReport }) {
  const money = useMoney(report);
  const format = useDeskFormat();
  const drawer = paymentsStrings.drawer;
  if (report.drawerSessions.length === 0) return <Text size="sm">{strings.drawerEmpty}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={4} aria-label={strings.drawer}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.opened}</Table.Th>
            <Table.Th scope="col">{strings.closed}</Table.Th>
            <MoneyTh>{drawer.float}</MoneyTh>
            <MoneyTh>{drawer.expected}</MoneyTh>
            <MoneyTh>{drawer.counted}</MoneyTh>
            <MoneyTh>{drawer.difference}</MoneyTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.drawerSessions.map((s) => (
            <Table.Tr key={s.sessionId}>
              <Table.Td>
                <Text size="sm">{format.instant(s.openedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {s.openedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.closedAt ? format.instant(s.closedAt) : strings.stillOpen}</Text>
                <Text size="xs" c="dimmed">
                  {s.closedBy}
                </Text>
              </Table.Td>
              <MoneyTd>{money(s.floatMinor)}</MoneyTd>
              <MoneyTd>{money(s.expectedMinor)}</MoneyTd>
              <MoneyTd>{s.countedMinor === null ? '' : money(s.countedMinor)}</MoneyTd>
              <MoneyTd strong>{s.differenceMinor === null ? '' : money(s.differenceMinor)}</MoneyTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
