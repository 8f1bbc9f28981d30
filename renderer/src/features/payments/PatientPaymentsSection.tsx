import { Anchor, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { useDeskFormat } from '../front-desk/use-desk-format.ts';
import { usePatientPayments } from './payments-api.ts';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.patient;
const table = paymentsStrings.table;
const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The patient page's payments: one row per appointment account, newest first, each linking to it. */
export function PatientPaymentsSection({ patientId }: { patientId: number }) {
  const payments = usePatientPayments(patientId);
  const format = useDeskFormat();
  const rows = payments.data ?? [];
  const money = useMoney(rows[0]);
  const owed = rows.reduce((sum, row) => sum + row.balanceMinor, 0);

  const body = () => {
    if (payments.isError) return <Text c="red">{messageOf(payments.error)}</Text>;
    if (payments.isPending) return <Skeleton height={60} aria-busy="true" />;
    if (rows.length === 0) return <Text size="sm">{strings.empty}</Text>;
    return (
      <>
        {owed > 0 ? <Text fw={600}>{strings.total(money(owed))}</Text> : null}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} aria-label={strings.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{table.when}</Table.Th>
                <Table.Th scope="col">{table.doctor}</Table.Th>
                <Table.Th scope="col">{table.status}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {table.charge}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {table.paid}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {table.balance}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const when = format.when(row.date, row.time);
                return (
                  <Table.Tr key={row.appointmentId} data-status={row.status}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component={Link}
                        to={`/payments/appointment/${row.appointmentId}?from=${row.date}&to=${row.date}`}
                        aria-label={strings.open(when)}
                      >
                        {when}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.doctor.name}</Table.Td>
                    <Table.Td>
                      <PaymentStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      {money(row.chargeMinor)}
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      {money(row.paidMinor - row.refundedMinor)}
                    </Table.Td>
                    <Table.Td ta="right" style={numeric} fw={row.balanceMinor > 0 ? 700 : undefined}>
                      {money(row.balanceMinor)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
