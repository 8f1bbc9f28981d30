import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AccountSummary } from '#contract/payments.ts';
import { dueSplit } from '#shared/money-words.ts';
import { messageOf } from '../../api/errors.ts';
import { useClinicToday } from '../../lib/use-clinic-today.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { usePatientPayments } from './payments-api.ts';
import { accountColumns } from './account-columns.tsx';
import { MoneyTable, type MoneyColumn } from './MoneyTable.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.patient;
const table = paymentsStrings.table;

/** What the patient owes, split as the glossary says: due now (visits up to today) and upcoming. */
function OwedFigures({
  rows,
  today,
  money,
}: {
  rows: AccountSummary[];
  today: string;
  money: (minor: number) => string;
}) {
  const { dueNowMinor, upcomingMinor } = dueSplit(rows, today);
  return (
    <Group gap="xl" role="group" aria-label={strings.owedLabel}>
      <div>
        <Text size="xs" c="dimmed" fw={600}>
          {strings.dueNow}
        </Text>
        <Text fw={700}>{money(dueNowMinor)}</Text>
      </div>
      <div>
        <Text size="xs" c="dimmed" fw={600}>
          {strings.upcoming}
        </Text>
        <Text fw={600}>{money(upcomingMinor)}</Text>
      </div>
    </Group>
  );
}

/** The patient page's payments: one row per appointment account, newest first, each linking to it. */
export function PatientPaymentsSection({ patientId }: { patientId: number }) {
  const payments = usePatientPayments(patientId);
  const format = useDeskFormat();
  const rows = payments.data ?? [];
  const money = useMoney(rows[0]);
  const today = useClinicToday();
  const columns: MoneyColumn<AccountSummary>[] = [
    {
      header: table.when,
      nowrap: true,
      cell: (row) => (
        <Anchor
          component={Link}
          to={`/payments/appointment/${row.appointmentId}?from=${row.date}&to=${row.date}`}
          aria-label={strings.open(format.when(row.date, row.time))}
        >
          {format.when(row.date, row.time)}
        </Anchor>
      ),
    },
    { header: table.doctor, cell: (row) => row.doctor.name },
    ...accountColumns(money),
  ];

  const body = () => {
    if (payments.isError) return <Text c="red">{messageOf(payments.error)}</Text>;
    if (payments.isPending) return <Skeleton height={60} aria-busy="true" />;
    if (rows.length === 0) return <Text size="sm">{strings.empty}</Text>;
    return (
      <>
        {today ? <OwedFigures rows={rows} today={today} money={money} /> : null}
        <MoneyTable
          label={strings.title}
          minWidth={760}
          verticalSpacing={6}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.appointmentId}
          rowProps={(row) => ({ 'data-status': row.status })}
        />
      </>
    );
  };

  return (
    <Stack gap="xs" component="section" aria-label={strings.title}>
      <Title order={2} size="h4">
        {strings.title}
      </Title>
      {body()}
    </Stack>
  );
}
