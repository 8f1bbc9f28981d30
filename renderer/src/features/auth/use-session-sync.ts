import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Session } from '../../../../preload/contract.ts';
import { onSessionError } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useSessionUpdater } from '../../api/session.ts';
import { authStrings } from './strings.ts';

/**
 * Keeps the local session in step with main: any call refused as locked shows the lock screen,
 * any call refused as signed out goes to sign-in, and main's session.changed event does the same.
 */
export function useSessionSync(): void {
  const queryClient = useQueryClient();
  const { markLocked, clearSession } = useSessionUpdater();

  useEffect(() => {
    const endSession = (message: string) => {
      const wasSignedIn = queryClient.getQueryData<Session | null>(queryKeys.session) != null;
      clearSession();
      if (wasSignedIn) notifications.show({ id: 'session-ended', color: 'yellow', message });
    };
    return onSessionError((error) => {
      if (error.code === 'SESSION_LOCKED') {
        markLocked();
        return;
      }
      // Main may still hold a locked session for an account that can no longer sign in: end it.
      window.clinic.auth.signOut({}).catch(() => undefined);
      endSession(error.message || authStrings.session.ended);
    });
  }, [queryClient, markLocked, clearSession]);

  useClinicEvent('session.changed', ({ reason }) => {
    if (reason === 'locked') {
      markLocked();
      return;
    }
    const wasSignedIn = queryClient.getQueryData<Session | null>(queryKeys.session) != null;
    clearSession();
    if (wasSignedIn) {
      const message = reason === 'deactivated' ? authStrings.session.deactivated : authStrings.session.signedOut;
      notifications.show({ id: 'session-ended', color: 'yellow', message });
    }
  });
}
