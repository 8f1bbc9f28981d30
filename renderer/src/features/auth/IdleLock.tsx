import type { Session } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useLockNow } from './session-actions.ts';
import { useIdleLock } from './use-idle-lock.ts';

/** Locks the screen after the clinic's idle time, and tells main the user is still there. */
export function IdleLock({ session, minutes }: { session: Session; minutes: number }) {
  const lockNow = useLockNow();
  useIdleLock({
    minutes,
    paused: session.locked,
    onIdle: lockNow,
    onActive: () => {
      call('auth.touch', {}).catch(() => undefined);
    },
  });
  return null;
}
