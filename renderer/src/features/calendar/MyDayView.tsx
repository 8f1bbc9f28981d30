import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SlotView } from '#contract/schedule.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { isAppointmentStatus } from '#shared/statuses.ts';
import { appointmentStatusLabel, APPOINTMENT_STATUS_LOOK } from '../../lib/appointment-status.ts';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatDateLong, formatTime } from '../../lib/date-format.ts';
import { ExportMyCalendarButton } from '../admin/index.ts';
import { DoctorQueue } from '../front-desk/index.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { leaveText, NotTakingBookingsBadge } from './ColumnHeaders.tsx';
import { DateBar, DateHeading, DateNav } from './DateNav.tsx';
import { PrintDayListButton } from '../call-list/index.ts';
import { lookOf, SLOT_LOOKS } from './grid/slot-look.ts';
import { GridSkeleton } from './GridSkeleton.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useMyDay } from '../../api/schedule.ts';
import { SlotDialog, type OpenSlot } from './SlotDialog.tsx';
import { calendarStrings } from './strings.ts';
import { useCalendarDate } from './use-calendar-state.ts';

const strings = calendarStrings.myDay;

function StateLabel({ slot }: { slot: SlotView }) {
  const { color, icon: Icon, label } = SLOT_LOOKS[lookOf(slot)];
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden color={`var(--mantine-color-${color}-filled)`} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function StatusLabel({ status }: { status: string }) {
  const look = isAppointmentStatus(status) ? APPOINTMENT_STATUS_LOOK[status] : null;
  return (
    <Group gap={6} wrap="nowrap">
      {look ? <look.icon size={16} aria-hidden color={`var(--mantine-color-${look.color}-filled)`} /> : null}
      <Text size="sm" td={status === 'cancelled' ? 'line-through' : undefined}>
        {appointmentStatusLabel(status)}
      </Text>
    </Group>
  );
}

function SlotRow({ slot, timeFormat, onOpen }: { slot: SlotView; timeFormat: TimeFormat; onOpen: () => void }) {
  const start = formatTime(slot.startTime, timeFormat);
  const range = calendarStrings.dialog.timeRange(start, formatTime(slot.endTime, timeFormat));
  return (
    <Table.Tr c={slot.state === 'past' ? 'dimmed' : undefined}>
      <Table.Td>
        <Anchor component="button" type="button" onClick={onOpen} aria-label={strings.open(range)} fw={600}>
          {range}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <StateLabel slot={slot} />
      </Table.Td>
      <Table.Td>
        {slot.appointment?.patientName ?? (
          <Text span size="sm" c="dimmed">
            {slot.state === 'blocked' && slot.blockedReason ? slot.blockedReason : strings.noPatient}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{slot.appointment ? <StatusLabel status={slot.appointment.status} /> : null}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The signed-in doctor's own day: today, their queue with Start and Complete first; then a
 * printable list of slots with patients and their status.
 */
export function MyDayView({ today }: { today: string }) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const rights = useScheduleRights();
  const [date, setDate] = useCalendarDate(today);
  const myDay = useMyDay(date);
  const dialog = useTargetDialog<OpenSlot>();
  const clinicToday = myDay.data?.now.date ?? today;
  const dateText = formatDateLong(date);
  const data = myDay.data;

  let body;
  if (myDay.isPending) body = <GridSkeleton columns={3} />;
  else if (myDay.isError && !data)
    body = <FormAlert title={calendarStrings.loadFailed}>{messageOf(myDay.error)}</FormAlert>;
  else if (data && data.slots.length === 0) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{strings.empty}</Text>
        <Button component={Link} to={`/calendar/doctors/${data.doctor.doctorId}`} variant="light" size="compact-sm">
          {strings.openDoctorPage}
        </Button>
      </Stack>
    );
  } else if (data) {
    body = (
      <Stack gap="xs">
        <Title order={2} size="h4">
          {strings.heading(data.doctor.name)}
        </Title>
        <Table aria-label={strings.listLabel(dateText)} aria-busy={myDay.isFetching || undefined} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{strings.time}</Table.Th>
              <Table.Th scope="col">{strings.state}</Table.Th>
              <Table.Th scope="col">{strings.patient}</Table.Th>
              <Table.Th scope="col">{strings.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.slots.map((slot) => (
              <SlotRow
                key={slot.availabilityId}
                slot={slot}
                timeFormat={timeFormat}
                onOpen={() => dialog.open({ slot, doctorName: data.doctor.name })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <DateBar>
        <DateHeading text={dateText} badge={date === clinicToday ? calendarStrings.heading.todayBadge : null} />
        <DateNav date={date} today={clinicToday} unit="day" onChange={setDate} />
      </DateBar>
      {data ? (
        <Group gap="xs">
          <ExportMyCalendarButton doctorId={data.doctor.doctorId} from={date} />
          <PrintDayListButton date={date} doctorId={data.doctor.doctorId} />
          {data.doctor.isAvailable ? null : <NotTakingBookingsBadge />}
          {data.doctor.leave.map((band) => (
            <Text key={band.exceptionId} size="sm" fw={500} className="cd-leave-text">
              {leaveText(band, timeFormat)}
            </Text>
          ))}
        </Group>
      ) : null}
      {date === clinicToday ? <DoctorQueue /> : null}
      {body}
      <SlotDialog
        target={dialog.target}
        opened={dialog.opened}
        timeFormat={timeFormat}
        canManage={rights.canManage}
        canBook={rights.canBook}
        onClose={dialog.close}
      />
    </Stack>
  );
}
