import { Button, Card, Checkbox, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconDownload, IconFileSpreadsheet, IconHeartbeat, IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { EXPORT_MAX_DAYS, rangeDays } from '#contract/exports.ts';
import { addDays, todayIn } from '#shared/dates.ts';
import { useSettings } from '../../../api/settings.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { DateField } from '../../../ui/DateField.tsx';
import { DiagnosticsSection } from '../diagnostics/DiagnosticsSection.tsx';
import { useDoctorList } from '../../../api/schedule.ts';
import { exportsStrings as strings } from './strings.ts';
import { useExportDownload, type ExportChannel } from './use-export-download.ts';

const firstOfMonth = (date: string): string => `${date.slice(0, 8)}01`;
const lastOfMonth = (date: string): string => addDays(firstOfMonth(addDays(firstOfMonth(date), 32)), -1);

function monthRange(today: string, shift: -1 | 0 | 1): { from: string; to: string } {
  let first = firstOfMonth(today);
  if (shift === -1) first = firstOfMonth(addDays(first, -1));
  if (shift === 1) first = firstOfMonth(addDays(first, 32));
  return { from: first, to: lastOfMonth(first) };
}

interface ExportCardProps {
  icon: ReactNode;
  title: string;
  body: string;
  button: string;
  channel: ExportChannel;
  busy: ExportChannel | null;
  disabled?: boolean;
  note?: string | null;
  onExport: () => void;
}

function ExportCard({ icon, title, body, button, channel, busy, disabled, note, onExport }: ExportCardProps) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="xs" h="100%">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={3} size="h4">
            {title}
          </Title>
        </Group>
        <Text size="sm" style={{ flexGrow: 1 }}>
          {body}
        </Text>
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
        <Group>
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy === channel}
            disabled={disabled === true || (busy !== null && busy !== channel)}
            onClick={onExport}
          >
            {button}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin → Exports: choose a range (and a doctor), then download CSV, iCalendar or FHIR files. */
export function ExportsPage() {
  const timeZone = useSettings().data?.timeZone;
  if (!timeZone) return <Skeleton h={320} maw={1100} />;
  return <ExportsForm timeZone={timeZone} />;
}

function ExportsForm({ timeZone }: { timeZone: string }) {
  const today = todayIn(timeZone, new Date());
  const [range, setRange] = useState(() => monthRange(today, 0));
  const [doctorId, setDoctorId] = useState<number | null>(null);
  const [bom, setBom] = useState(true);
  const doctors = useDoctorList();
  const { busy, refusal, run, clearRefusal } = useExportDownload();

  const tooLong = rangeDays(range.from, range.to) > EXPORT_MAX_DAYS;
  const toError = tooLong ? strings.range.tooLong(EXPORT_MAX_DAYS) : refusal?.fields.to;
  const fieldErrors = refusal ? Object.keys(refusal.fields) : [];
  const showAlert = refusal !== null && fieldErrors.length === 0;
  const doctor = doctorId ?? undefined;

  function change(next: { from: string; to: string }) {
    clearRefusal();
    setRange(next);
  }

  const presets = [
    { label: strings.range.lastMonth, value: monthRange(today, -1) },
    { label: strings.range.thisMonth, value: monthRange(today, 0) },
    { label: strings.range.nextMonth, value: monthRange(today, 1) },
  ];

  return (
    <Stack gap="md" maw={1100}>
      <Text>{strings.intro}</Text>
      <Card withBorder padding="md" component="fieldset" style={{ margin: 0 }}>
        <Stack gap="sm">
          <Text component="legend" fw={600} px={4}>
            {strings.range.legend}
          </Text>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <DateField
              label={strings.range.from}
              value={range.from}
              w={190}
              error={refusal?.fields.from}
              onChange={(value) => {
                if (value) change({ from: value, to: value > range.to ? value : range.to });
              }}
            />
            <DateField
              label={strings.range.to}
              value={range.to}
              w={190}
              error={toError}
              onChange={(value) => {
                if (value) change({ from: value < range.from ? value : range.from, to: value });
              }}
            />
            <Select
              label={strings.range.doctor}
              placeholder={strings.range.allDoctors}
              w={240}
              clearable
              searchable
              data={(doctors.data ?? []).map((d) => ({ value: String(d.doctorId), label: d.name }))}
              value={doctorId === null ? null : String(doctorId)}
              error={refusal?.fields.doctorId}
              onChange={(value) => {
                clearRefusal();
                setDoctorId(value ? Number(value) : null);
              }}
            />
          </Group>
          <Group gap={4}>
            {presets.map((preset) => {
              const active = preset.value.from === range.from && preset.value.to === range.to;
              return (
                <Button
                  key={preset.label}
                  size="compact-sm"
                  variant={active ? 'light' : 'default'}
                  aria-pressed={active}
                  onClick={() => change(preset.value)}
                >
                  {preset.label}
                </Button>
              );
            })}
            <Text size="sm" c="dimmed" ml="xs">
              {strings.range.maxDays(EXPORT_MAX_DAYS)}
            </Text>
          </Group>
          {doctors.isError ? (
            <Text size="sm" c="dimmed">
              {strings.range.loadDoctorsFailed}
            </Text>
          ) : null}
          <Checkbox
            label={strings.bom.label}
            description={strings.bom.description}
            checked={bom}
            onChange={(event) => setBom(event.currentTarget.checked)}
          />
        </Stack>
      </Card>
      {showAlert ? <FormAlert>{refusal.message}</FormAlert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ExportCard
          icon={<IconFileSpreadsheet size={20} aria-hidden />}
          title={strings.cards.appointments.title}
          body={strings.cards.appointments.body}
          button={strings.cards.appointments.button}
          channel="exports.appointmentsCsv"
          busy={busy}
          disabled={tooLong}
          onExport={() => void run('exports.appointmentsCsv', { ...range, doctorId: doctor, bom })}
        />
        <ExportCard
          icon={<IconCalendarEvent size={20} aria-hidden />}
          title={strings.cards.calendar.title}
          body={strings.cards.calendar.body(timeZone)}
          button={strings.cards.calendar.button}
          channel="exports.doctorIcs"
          busy={busy}
          disabled={tooLong || doctorId === null}
          note={doctorId === null ? strings.cards.calendar.needDoctor : null}
          onExport={() => {
            if (doctorId !== null) void run('exports.doctorIcs', { ...range, doctorId });
          }}
        />
        <ExportCard
          icon={<IconHeartbeat size={20} aria-hidden />}
          title={strings.cards.fhir.title}
          body={strings.cards.fhir.body}
          button={strings.cards.fhir.button}
          channel="exports.fhirBundle"
          busy={busy}
          disabled={tooLong}
          onExport={() => void run('exports.fhirBundle', { ...range, doctorId: doctor })}
        />
        <ExportCard
          icon={<IconUsers size={20} aria-hidden />}
          title={strings.cards.patients.title}
          body={strings.cards.patients.body}
          button={strings.cards.patients.button}
          channel="exports.patientsCsv"
          busy={busy}
          onExport={() => void run('exports.patientsCsv', { bom })}
        />
      </SimpleGrid>
      <DiagnosticsSection />
    </Stack>
  );
}
