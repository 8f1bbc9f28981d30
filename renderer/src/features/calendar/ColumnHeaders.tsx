import { Badge, Stack, Text } from '@mantine/core';
import { IconBeach, IconCircleOff } from '@tabler/icons-react';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatTime } from '../../lib/date-format.ts';
import type { LeaveBand } from './grid/grid-model.ts';
import { calendarStrings } from './strings.ts';

const strings = calendarStrings.header;

export function leaveText(band: LeaveBand, timeFormat: TimeFormat): string {
  if (band.startTime === null || band.endTime === null) {
    return band.reason ? strings.wholeDayLeave(band.reason) : strings.wholeDayLeaveNoReason;
  }
  const start = formatTime(band.startTime, timeFormat);
  const end = formatTime(band.endTime, timeFormat);
  return band.reason ? strings.partLeave(start, end, band.reason) : strings.partLeaveNoReason(start, end);
}

function LeaveLines({ leave, timeFormat }: { leave: LeaveBand[]; timeFormat: TimeFormat }) {
  return leave.map((band, index) => (
    <Text key={index} size="xs" fw={500} className="cd-leave-text">
      <IconBeach size={12} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
      {leaveText(band, timeFormat)}
    </Text>
  ));
}

export function NotTakingBookingsBadge() {
  return (
    <Badge
      color="yellow"
      variant="outline"
      size="sm"
      tt="none"
      leftSection={<IconCircleOff size={12} aria-hidden />}
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
    >
      {strings.notTakingBookings}
    </Badge>
  );
}

interface DoctorHeaderProps {
  name: string;
  specialization: string;
  isAvailable: boolean;
  leave: LeaveBand[];
  timeFormat: TimeFormat;
}

/** A doctor's column in the day view: name, specialization, booking badge, leave. */
export function DoctorHeader({ name, specialization, isAvailable, leave, timeFormat }: DoctorHeaderProps) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} truncate>
        {name}
      </Text>
      <Text size="xs" c="dimmed" fw={400} truncate>
        {specialization}
      </Text>
      {isAvailable ? null : <NotTakingBookingsBadge />}
      <LeaveLines leave={leave} timeFormat={timeFormat} />
    </Stack>
  );
}

/** A date's column in the week view: the date, "Today", leave. */
export function DayHeader(props: { label: string; isToday: boolean; leave: LeaveBand[]; timeFormat: TimeFormat }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {props.label}
      </Text>
      {props.isToday ? (
        <Badge variant="light" size="xs" tt="none">
          {calendarStrings.heading.todayBadge}
        </Badge>
      ) : null}
      <LeaveLines leave={props.leave} timeFormat={props.timeFormat} />
    </Stack>
  );
}
