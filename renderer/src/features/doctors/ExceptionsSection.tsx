import { Button, Group, Table } from '@mantine/core';
import { IconBeach, IconCalendarPlus, IconClockPlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScheduleException } from '#contract/schedule.ts';
import { call } from '../../api/client.ts';
import { useSettings } from '../../api/settings.ts';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatDateMedium, formatTime } from '../../lib/date-format.ts';
import { IconBadge } from '../../ui/IconBadge.tsx';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { LeaveDialog } from './LeaveDialog.tsx';
import { ScheduleSection, ScheduleTable } from './ScheduleSection.tsx';
import { SessionDialog } from './SessionDialogs.tsx';
import { doctorsStrings } from './strings.ts';
import { notifyGeneration, useExceptions } from './use-doctor.ts';

const strings = doctorsStrings.exceptions;

const describeDates = (entry: ScheduleException) =>
  entry.startDate === entry.endDate
    ? formatDateMedium(entry.startDate)
    : strings.dateRange(formatDateMedium(entry.startDate), formatDateMedium(entry.endDate));

const describeTimes = (entry: ScheduleException, timeFormat: TimeFormat) =>
  entry.startTime && entry.endTime
    ? doctorsStrings.templates.range(formatTime(entry.startTime, timeFormat), formatTime(entry.endTime, timeFormat))
    : strings.allDay;

function KindBadge({ kind }: { kind: ScheduleException['kind'] }) {
  const leave = kind === 'leave';
  const color = leave ? 'grape' : 'teal';
  const Icon = leave ? IconBeach : IconCalendarPlus;
  return (
    <IconBadge color={color} icon={Icon}>
      {leave ? strings.leave : strings.extra}
    </IconBadge>
  );
}

interface ExceptionsSectionProps {
  doctorId: number;
  canManage: boolean;
  today: string;
}

export function ExceptionsSection({ doctorId, canManage, today }: ExceptionsSectionProps) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const list = useExceptions(doctorId, today);
  const refresh = useRefreshSchedules();
  const [addingLeave, setAddingLeave] = useState(false);
  const [session, setSession] = useState<'extra' | 'slot' | null>(null);
  const deleting = useTargetDialog<ScheduleException>();

  const table = (rows: ScheduleException[]) => (
    <ScheduleTable
      caption={strings.caption}
      minWidth={680}
      columns={[strings.kind, strings.dates, strings.times, strings.reason]}
      actions={canManage ? strings.actions : null}
    >
      {rows.map((entry) => {
        const dates = describeDates(entry);
        return (
          <Table.Tr key={entry.exceptionId}>
            <Table.Td>
              <KindBadge kind={entry.kind} />
            </Table.Td>
            <Table.Td>{dates}</Table.Td>
            <Table.Td>{describeTimes(entry, timeFormat)}</Table.Td>
            <Table.Td>{entry.reason ?? ''}</Table.Td>
            {canManage ? (
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={strings.deleteLabel(entry.kind === 'leave' ? strings.leave : strings.extra, dates)}
                  onClick={() => deleting.open(entry)}
                >
                  {strings.delete}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        );
      })}
    </ScheduleTable>
  );

  return (
    <ScheduleSection
      titleId="doctor-exceptions-title"
      title={strings.title}
      intro={strings.intro}
      actions={
        canManage ? (
          <Group gap="xs">
            <Button
              size="compact-md"
              leftSection={<IconBeach size={16} aria-hidden />}
              onClick={() => setAddingLeave(true)}
            >
              {strings.addLeave}
            </Button>
            <Button
              size="compact-md"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setSession('extra')}
            >
              {strings.addExtra}
            </Button>
            <Button
              size="compact-md"
              variant="default"
              leftSection={<IconClockPlus size={16} aria-hidden />}
              onClick={() => setSession('slot')}
            >
              {strings.addSlot}
            </Button>
          </Group>
        ) : null
      }
      list={list}
      loadFailed={strings.loadFailed}
      empty={strings.empty}
      table={table}
    >
      {canManage ? (
        <>
          <LeaveDialog doctorId={doctorId} today={today} opened={addingLeave} onClose={() => setAddingLeave(false)} />
          <SessionDialog kind={session} doctorId={doctorId} today={today} onClose={() => setSession(null)} />
          <ConfirmDialog
            opened={deleting.opened}
            title={strings.deleteTitle}
            body={deleting.target?.kind === 'extra' ? strings.deleteExtraBody : strings.deleteLeaveBody}
            confirmLabel={strings.deleteConfirm}
            onClose={deleting.close}
            onConfirm={async () => {
              if (!deleting.target) return;
              const result = await call('exceptions.delete', { exceptionId: deleting.target.exceptionId });
              notifyGeneration(result.generation, doctorsStrings.deleted);
              refresh();
            }}
          />
        </>
      ) : null}
    </ScheduleSection>
  );
}
