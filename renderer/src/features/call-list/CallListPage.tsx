import { Alert, Button, Group, Progress, Select, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallListEntry } from '#contract/call-list.ts';
import type { CallOutcome } from '#shared/statuses.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { downloadText } from '../../lib/download.ts';
import { isDeskRole, useViewer } from '../../lib/use-desk-format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ReasonDialog } from '../front-desk/index.ts';
import { useCallList, useMarkCall } from './call-list-api.ts';
import { CallListTable } from './CallListTable.tsx';
import { callListStrings as strings } from './strings.ts';
import { usePrintouts } from './use-printouts.ts';

const ALL = 'all';

/** The doctors on the day's list, with their counts, for the filter. */
function doctorChoices(entries: readonly CallListEntry[]) {
  const counts = new Map<number, { name: string; count: number }>();
  for (const e of entries) {
    const doctor = counts.get(e.doctorId) ?? { name: e.doctorName, count: 0 };
    counts.set(e.doctorId, { ...doctor, count: doctor.count + 1 });
  }
  return [
    { value: ALL, label: strings.allDoctors(entries.length) },
    ...[...counts]
      .sort(([, a], [, b]) => a.name.localeCompare(b.name))
      .map(([id, d]) => ({ value: String(id), label: strings.doctorOption(d.name, d.count) })),
  ];
}

/** Tomorrow's (or a chosen day's) appointments to confirm by phone, marked by keyboard. */
export function CallListPage() {
  const [date, setDate] = useState<string | null>(null);
  const [doctor, setDoctor] = useState(ALL);
  const [cancelling, setCancelling] = useState<CallListEntry | null>(null);
  const list = useCallList(date);
  const markCall = useMarkCall();
  const printouts = usePrintouts();
  const canMark = isDeskRole(useViewer());
  const day = list.data?.date ?? date;
  const doctorId = doctor === ALL ? undefined : Number(doctor);
  const entries = (list.data?.entries ?? []).filter((e) => doctorId === undefined || e.doctorId === doctorId);
  const called = entries.filter((e) => e.calls > 0).length;

  async function mark(entry: CallListEntry, outcome: CallOutcome, note: string | null = null): Promise<boolean> {
    if (outcome === 'cancelled' && note === null) {
      setCancelling(entry);
      return false;
    }
    try {
      await markCall.mutateAsync({ appointmentId: entry.appointmentId, outcome, note });
      notifications.show({ color: 'green', message: strings.marked(entry.patientName, strings.outcomes[outcome]) });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
      return false;
    }
  }

  async function exportCsv() {
    if (!day) return;
    try {
      const file = await call('calls.csv', {
        date: day,
        ...(doctorId === undefined ? {} : { doctorId }),
        bom: true,
      });
      downloadText(file.fileName, file.content, file.mimeType);
      notifications.show({ color: 'green', message: strings.exported(file.fileName) });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  }

  const content = () => {
    if (list.isPending)
      return (
        <Stack gap={6} aria-busy="true">
          <VisuallyHidden>{strings.loading}</VisuallyHidden>
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={34} />
          ))}
        </Stack>
      );
    if (list.isError)
      return (
        <Alert color="red" title={strings.loadFailed}>
          {messageOf(list.error)}
        </Alert>
      );
    if (entries.length === 0) return <Text>{strings.empty}</Text>;
    return (
      <>
        <CallListTable
          entries={entries}
          canMark={canMark}
          busyId={markCall.isPending ? (markCall.variables?.appointmentId ?? null) : null}
          onMark={(entry, outcome) => mark(entry, outcome)}
        />
        {canMark ? <Text size="sm">{strings.keyboardHint}</Text> : null}
      </>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{strings.title}</Title>
          <Text size="sm">{strings.intro}</Text>
        </Stack>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <DateField label={strings.day} value={day} onChange={(value) => value && setDate(value)} w={200} />
          <Select
            label={strings.doctor}
            w={260}
            data={doctorChoices(list.data?.entries ?? [])}
            value={doctor}
            onChange={(value) => setDoctor(value ?? ALL)}
            allowDeselect={false}
            searchable
          />
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => void exportCsv()}
            disabled={!day}
          >
            {strings.exportCsv}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            loading={printouts.busy}
            disabled={!day}
            onClick={() => day && void printouts.print({ kind: 'dayList', date: day, doctorId })}
          >
            {strings.printouts.dayList}
          </Button>
        </Group>
      </Group>
      {list.data ? (
        <Group gap="sm" wrap="nowrap">
          <Text fw={700} role="status" data-call-progress>
            {strings.progress(called, entries.length)}
          </Text>
          <Progress
            value={entries.length === 0 ? 0 : (called / entries.length) * 100}
            w={200}
            aria-label={strings.progressLabel}
          />
        </Group>
      ) : null}
      {content()}
      <ReasonDialog
        opened={cancelling !== null}
        title={cancelling ? strings.cancel.title(cancelling.patientName) : ''}
        body={strings.cancel.body}
        reasonLabel={strings.cancel.reason}
        reasonWords="reason for cancelling"
        confirmLabel={strings.cancel.submit}
        keepLabel={strings.cancel.keep}
        onConfirm={async (reason) => {
          if (!cancelling) return;
          await markCall.mutateAsync({ appointmentId: cancelling.appointmentId, outcome: 'cancelled', note: reason });
          notifications.show({
            color: 'green',
            message: strings.marked(cancelling.patientName, strings.outcomes.cancelled),
          });
        }}
        onClose={() => setCancelling(null)}
      />
    </Stack>
  );
}
