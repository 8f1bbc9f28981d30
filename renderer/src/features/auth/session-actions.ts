import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../api/client.ts';
import { useSessionUpdater } from '../../api/session.ts';

/** Locks this window at once (the overlay shows before main answers). */
export function useLockNow(): () => void {
  const { markLocked, setSession } = useSessionUpdater();
  return useCallback(() => {
    markLocked();
    call('auth.lock', {}).then(setSession, () => {
      // An ended session is handled by the session layer; the screen stays locked otherwise.
    });
  }, [markLocked, setSession]);
}

export function useSignOut(): () => Promise<void> {
  const { clearSession } = useSessionUpdater();
  return useCallback(async () => {
    try {
      await call('auth.signOut', {});
    } catch {
      // Signed out locally either way: the next call would be refused anyway.
    } finally {
      // Messages about the last person's work do not belong on the next person's screen.
      notifications.clean();
      clearSession();
    }
  }, [clearSession]);
}

/** After unlocking: fetch again whatever was refused while the screen was locked. */
export function useRefetchAfterUnlock(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
  }, [queryClient]);
}
