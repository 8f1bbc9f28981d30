import { useEffect, useRef } from 'react';
import { call } from '../../api/client.ts';
import { useSetUnreadTotals } from './messages-api.ts';

/** While the thread is on screen in a visible window, its newest message counts as read. */
export function useMarkRead(chatId: number | null, newestId: number): void {
  const setTotals = useSetUnreadTotals();
  const marked = useRef<{ chatId: number; messageId: number } | null>(null);

  useEffect(() => {
    if (chatId === null || newestId === 0) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      const last = marked.current;
      if (last && last.chatId === chatId && last.messageId >= newestId) return;
      marked.current = { chatId, messageId: newestId };
      call('messages.markRead', { chatId, upToMessageId: newestId }).then(setTotals, () => {
        marked.current = null;
      });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [chatId, newestId, setTotals]);
}
