import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowLeft, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { PaymentReport } from '#contract/payments.ts';
import { messageOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { formatDateMedium, formatDateShort } from '../../lib/date-format.ts';
import { MoneyBarChart } from './MoneyBarChart.tsx';
import { useReport } from './payments-api.ts';
import { RangeFields } from './RangeFields.tsx';
import { DayTable, DoctorTable, DrawerSessionsTable, MethodTable, UnpaidTable } from './ReportTables.tsx';
import { methodLabels, paymentsStrings } from './strings.ts';
import { useFiles } from './use-files.ts';
import { useMoney } from './use-money.ts';
import { usePaymentsFilter } from './use-range.ts';
import { usePaymentsRole } from './use-viewer.ts';

const strings = paymentsStrings.report;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function TotalCard({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Paper withBorder p="sm" data-total={label}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={strong ? 800 : 700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

const SERIES = [
  { key: 'collected', label: strings.collectedColumn, color: 'teal' },
  { key: 'refunded', label: strings.refundedColumn, color: 'grape' },
];

/** The report's figures: totals, chart, tables. Rendered from the report alone (tested as such). */
export function ReportView({ report, showDrawer }: { report: PaymentReport; showDrawer: boolean }) {
  const money = useMoney(report);
  const { totals } = report;
  const several = report.byDay.length > 1;
  const moved = totals.collectedMinor > 0 || totals.refundedMinor > 0;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <TotalCard label={strings.charged} value={money(totals.chargedMinor)} />
        <TotalCard label={strings.collected} value={money(totals.collectedMinor)} />
        <TotalCard label={strings.refunded} value={money(totals.refundedMinor)} />
        <TotalCard label={strings.discounts} value={money(totals.discountsMinor)} />
        <TotalCard label={strings.net} value={money(totals.netMinor)} strong />
      </SimpleGrid>
      <Section title={strings.chartTitle}>
        {moved ? (
          <MoneyBarChart
            label={strings.chartLabel}
            format={money}
            series={SERIES}
            rows={report.byMethod.map((row) => ({
              label: methodLabels[row.method],
              values: { collected: row.collectedMinor, refunded: row.refundedMinor },
            }))}
          />
        ) : (
          <Text size="sm">{strings.nothing}</Text>
        )}
        <MethodTable report={report} />
      </Section>
      {several ? (
        <Section title={strings.chartDayTitle}>
          {moved ? (
            <MoneyBarChart
              label={strings.chartLabel}
              format={money}
              series={SERIES}
              rows={report.byDay.map((row) => ({
                label: formatDateShort(row.date),
                values: { collected: row.collectedMinor, refunded: row.refundedMinor },
              }))}
            />
          ) : null}
          <DayTable report={report} />
        </Section>
      ) : null}
      <Section title={strings.byDoctor}>
        <DoctorTable report={report} />
      </Section>
      <Section title={strings.unpaid}>
        <UnpaidTable report={report} />
      </Section>
      {showDrawer ? (
        <Section title={strings.drawer}>
          <DrawerSessionsTable report={report} />
        </Section>
      ) : null}
    </Stack>
  );
}

/** The day-end report for any range: totals, chart, tables, the PDF to print and the ledger CSV. */
export function ReportPage() {
  const { filter, update, today, search } = usePaymentsFilter();
  const { canTake, isDoctor } = usePaymentsRole();
  const user = useSession().data?.user;
  const files = useFiles();
  const [bom, setBom] = useState(true);
  const range = filter ? { from: filter.from, to: filter.to } : null;
  const report = useReport(range);
  const rangeText =
    filter && filter.from === filter.to
      ? formatDateMedium(filter.from)
      : filter
        ? `${formatDateMedium(filter.from)} – ${formatDateMedium(filter.to)}`
        : '';

  const content = () => {
    if (report.isError)
      return (
        <Alert color="red" title={strings.loadFailed}>
          {messageOf(report.error)}
        </Alert>
      );
    if (!report.data)
      return (
        <Stack gap="sm" aria-busy="true">
          <VisuallyHidden>{strings.loading}</VisuallyHidden>
          <SimpleGrid cols={5}>
            {[0, 1, 2, 3, 4].map((n) => (
              <Skeleton key={n} height={64} />
            ))}
          </SimpleGrid>
          <Skeleton height={260} />
        </Stack>
      );
    return <ReportView report={report.data} showDrawer={canTake} />;
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/payments${search ? `?${search}` : ''}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
        {strings.back}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{strings.title}</Title>
          <Text c="dimmed">
            {filter ? strings.range(rangeText) : '\u00a0'}
            {isDoctor && user ? ` ${strings.doctorOnly(user.name)}` : ''}
          </Text>
        </div>
        {range ? (
          <Group gap="xs" align="center">
            <Button
              leftSection={<IconPrinter size={18} aria-hidden />}
              loading={files.busy === 'report'}
              onClick={() => void files.print('report', { kind: 'report', input: range })}
            >
              {strings.pdf}
            </Button>
            {canTake ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  loading={files.busy === 'csv'}
                  onClick={() => void files.save('csv', { kind: 'csv', input: { ...range, bom } })}
                >
                  {strings.csv}
                </Button>
                <Checkbox
                  label={strings.bom}
                  title={strings.bomHint}
                  checked={bom}
                  onChange={(event) => setBom(event.currentTarget.checked)}
                />
              </>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {filter && today ? <RangeFields from={filter.from} to={filter.to} today={today} onChange={update} /> : null}
      {content()}
    </Stack>
  );
}
