import { Alert, Button, Group, Kbd, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarPlus, IconWalk } from '@tabler/icons-react';
import { messageOf } from '../../api/errors.ts';
import { BackupWarning } from '../admin/index.ts';
import { formatDateLong } from '../../lib/date-format.ts';
import { useNow } from '../../lib/use-now.ts';
import { groupByDoctor } from './appointment-rules.ts';
import { BoardSection } from './BoardSection.tsx';
import { useBoard } from './desk-api.ts';
import { useDesk } from './desk-dialogs.tsx';
import { deskStrings } from './strings.ts';
import { useAppointmentActions } from './use-appointment-actions.tsx';
import { isDeskRole, useClinicMoment, useViewer } from '../../lib/use-desk-format.ts';
import { WaitlistPanel } from './WaitlistPanel.tsx';

const strings = deskStrings.board;
/** The waiting timers and late marks move on every half minute. */
const TICK_MS = 30_000;

function BoardSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden>{strings.loading}</VisuallyHidden>
      {[0, 1].map((section) => (
        <Stack key={section} gap={6}>
          <Skeleton height={24} width="30%" />
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={30} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Today's flow board: every doctor's patients with their status, waiting time and actions. */
export function FrontDeskPage() {
  const board = useBoard();
  const desk = useDesk();
  const viewer = useViewer();
  const now = useNow(TICK_MS);
  const clinicMoment = useClinicMoment(now);
  const actions = useAppointmentActions();
  const desktop = isDeskRole(viewer);
  const moment = clinicMoment ?? board.data?.now ?? null;

  const content = () => {
    if (board.isPending || !viewer || !moment) return <BoardSkeleton />;
    if (board.isError)
      return (
        <Alert color="red" title={strings.loadFailed}>
          {messageOf(board.error)}
        </Alert>
      );
    const groups = groupByDoctor(board.data.appointments);
    if (groups.length === 0) return <Text>{desktop ? strings.empty : strings.emptyDoctor}</Text>;
    return groups.map((group) => (
      <BoardSection
        key={group.doctorId}
        doctorName={group.doctorName}
        rows={group.rows}
        viewer={viewer}
        moment={moment}
        now={now}
        busyId={actions.busyId}
        onAction={actions.perform}
      />
    ));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{strings.title}</Title>
          <Text c="dimmed">{board.data ? strings.heading(formatDateLong(board.data.date)) : '\u00a0'}</Text>
        </div>
        {desktop ? (
          <Group gap="xs">
            <Button
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              rightSection={
                <Kbd size="xs" aria-hidden>
                  N
                </Kbd>
              }
              aria-keyshortcuts="N"
              onClick={() => desk.openBooking()}
            >
              {strings.book}
            </Button>
            <Button
              variant="default"
              leftSection={<IconWalk size={18} aria-hidden />}
              rightSection={
                <Kbd size="xs" aria-hidden>
                  W
                </Kbd>
              }
              aria-keyshortcuts="W"
              onClick={desk.openWalkIn}
            >
              {strings.walkIn}
            </Button>
          </Group>
        ) : null}
      </Group>
      <BackupWarning isAdmin={viewer?.role === 'admin'} />
      {desktop ? <WaitlistPanel /> : null}
      {content()}
      {actions.dialogs}
    </Stack>
  );
}
