import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.merge;

interface MergedNotice {
  mergeId: number;
  keptNumber: string;
  mergedNumber: string;
  /** Admins may undo a merge (main refuses anyone else anyway). */
  canUndo: boolean;
  onUndone: () => void;
}

async function undo(notice: MergedNotice, id: string): Promise<void> {
  notifications.hide(id);
  try {
    await call('patients.undoMerge', { mergeId: notice.mergeId });
    notifications.show({ color: 'green', message: strings.undone(notice.mergedNumber) });
    notice.onUndone();
  } catch (error) {
    notifications.show({ color: 'red', title: strings.undoFailed, message: messageOf(error) });
  }
}

/** "P-2 was merged into P-1", with an Undo for an admin (kept on screen longer so it can be reached). */
export function showMergedNotice(notice: MergedNotice): void {
  const id: string = notifications.show({
    color: 'green',
    autoClose: notice.canUndo ? 20_000 : 5_000,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm">{strings.merged(notice.mergedNumber, notice.keptNumber)}</Text>
        {notice.canUndo ? (
          <Button size="compact-sm" variant="default" onClick={() => void undo(notice, id)}>
            {strings.undo}
          </Button>
        ) : null}
      </Stack>
    ),
  });
}
