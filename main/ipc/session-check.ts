import type { Kysely } from 'kysely';
import { hotQuery } from '#db/hot-query.ts';
import type { Database } from '#db/schema.ts';
import type { SessionState, SessionStore } from './sessions.ts';

// Sessions are remembered in this process's memory, but only the database knows whether one
// may still act: another process on the same SQLite file (the CLI) or another PC on the same
// PostgreSQL server may have deactivated, locked, reset or re-roled the account. So every call
// with a session reads the account's status, role and session_epoch by primary key (one
// compiled, prepared query: microseconds on SQLite, one round trip on PostgreSQL) before the
// role check. Nothing is cached, so a change is seen by the very next call, in any process.

const accountState = hotQuery((db: Kysely<Database>, userId: number) =>
  db.selectFrom('users').select(['status', 'role', 'session_epoch']).where('user_id', '=', userId),
);

/** The account as stored (the bridge reads it with plain SQL, hence the loose types). */
export interface AccountState {
  status: string;
  role: string;
  session_epoch: number;
}

/** Whether a session may still act for the account as the database has it now. */
export function sessionStillValid(session: SessionState, account: AccountState | undefined): boolean {
  return (
    account !== undefined &&
    account.status === 'active' &&
    account.role !== 'patient' &&
    account.session_epoch === session.sessionEpoch
  );
}

export type SessionCheck = { state: 'none' } | { state: 'revoked' } | { state: 'valid'; session: SessionState };

/**
 * The session of a window as the database allows it now: a revoked one is ended here (in this
 * core's memory too) and reported once as 'revoked'; a valid one takes its role from the database.
 */
export async function checkSession(
  db: Kysely<Database>,
  sessions: SessionStore,
  clientKey: string,
): Promise<SessionCheck> {
  const session = sessions.get(clientKey);
  if (!session) return { state: 'none' };
  const [account] = await accountState(db, session.userId);
  // The store may have changed while we waited (a sign-in or sign-out on the same window).
  if (sessions.get(clientKey) !== session) return checkSession(db, sessions, clientKey);
  if (!account || !sessionStillValid(session, account)) {
    sessions.end(clientKey);
    return { state: 'revoked' };
  }
  if (account.role !== 'patient') session.role = account.role;
  return { state: 'valid', session };
}

/** Ends this core's sessions of one user that the database no longer allows (a push from another desk). */
export async function endRevokedSessionsOf(
  db: Kysely<Database>,
  sessions: SessionStore,
  userId: number,
): Promise<string[]> {
  const keys = sessions.keysOfUser(userId);
  if (keys.length === 0) return [];
  const [account] = await accountState(db, userId);
  const ended: string[] = [];
  for (const key of keys) {
    const session = sessions.get(key);
    if (session && !sessionStillValid(session, account)) {
      sessions.end(key);
      ended.push(key);
    }
  }
  return ended;
}
