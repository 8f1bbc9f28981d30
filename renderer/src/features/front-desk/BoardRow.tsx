import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconClockExclamation, IconHourglass, IconUserQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BoardAppointment } from '#contract/front-desk.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { IconBadge } from '../../ui/IconBadge.tsx';
import { formatMinutes } from '../../lib/duration.ts';
import { useDeskFormat, type ClinicMoment, type Viewer } from '../../lib/use-desk-format.ts';
import { allowedActions, isLikelyNoShow, minutesLate, minutesWaiting } from './appointment-rules.ts';
import { BoardRowActions, type BoardRowActionsProps } from './BoardRowActions.tsx';
import { deskStrings } from './strings.ts';
import { WalkInBadge } from '../../ui/WalkInBadge.tsx';
import { CallMarkBadge } from '../call-list/index.ts';

const strings = deskStrings.board;
export const BOARD_COLUMNS = 5;
const ICON_STYLE = { verticalAlign: -2, marginRight: 4 } as const;

export interface BoardRowProps extends Pick<BoardRowActionsProps, 'busy' | 'menuOpened' | 'onMenuChange' | 'onAction'> {
  appointment: BoardAppointment;
  index: number;
  height: number;
  active: boolean;
  viewer: Viewer;
  moment: ClinicMoment;
  now: Date;
  likelyNoShowMinutes: number;
}

/** The one note beside the status: how long they wait, how late they are, or why it ended. */
function StatusNote({
  a,
  late,
  waiting,
  likelyNoShow,
}: {
  a: BoardAppointment;
  late: number | null;
  waiting: number | null;
  likelyNoShow: boolean;
}) {
  let note: ReactNode = null;
  if (waiting !== null) {
    note = (
      <>
        <IconHourglass size={14} aria-hidden style={ICON_STYLE} />
        {strings.waiting(formatMinutes(waiting))}
      </>
    );
  } else if (late !== null) {
    note = (
      <>
        <IconClockExclamation size={14} aria-hidden style={ICON_STYLE} />
        {strings.late(formatMinutes(late))}
      </>
    );
  } else if (a.statusReason) {
    note = strings.reason(a.statusReason);
  }
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <AppointmentStatusBadge status={a.status} />
      {likelyNoShow ? (
        <IconBadge color="orange" icon={IconUserQuestion} data={{ 'data-likely-no-show': 'true' }}>
          {strings.likelyNoShow}
        </IconBadge>
      ) : null}
      {note ? (
        <Text size="sm" fw={late !== null ? 700 : 600} truncate title={a.statusReason ?? undefined}>
          {note}
        </Text>
      ) : null}
    </Group>
  );
}

/** One appointment on one line: time, patient, doctor, status with its note, next step and menu. */
export function BoardRow({
  appointment: a,
  index,
  height,
  active,
  viewer,
  moment,
  now,
  likelyNoShowMinutes,
  ...actionProps
}: BoardRowProps) {
  const format = useDeskFormat();
  const late = minutesLate(a, moment);
  const waiting = minutesWaiting(a, now);
  const likelyNoShow = isLikelyNoShow(late, likelyNoShowMinutes);
  // A stripe at the row's start, not a background: text and links keep their contrast.
  const stripe = likelyNoShow ? 'orange' : late !== null ? 'yellow' : null;
  return (
    <Table.Tr
      className="cd-board-row"
      data-row={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      h={height}
      data-status={a.status}
      data-late={late !== null || undefined}
      style={stripe ? { boxShadow: `inset 4px 0 0 var(--mantine-color-${stripe}-filled)` } : undefined}
    >
      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
        {format.time(a.time)}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" miw={0}>
          <Anchor
            component={Link}
            to={`/patients/${a.patientId}`}
            fw={600}
            truncate
            tabIndex={active ? 0 : -1}
            c={a.status === 'cancelled' ? 'dimmed' : undefined}
            td={a.status === 'cancelled' ? 'line-through' : undefined}
          >
            {a.patientName}
          </Anchor>
          {a.isWalkIn ? <WalkInBadge label={strings.walkInTag} /> : null}
          {a.callMark ? <CallMarkBadge outcome={a.callMark} size="xs" /> : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate>
          {a.doctorName}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusNote a={a} late={late} waiting={waiting} likelyNoShow={likelyNoShow} />
      </Table.Td>
      <Table.Td>
        <BoardRowActions
          appointment={a}
          actions={allowedActions(a, viewer, moment)}
          viewer={viewer}
          tabbable={active}
          {...actionProps}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** A row whose page is still on its way: the same height, so the scroll position holds. */
export function BoardRowPending({ index, height, active }: { index: number; height: number; active: boolean }) {
  return (
    <Table.Tr className="cd-board-row" data-row={index} aria-rowindex={index + 2} tabIndex={active ? 0 : -1} h={height}>
      <Table.Td colSpan={BOARD_COLUMNS}>
        <Text size="sm">{strings.loadingRow}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
