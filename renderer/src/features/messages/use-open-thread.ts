import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { messageKeys } from './messages-api.ts';
import { messagesStrings } from './strings.ts';

/** Opens (creating if needed) the thread of a doctor and a patient and shows it in Messages. */
export function useOpenThread() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const open = useCallback(
    async (doctorId: number, patientId: number) => {
      setBusy(true);
      try {
        const thread = await call('messages.openThread', { doctorId, patientId });
        queryClient.setQueryData(messageKeys.thread(thread.chatId), thread);
        void queryClient.invalidateQueries({ queryKey: ['messages', 'threads'] });
        void navigate(`/messages/${thread.chatId}`);
        return thread;
      } catch (error) {
        notifications.show({ color: 'red', title: messagesStrings.openFailed, message: messageOf(error) });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [navigate, queryClient],
  );
  return { open, busy };
}
