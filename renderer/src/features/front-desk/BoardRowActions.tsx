import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { BoardAppointment } from '#contract/front-desk.ts';
import { useOpenThread } from '../messages/index.ts';
import type { Viewer } from '../../lib/use-desk-format.ts';
import { ACTION_LOOK } from './action-look.ts';
import { splitActions, type AppointmentAction } from './appointment-rules.ts';
import { deskStrings } from './strings.ts';

const strings = deskStrings.board;

export interface BoardRowActionsProps {
  appointment: BoardAppointment;
  actions: AppointmentAction[];
  viewer: Viewer;
  busy: boolean;
  /** Only the focused row's controls are in the Tab order; the others are reached by the arrows. */
  tabbable: boolean;
  menuOpened: boolean;
  onMenuChange: (opened: boolean) => void;
  onAction: (action: AppointmentAction, appointment: BoardAppointment) => void;
}

/** A board row's next step as its one button, and everything else in a menu beside it. */
export function BoardRowActions({
  appointment: a,
  actions,
  viewer,
  busy,
  tabbable,
  menuOpened,
  onMenuChange,
  onAction,
}: BoardRowActionsProps) {
  const thread = useOpenThread();
  const { primary, more } = splitActions(actions);
  // Another doctor's thread is not this doctor's to open.
  const mayMessage = viewer.role !== 'doctor' || viewer.userId === a.doctorId;
  const tabIndex = tabbable ? 0 : -1;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {primary ? (
        <Button
          size="compact-sm"
          loading={busy}
          disabled={busy}
          tabIndex={tabIndex}
          aria-label={ACTION_LOOK[primary].label(a.patientName)}
          onClick={() => onAction(primary, a)}
        >
          {ACTION_LOOK[primary].text}
        </Button>
      ) : null}
      {more.length > 0 || mayMessage ? (
        <Menu
          opened={menuOpened}
          onChange={onMenuChange}
          position="bottom-end"
          shadow="md"
          // Focus lands on the first action (not on a placeholder axe reads as a stray child).
          withInitialFocusPlaceholder={false}
          menuItemTabIndex={0}
        >
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              c="var(--mantine-color-text)"
              tabIndex={tabIndex}
              aria-label={strings.moreActions(a.patientName)}
              data-row-menu
            >
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {more.map((action) => (
              <Menu.Item
                key={action}
                disabled={busy}
                aria-label={ACTION_LOOK[action].label(a.patientName)}
                onClick={() => onAction(action, a)}
              >
                {ACTION_LOOK[action].text}
              </Menu.Item>
            ))}
            {mayMessage ? (
              <Menu.Item onClick={() => void thread.open(a.doctorId, a.patientId)}>
                {strings.messageDoctor(a.doctorName)}
              </Menu.Item>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
