import type { Session } from '../../preload/contract.ts';
import type { StaffRole } from '../../preload/schemas.ts';
import type { Clock } from '../services/clock.ts';

/**
 * Signed-in sessions, one per window (Electron) or browser tab (web shell), keyed by the
 * transport's client key. Kept in memory: a restart of main signs everybody out.
 */
export interface SessionState {
  userId: number;
  name: string;
  email: string;
  role: StaffRole;
  locked: boolean;
  lastActivityAt: number;
}

export function createSessionStore(clock: Clock) {
  const sessions = new Map<string, SessionState>();

  return {
    get: (clientKey: string): SessionState | undefined => sessions.get(clientKey),
    start(clientKey: string, user: Omit<SessionState, 'locked' | 'lastActivityAt'>): SessionState {
      const state: SessionState = { ...user, locked: false, lastActivityAt: clock.now().getTime() };
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
