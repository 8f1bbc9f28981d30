import type { Session } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';
import type { Clock } from '../services/core/clock.ts';

/**
 * Signed-in sessions, one per window (Electron) or browser tab (web shell), keyed by the
 * transport's client key. Kept in memory: a restart of main signs everybody out. The map is
 * only a cache of who signed in where: whether a session is still valid is the database's to
 * say (users.session_epoch, checked on every call by session-check.ts), so a deactivation,
 * lock, password reset or role change made by any process or PC ends it.
 */
export interface SessionState {
  userId: number;
  name: string;
  email: string;
  role: StaffRole;
  /** users.session_epoch when the session started; any later change of the account moves it on. */
  sessionEpoch: number;
  locked: boolean;
  lastActivityAt: number;
}

export function createSessionStore(clock: Clock) {
  const sessions = new Map<string, SessionState>();

  return {
    get: (clientKey: string): SessionState | undefined => sessions.get(clientKey),
    /**
     * Main passes the epoch read with the password it checked. Left out it is 0, the epoch of an
     * account never changed since it was made (tests that start sessions by hand): a wrong epoch
     * can only be too old, which the check refuses, never let a revoked session through.
     */
    start(
      clientKey: string,
      user: Omit<SessionState, 'locked' | 'lastActivityAt' | 'sessionEpoch'> & { sessionEpoch?: number },
    ): SessionState {
      const state: SessionState = {
        ...user,
        sessionEpoch: user.sessionEpoch ?? 0,
        locked: false,
        lastActivityAt: clock.now().getTime(),
      };
      sessions.set(clientKey, state);
      return state;
    },
    end: (clientKey: string): boolean => sessions.delete(clientKey),
    touch(clientKey: string): void {
      const state = sessions.get(clientKey);
      if (state) state.lastActivityAt = clock.now().getTime();
    },
    /** Client keys of every session of one user (to end them all when the account is deactivated). */
    keysOfUser(userId: number): string[] {
      return [...sessions.entries()].filter(([, s]) => s.userId === userId).map(([key]) => key);
    },
    /** Locks the session if it has been idle longer than the limit; returns true if it is locked. */
    lockIfIdle(clientKey: string, idleLockMinutes: number): boolean {
      const state = sessions.get(clientKey);
      if (!state) return false;
      if (!state.locked && clock.now().getTime() - state.lastActivityAt >= idleLockMinutes * 60_000)
        state.locked = true;
      return state.locked;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function toSessionView(state: SessionState, idleLockMinutes: number): Session {
  return {
    user: { userId: state.userId, name: state.name, email: state.email, role: state.role },
    locked: state.locked,
    idleLockMinutes,
  };
}
