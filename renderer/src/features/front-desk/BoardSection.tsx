import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconClockExclamation, IconHourglass } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '#contract/front-desk.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { AppointmentActionButtons } from './AppointmentActionButtons.tsx';
import { allowedActions, minutesLate, minutesWaiting, type AppointmentAction } from './appointment-rules.ts';
import { deskStrings } from './strings.ts';
import { formatMinutes } from '../../lib/duration.ts';
import { useDeskFormat, type ClinicMoment, type Viewer } from '../../lib/use-desk-format.ts';

const strings = deskStrings.board;

interface BoardRowProps {
  appointment: Appointment;
  viewer: Viewer;
  moment: ClinicMoment;
  now: Date;
  busy: boolean;
  onAction: (action: AppointmentAction, appointment: Appointment) => void;
}

function BoardRow({ appointment: a, viewer, moment, now, busy, onAction }: BoardRowProps) {
  const format = useDeskFormat();
  const late = minutesLate(a, moment);
  const waiting = minutesWaiting(a, now);
  const muted = a.status === 'cancelled' || a.status === 'completed';
  const highlight = a.status === 'no_show' ? 'orange' : late !== null ? 'yellow' : null;
  return (
    <Table.Tr
      data-late={late !== null || undefined}
      data-status={a.status}
      style={highlight ? { background: `var(--mantine-color-${highlight}-light)` } : undefined}
    >
      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
        {format.time(a.time)}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={`/patients/${a.patientId}`}
            fw={600}
            c={muted ? 'dimmed' : undefined}
            td={a.status === 'cancelled' ? 'line-through' : undefined}
          >
            {a.patientName}
          </Anchor>
          {a.isWalkIn ? (
            <Badge
              size="sm"
              variant="outline"
              color="gray"
              tt="none"
              styles={{ label: { color: 'var(--mantine-color-text)' } }}
            >
              {strings.walkInTag}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <AppointmentStatusBadge status={a.status} />
          {waiting !== null ? (
            <Text size="sm" fw={600} span>
              <IconHourglass size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
              {strings.waiting(formatMinutes(waiting))}
            </Text>
          ) : null}
          {late !== null ? (
            <Text size="sm" fw={700} span>
              <IconClockExclamation size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
              {strings.late(formatMinutes(late))}
            </Text>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <AppointmentActionButtons
          appointment={a}
          actions={allowedActions(a, viewer, moment)}
          busy={busy}
          onAction={onAction}
          groupLabel={strings.rowActions(a.patientName)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

interface BoardSectionProps extends Omit<BoardRowProps, 'appointment' | 'busy'> {
  doctorName: string;
  rows: Appointment[];
  busyId: number | null;
}

/** One doctor's day on the board: time, patient, status (with waiting and late), actions. */
export function BoardSection({ doctorName, rows, busyId, ...rowProps }: BoardSectionProps) {
  const headingId = useId();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {doctorName}
        </Title>
        <Text size="sm" c="dimmed">
          {strings.count(rows.length)}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={6} aria-label={strings.doctorSection(doctorName)} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>
                {strings.time}
              </Table.Th>
              <Table.Th scope="col">{strings.patient}</Table.Th>
              <Table.Th scope="col" w={250}>
                {strings.status}
              </Table.Th>
              <Table.Th scope="col" w={330} ta="right">
                {strings.actions}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <BoardRow key={a.appointmentId} appointment={a} busy={busyId === a.appointmentId} {...rowProps} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
