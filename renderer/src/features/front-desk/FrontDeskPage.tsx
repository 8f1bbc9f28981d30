import { Alert, Button, Group, Kbd, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarPlus, IconWalk } from '@tabler/icons-react';
import { messageOf } from '../../api/errors.ts';
import { BackupWarning } from '../admin/index.ts';
import { formatDateLong } from '../../lib/date-format.ts';
import { useNow } from '../../lib/use-now.ts';
import { useState } from 'react';
import { useBoard } from './board-api.ts';
import { BoardTable } from './BoardTable.tsx';
import { BoardToolbar } from './BoardToolbar.tsx';
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

/** Today's flow board: one table of the clinic's patients with their status, waiting time and next step. */
export function FrontDeskPage() {
  const [doctorId, setDoctorId] = useState<number | null>(null);
  const board = useBoard(doctorId);
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
    if (board.data.doctors.length === 0) return <Text>{desktop ? strings.empty : strings.emptyDoctor}</Text>;
    return (
      <>
        <BoardToolbar board={board.data} viewer={viewer} doctorId={doctorId} onDoctorChange={setDoctorId} />
        <BoardTable
          // A new filter starts at the first row with its own pages.
          key={doctorId ?? 'all'}
          board={board.data}
          doctorId={doctorId}
          viewer={viewer}
          moment={moment}
          now={now}
          busyId={actions.busyId}
          onAction={actions.perform}
        />
        <Text size="sm">{strings.keyboardHint}</Text>
      </>
    );
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="center">
        <Group gap="md" align="baseline">
          <Title order={1} size="h2">
            {strings.title}
          </Title>
          <Text c="dimmed">{board.data ? strings.heading(formatDateLong(board.data.date)) : '\u00a0'}</Text>
        </Group>
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
      {/* Side by side on a wide screen, so the board keeps a dozen rows in view at 1366×768. */}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
        <BackupWarning isAdmin={viewer?.role === 'admin'} />
        {desktop ? <WaitlistPanel /> : null}
      </SimpleGrid>
      {content()}
      {actions.dialogs}
    </Stack>
  );
}
