import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EventPayload, Session } from '#contract/index.ts';
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

  // Main sends what was restored just before it signs every window out.
  const restored = useRef<EventPayload<'backup.restored'> | null>(null);
  useClinicEvent('backup.restored', (details) => {
    restored.current = details;
  });

  useClinicEvent('session.changed', ({ reason }) => {
    if (reason === 'locked') {
      markLocked();
      return;
    }
    const wasSignedIn = queryClient.getQueryData<Session | null>(queryKeys.session) != null;
    clearSession();
    if (wasSignedIn) {
      const message =
        reason === 'deactivated'
          ? authStrings.session.deactivated
          : reason === 'restored'
            ? restoredMessage(restored.current)
            : authStrings.session.signedOut;
      // Its own id: an earlier "signed out" still on screen must not swallow what happened.
      const id = reason === 'restored' ? 'session-restored' : 'session-ended';
      notifications.show({ id, color: 'yellow', message, ...(reason === 'restored' ? { autoClose: false } : {}) });
    }
  });
}

/** "The database was restored from the backup of 2 Mar 2026, 09:00 by Ada Admin. Sign in again." */
export function restoredMessage(details: EventPayload<'backup.restored'> | null): string {
  const at = details ? new Date(details.backupCreatedAt) : null;
  if (!details || !at || Number.isNaN(at.getTime())) return authStrings.session.restoredUnknown;
  const when = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return authStrings.session.restored(when, details.restoredBy);
}
