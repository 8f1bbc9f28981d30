import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { Appointment } from '#contract/front-desk.ts';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { useRefreshDesk } from './desk-api.ts';
import { deskStrings } from './strings.ts';

/**
 * Moves an appointment to another slot through the one reschedule channel (the same history row
 * and audit whether the desk used the dialog or dragged), says where it went, and refreshes the
 * desk and the calendar. Refused moves refresh too: the slot that was taken shows as taken.
 */
export function useReschedule(): (input: ChannelInput<'appointments.reschedule'>) => Promise<Appointment> {
  const format = useDeskFormat();
  const refresh = useRefreshDesk();
  return useCallback(
    async (input) => {
      try {
        const moved = await call('appointments.reschedule', input);
        notifications.show({
          color: 'green',
          message: deskStrings.reschedule.done(moved.patientName, format.when(moved.date, moved.time)),
        });
        return moved;
      } finally {
        refresh();
      }
    },
    [format, refresh],
  );
}
