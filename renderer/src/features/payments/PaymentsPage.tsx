import {
  Alert,
  Button,
  Drawer,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartBar, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PAYMENT_STATUSES, type AccountSummary } from '#contract/payments.ts';
import { chargedMinorOf } from '#shared/money-words.ts';
import { messageOf } from '../../api/errors.ts';
import { formatDateMedium } from '../../lib/date-format.ts';
import { useDoctorList } from '../../api/schedule.ts';
import { AccountPanel } from './AccountPanel.tsx';
import { AccountsTable } from './AccountsTable.tsx';
import { DrawerCard } from './DrawerCard.tsx';
import { useAccount, useAccountList } from './payments-api.ts';
import { RangeFields } from './RangeFields.tsx';
import { paymentStatusLabels, paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';
import { usePaymentsFilter } from './use-range.ts';
import { usePaymentsRole } from './use-viewer.ts';

const strings = paymentsStrings.page;

function ListSkeleton() {
  return (
    <Stack gap={6} aria-busy="true">
      <VisuallyHidden>{strings.loading}</VisuallyHidden>
      {[0, 1, 2, 3].map((row) => (
        <Skeleton key={row} height={34} />
      ))}
    </Stack>
  );
}

function Totals({ rows }: { rows: AccountSummary[] }) {
  const money = useMoney(rows[0]);
  const sum = (pick: (row: AccountSummary) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return (
    <Text size="sm" c="dimmed" aria-live="polite">
      {strings.count(rows.length)} ·{' '}
      {strings.totalsLine(
        money(sum(chargedMinorOf)),
        money(sum((r) => r.paidMinor - r.refundedMinor)),
        money(sum((r) => r.balanceMinor)),
      )}
    </Text>
  );
}

/** The account drawer's title: the patient's name once the account is loaded. */
function AccountTitle({ appointmentId }: { appointmentId: number }) {
  const account = useAccount(appointmentId);
  return <>{account.data ? paymentsStrings.account.title(account.data.patient.name) : strings.title}</>;
}

/** Payments: the accounts of a date range with filters, the cash drawer, and one account in a drawer. */
export function PaymentsPage() {
  const { filter, update, today, typedQuery, search } = usePaymentsFilter();
  const { canTake, isDoctor } = usePaymentsRole();
  const doctors = useDoctorList({});
  const navigate = useNavigate();
  const params = useParams();
  const selectedId = Number(params.appointmentId) > 0 ? Number(params.appointmentId) : null;
  const [typed, setTyped] = useState(typedQuery);
  const [dialogOnTop, setDialogOnTop] = useState(false);
  const [query] = useDebouncedValue(typed.trim(), 200);
  useEffect(() => {
    if (filter && query !== filter.query) update({ query });
  }, [query, filter, update]);

  const list = useAccountList(
    filter
      ? {
          from: filter.from,
          to: filter.to,
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.doctorId ? { doctorId: filter.doctorId } : {}),
          ...(filter.query ? { query: filter.query } : {}),
        }
      : null,
  );
  const suffix = search ? `?${search}` : '';
  const hrefOf = (row: AccountSummary) => `/payments/appointment/${row.appointmentId}${suffix}`;

  const content = () => {
    if (list.isError)
      return (
        <Alert color="red" title={strings.loadFailed}>
          {messageOf(list.error)}
        </Alert>
      );
    if (!list.data) return <ListSkeleton />;
    if (list.data.rows.length === 0) return <Text>{strings.empty}</Text>;
    return (
      <Stack gap="xs">
        <Totals rows={list.data.rows} />
        {list.data.truncated ? <Alert color="yellow">{strings.truncated(list.data.rows.length)}</Alert> : null}
        <Text size="xs" c="dimmed">
          {strings.listHint}
        </Text>
        <AccountsTable rows={list.data.rows} hrefOf={hrefOf} selectedId={selectedId} />
      </Stack>
    );
  };

  const range =
    filter && filter.from === filter.to
      ? formatDateMedium(filter.from)
      : filter
        ? `${formatDateMedium(filter.from)} – ${formatDateMedium(filter.to)}`
        : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{strings.title}</Title>
          <Text c="dimmed">{filter ? strings.subtitle(range) : '\u00a0'}</Text>
        </div>
        <Button
          component={Link}
          to={`/payments/report${suffix}`}
          variant="default"
          leftSection={<IconChartBar size={18} aria-hidden />}
        >
          {strings.report}
        </Button>
      </Group>
      {canTake ? <DrawerCard /> : null}
      {filter && today ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <RangeFields from={filter.from} to={filter.to} today={today} onChange={update} />
          <Select
            label={strings.status}
            placeholder={strings.anyStatus}
            w={170}
            clearable
            data={PAYMENT_STATUSES.map((status) => ({ value: status, label: paymentStatusLabels[status] }))}
            value={filter.status}
            onChange={(value) => update({ status: PAYMENT_STATUSES.find((s) => s === value) ?? null })}
          />
          {isDoctor ? null : (
            <Select
              label={strings.doctor}
              placeholder={strings.anyDoctor}
              w={200}
              clearable
              searchable
              data={(doctors.data ?? []).map((d) => ({ value: String(d.doctorId), label: d.name }))}
              value={filter.doctorId ? String(filter.doctorId) : null}
              onChange={(value) => update({ doctorId: value ? Number(value) : null })}
            />
          )}
          <TextInput
            label={strings.patient}
            placeholder={strings.patientPlaceholder}
            w={220}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
        </Group>
      ) : null}
      {content()}
      <Drawer
        opened={selectedId !== null}
        onClose={() => void navigate(`/payments${suffix}`)}
        position="right"
        closeOnEscape={!dialogOnTop}
        size={880}
        title={selectedId ? <AccountTitle appointmentId={selectedId} /> : null}
        closeButtonProps={{ 'aria-label': paymentsStrings.account.close }}
      >
        {selectedId ? <AccountPanel appointmentId={selectedId} onDialogChange={setDialogOnTop} /> : null}
      </Drawer>
    </Stack>
  );
}
