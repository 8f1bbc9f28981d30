import { Anchor, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { AccountSummary } from '../../../../preload/contract-payments.ts';
import { AppointmentStatusBadge } from '../../lib/AppointmentStatusBadge.tsx';
import { useDeskFormat } from '../front-desk/use-desk-format.ts';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.table;
const money = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Up/Down (and Home/End) move between the rows' links; Enter follows the focused one. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
  if (links.length === 0) return;
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? links.length - 1
        : Math.min(links.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  links[next]?.focus();
}

interface AccountsTableProps {
  rows: AccountSummary[];
  /** Where a row's link goes, keeping the list's filters. */
  hrefOf: (row: AccountSummary) => string;
  selectedId: number | null;
}

/** Appointment accounts of the chosen days: one row each, its link opens the account. */
export function AccountsTable({ rows, hrefOf, selectedId }: AccountsTableProps) {
  const format = useDeskFormat();
  const formatMoney = useMoney(rows[0]);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} highlightOnHover aria-label={paymentsStrings.page.listLabel}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.when}</Table.Th>
            <Table.Th scope="col">{strings.patient}</Table.Th>
            <Table.Th scope="col">{strings.doctor}</Table.Th>
            <Table.Th scope="col">{strings.visit}</Table.Th>
            <Table.Th scope="col">{strings.status}</Table.Th>
            <Table.Th scope="col" ta="right">
              {strings.charge}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {strings.paid}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {strings.balance}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={moveBetweenRows}>
          {rows.map((row) => {
            const when = format.when(row.date, row.time);
            return (
              <Table.Tr
                key={row.appointmentId}
                data-status={row.status}
                aria-current={row.appointmentId === selectedId ? 'true' : undefined}
                style={
                  row.appointmentId === selectedId
                    ? { boxShadow: 'inset 4px 0 0 var(--mantine-primary-color-filled)' }
                    : undefined
                }
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={hrefOf(row)}
                    fw={600}
                    data-row-link
                    aria-label={strings.openAccount(row.patient.name, when)}
                  >
                    {row.patient.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.patient.patientNumber}
                  </Text>
                </Table.Td>
                <Table.Td>{row.doctor.name}</Table.Td>
                <Table.Td>
                  <AppointmentStatusBadge status={row.appointmentStatus} />
                </Table.Td>
                <Table.Td>
                  <PaymentStatusBadge status={row.status} />
                </Table.Td>
                <Table.Td ta="right" style={money}>
                  {formatMoney(row.chargeMinor)}
                </Table.Td>
                <Table.Td ta="right" style={money}>
                  {formatMoney(row.paidMinor - row.refundedMinor)}
                </Table.Td>
                <Table.Td ta="right" style={money} fw={row.balanceMinor > 0 ? 700 : undefined}>
                  {formatMoney(row.balanceMinor)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
