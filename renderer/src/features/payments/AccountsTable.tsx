import { Anchor, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { AccountSummary } from '#contract/payments.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { accountColumns } from './account-columns.tsx';
import { MoneyTable, type MoneyColumn } from './MoneyTable.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.table;

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
  const columns: MoneyColumn<AccountSummary>[] = [
    { header: strings.when, nowrap: true, cell: (row) => format.when(row.date, row.time) },
    {
      header: strings.patient,
      cell: (row) => (
        <>
          <Anchor
            component={Link}
            to={hrefOf(row)}
            fw={600}
            data-row-link
            aria-label={strings.openAccount(row.patient.name, format.when(row.date, row.time))}
          >
            {row.patient.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {row.patient.patientNumber}
          </Text>
        </>
      ),
    },
    { header: strings.doctor, cell: (row) => row.doctor.name },
    { header: strings.visit, cell: (row) => <AppointmentStatusBadge status={row.appointmentStatus} /> },
    ...accountColumns(formatMoney),
  ];
  return (
    <MoneyTable
      label={paymentsStrings.page.listLabel}
      minWidth={900}
      verticalSpacing={6}
      highlightOnHover
      columns={columns}
      rows={rows}
      rowKey={(row) => row.appointmentId}
      rowProps={(row) => ({
        'data-status': row.status,
        'aria-current': row.appointmentId === selectedId ? 'true' : undefined,
        style:
          row.appointmentId === selectedId
            ? { boxShadow: 'inset 4px 0 0 var(--mantine-primary-color-filled)' }
            : undefined,
      })}
      onBodyKeyDown={moveBetweenRows}
    />
  );
}
