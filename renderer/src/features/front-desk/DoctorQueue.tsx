import { Alert, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Appointment } from '#contract/front-desk.ts';
import { OPEN_STATUSES } from '#shared/statuses.ts';
import { messageOf } from '../../api/errors.ts';
import { formatMinutes } from '../../lib/duration.ts';
import { useNow } from '../../lib/use-now.ts';
import {
  useClinicMoment,
  useDeskFormat,
  useViewer,
  type ClinicMoment,
  type Viewer,
} from '../../lib/use-desk-format.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { OrMissing } from '../../ui/OrMissing.tsx';
import { MessageDeskButton } from '../messages/index.ts';
import { usePatient } from '../patients/index.ts';
import { allowedActions, byTime, minutesWaiting, type AppointmentAction } from './appointment-rules.ts';
import { useBoard } from './board-api.ts';
import { deskStrings } from './strings.ts';
import { useAppointmentActions } from './use-appointment-actions.tsx';

const strings = deskStrings.queue;
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);
/** The waiting times move on every half minute. */
const TICK_MS = 30_000;

function PatientNotes({ appointment }: { appointment: Appointment }) {
  const patient = usePatient(appointment.patientId);
  if (patient.isPending) return <Skeleton height={14} width="60%" />;
  return (
    <Text
      size="sm"
      lineClamp={3}
      style={{ whiteSpace: 'pre-line' }}
      aria-label={strings.notesOf(appointment.patientName)}
    >
      <Text span size="sm" fw={500}>
        {`${strings.notes}: `}
      </Text>
      <OrMissing value={patient.data?.medicalNotes} />
    </Text>
  );
}

interface RowProps {
  appointment: Appointment;
  viewer: Viewer;
  now: Date;
  moment: ClinicMoment;
  busy: boolean;
  onAction: (kind: AppointmentAction, appointment: Appointment) => void;
}

function QueueRow({ appointment, viewer, now, moment, busy, onAction }: RowProps) {
  const format = useDeskFormat();
  const waiting = minutesWaiting(appointment, now);
  const actions = allowedActions(appointment, viewer, moment);
  const action = actions.includes('start') ? 'start' : actions.includes('complete') ? 'complete' : null;
  const labels = deskStrings.actions;
  return (
    <Table.Tr>
      <Table.Td>{format.time(appointment.time)}</Table.Td>
      <Table.Td>
        <Text fw={600}>{appointment.patientName}</Text>
        <PatientNotes appointment={appointment} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <AppointmentStatusBadge status={appointment.status} />
          {waiting !== null ? <Text size="sm">{deskStrings.board.waiting(formatMinutes(waiting))}</Text> : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {action ? (
            <Button
              size="compact-sm"
              loading={busy}
              aria-label={
                action === 'start'
                  ? labels.startLabel(appointment.patientName)
                  : labels.completeLabel(appointment.patientName)
              }
              onClick={() => onAction(action, appointment)}
            >
              {action === 'start' ? labels.start : labels.complete}
            </Button>
          ) : null}
          <MessageDeskButton appointment={appointment} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The signed-in doctor's own queue for today: who is still to see, in time order, with the
 * waiting time, the patient's notes, Start and Complete (the board's status moves; main lets a
 * doctor move only their own appointments) and a message to the desk.
 */
export function DoctorQueue() {
  const viewer = useViewer();
  const board = useBoard(viewer?.userId ?? null);
  const now = useNow(TICK_MS);
  const actions = useAppointmentActions();
  const headingId = useId();
  const moment = useClinicMoment(now) ?? board.data?.now ?? null;

  let body;
  if (board.isPending || !viewer || !moment) body = <Skeleton height={60} />;
  else if (board.isError)
    body = (
      <Alert color="red" title={strings.loadFailed}>
        {messageOf(board.error)}
      </Alert>
    );
  else {
    const mine = board.data.appointments.filter((a) => a.doctorId === viewer.userId && OPEN.has(a.status)).sort(byTime);
    body =
      mine.length === 0 ? (
        <Text>{strings.empty}</Text>
      ) : (
        <Table aria-label={strings.tableLabel} verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>
                {strings.time}
              </Table.Th>
              <Table.Th scope="col">{strings.patient}</Table.Th>
              <Table.Th scope="col">{strings.status}</Table.Th>
              <Table.Th scope="col" w={280}>
                {strings.actions}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((appointment) => (
              <QueueRow
                key={appointment.appointmentId}
                appointment={appointment}
                viewer={viewer}
                now={now}
                moment={moment}
                busy={actions.busyId === appointment.appointmentId}
                onAction={actions.perform}
              />
            ))}
          </Table.Tbody>
        </Table>
      );
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {strings.title}
      </Title>
      {body}
      {actions.dialogs}
    </Stack>
  );
}
