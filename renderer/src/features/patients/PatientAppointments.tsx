import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Appointment, BoardAppointment } from '#contract/front-desk.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { AppointmentActionButtons, allowedActions, type AppointmentAction, deskStrings } from '../front-desk/index.ts';
import { useDeskFormat, type ClinicMoment, type Viewer } from '../../lib/use-desk-format.ts';
import { patientsStrings } from './strings.ts';
import { WalkInBadge } from '../../ui/WalkInBadge.tsx';

const strings = patientsStrings.page;

interface AppointmentTableProps {
  title: string;
  empty: string;
  appointments: BoardAppointment[];
  viewer: Viewer;
  moment: ClinicMoment;
  busyId: number | null;
  onAction: (action: AppointmentAction, appointment: Appointment) => void;
}

/** A patient's appointments with their status and the actions this role may take. */
export function AppointmentTable({
  title,
  empty,
  appointments,
  viewer,
  moment,
  busyId,
  onAction,
}: AppointmentTableProps) {
  const format = useDeskFormat();
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {appointments.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{strings.date}</Table.Th>
                <Table.Th scope="col">{strings.time}</Table.Th>
                <Table.Th scope="col">{strings.doctor}</Table.Th>
                <Table.Th scope="col">{strings.status}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {strings.actions}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appointments.map((a) => (
                <Table.Tr key={a.appointmentId} data-status={a.status}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(a.date)}</Table.Td>
                  <Table.Td>{format.time(a.time)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {a.doctorName}
                      {a.isWalkIn ? <WalkInBadge label={strings.walkIn} /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <AppointmentStatusBadge status={a.status} />
                    {a.statusReason ? (
                      <Text size="xs" c="dimmed" mt={2}>
                        {strings.statusReason(a.statusReason)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <AppointmentActionButtons
                      appointment={a}
                      actions={allowedActions(a, viewer, moment)}
                      busy={busyId === a.appointmentId}
                      onAction={onAction}
                      groupLabel={deskStrings.board.rowActions(`${a.patientName}, ${format.when(a.date, a.time)}`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

type Reschedule = ChannelOutput<'patients.get'>['reschedules'][number];

/** Every move of this patient's appointments: from when to when, by whom and why. */
export function RescheduleHistory({ reschedules }: { reschedules: Reschedule[] }) {
  const format = useDeskFormat();
  return (
    <Stack gap="xs" component="section" aria-label={strings.reschedules}>
      <Title order={2} size="h4">
        {strings.reschedules}
      </Title>
      {reschedules.length === 0 ? (
        <Text size="sm">{strings.noReschedules}</Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {reschedules.map((r) => {
            const at = format.instant(r.rescheduledAt);
            return (
              <li key={`${r.appointmentId}-${r.rescheduledAt}`}>
                <Text size="sm" fw={600}>
                  {strings.rescheduleLine(format.when(r.oldDate, r.oldTime), format.when(r.newDate, r.newTime))}
                </Text>
                <Text size="sm" c="dimmed">
                  {r.rescheduledBy ? strings.rescheduleBy(r.rescheduledBy, at) : strings.rescheduleAt(at)}
                  {' · '}
                  {r.reason ? strings.reasonLine(r.reason) : strings.noReason}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
