import { writeTx } from '#db/tx.ts';
import type { UserRow } from '#db/schema.ts';
import type { StaffUser } from '#contract/index.ts';
import { writeAudit } from '../core/audit.ts';
import { addMinutes } from '../core/clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { loadStaffUser, sessionEpochOf } from './staff-users.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'That email and password do not match an active staff account.');

function lockedMessage(until: string): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `This account is locked for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again later or ask an admin to reset the password.`,
    { lockedUntil: until },
  );
}

/**
 * A user who has just proven who they are, with the session epoch their session starts at
 * (read with the password that was checked: a later revocation moves the epoch past it).
 */
export interface SignedIn {
  user: StaffUser;
  sessionEpoch: number;
}

/** Refuses a signed-in user whose wrong password has just locked the account (its sessions end). */
function lockedOut(): AppError {
  return new AppError(
    'UNAUTHENTICATED',
    `Too many wrong passwords: this account is locked for ${LOCKOUT_MINUTES} minutes. Sign in again later or ask an admin to reset the password.`,
  );
}

export function createAuthService({ db, clock }: ServiceDeps) {
  const isLockActive = (user: UserRow): boolean =>
    user.status === 'locked' && user.locked_until !== null && user.locked_until > clock.now().toISOString();

  /**
   * Records a failed attempt in its own committed transaction (the request then fails, but the
   * count stays); the fifth in a row locks the account (audited), which also ends its sessions
   * (the status change moves session_epoch). Returns the lock's end when it locked.
   */
  async function recordFailure(user: UserRow): Promise<string | null> {
    return writeTx(db, async (trx) => {
      const current = await trx
        .selectFrom('users')
        .selectAll()
        .where('user_id', '=', user.user_id)
        .executeTakeFirstOrThrow();
      // Guesses in flight when the lock landed keep it as it is (they must not clear locked_until).
      if (isLockActive(current)) return current.locked_until;
      // Deactivated meanwhile: a lock must not turn it back into an account that unlocks itself.
      if (current.status === 'inactive') return null;
      // A lock that has run out starts a fresh count.
      const expired = current.status === 'locked' && !isLockActive(current);
      const failures = (expired ? 0 : current.failed_login_count) + 1;
      const lock = failures >= MAX_FAILED_SIGN_INS;
      const lockedUntil = lock ? addMinutes(clock.now(), LOCKOUT_MINUTES).toISOString() : null;
      await trx
        .updateTable('users')
        .set({
          failed_login_count: lock ? 0 : failures,
          status: lock ? 'locked' : expired ? 'active' : current.status,
          locked_until: lockedUntil,
        })
        .where('user_id', '=', user.user_id)
        .execute();
      await writeAudit(trx, clock, {
        userId: user.user_id,
        action: lock ? 'auth.account_locked' : 'auth.sign_in_failed',
        entity: 'user',
        entityId: user.user_id,
        after: lock ? { lockedUntil, failures } : { failures },
      });
      return lockedUntil;
    });
  }

  /**
   * Clears the failure count and returns the session epoch to start at. Refused if the account
   * changed since its password was checked (a reset or deactivation in between).
   */
  async function recordSuccess(user: UserRow): Promise<number> {
    return writeTx(db, async (trx) => {
      const current = await trx
        .selectFrom('users')
        .select(['session_epoch', 'status'])
        .where('user_id', '=', user.user_id)
        .executeTakeFirst();
      if (!current || current.session_epoch !== user.session_epoch || current.status === 'inactive') {
        throw invalidCredentials();
      }
      await trx
        .updateTable('users')
        .set({ failed_login_count: 0, status: 'active', locked_until: null })
        .where('user_id', '=', user.user_id)
        .execute();
      await writeAudit(trx, clock, {
        userId: user.user_id,
        action: 'auth.sign_in',
        entity: 'user',
        entityId: user.user_id,
      });
      // Leaving an expired lock is a status change: the trigger has moved the epoch on.
      return sessionEpochOf(trx, user.user_id);
    });
  }

  async function signIn(email: string, password: string): Promise<SignedIn> {
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .where('role', '!=', 'patient')
      .executeTakeFirst();
    if (!user || user.password_hash === null) {
      await burnPasswordCheck(password);
      throw invalidCredentials();
    }
    if (user.status === 'inactive') {
      await burnPasswordCheck(password);
      throw invalidCredentials();
    }
    if (isLockActive(user) && user.locked_until) throw lockedMessage(user.locked_until);
    if (!(await verifyPassword(user.password_hash, password))) {
      const lockedUntil = await recordFailure(user);
      if (lockedUntil) throw lockedMessage(lockedUntil);
      throw invalidCredentials();
    }
    const sessionEpoch = await recordSuccess(user);
    return { user: await loadStaffUser(db, user.user_id), sessionEpoch };
  }

  /** Checks the password of an already signed-in user (unlocking an idle-locked window). */
  async function verifyOwnPassword(actor: Actor, password: string): Promise<SignedIn> {
    const user = await db.selectFrom('users').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
    if (!user || user.password_hash === null || user.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', 'This account can no longer sign in. Ask an admin.');
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const lockedUntil = await recordFailure(user);
      if (lockedUntil) throw lockedOut();
      throw new AppError('INVALID_CREDENTIALS', 'That password is not right.', {
        password: 'That password is not right.',
      });
    }
    const sessionEpoch = user.failed_login_count > 0 ? await recordSuccess(user) : user.session_epoch;
    return { user: await loadStaffUser(db, user.user_id), sessionEpoch };
  }

  /**
   * Changes the signed-in user's own password. A wrong current password counts toward the
   * sign-in lockout like a failed sign-in. The new hash moves session_epoch on, ending the
   * user's other sessions; the new epoch is returned so the window that changed it stays in.
   */
  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<number> {
    const user = await db.selectFrom('users').selectAll().where('user_id', '=', actor.userId).executeTakeFirstOrThrow();
    if (user.password_hash === null || user.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', 'This account can no longer sign in. Ask an admin.');
    }
    const checkedHash = user.password_hash;
    if (!(await verifyPassword(checkedHash, currentPassword))) {
      const lockedUntil = await recordFailure(user);
      if (lockedUntil) throw lockedOut();
      throw new AppError('VALIDATION', 'Your current password is not right.', {
        currentPassword: 'Your current password is not right.',
      });
    }
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION', 'Choose a new password that differs from the current one.', {
        newPassword: 'Choose a new password that differs from the current one.',
      });
    }
    const passwordHash = await hashPassword(newPassword);
    return writeTx(db, async (trx) => {
      // Only over the hash that was checked: an admin reset or a lock in between wins.
      const changed = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_login_count: 0, updated_at: clock.now().toISOString() })
        .where('user_id', '=', actor.userId)
        .where('password_hash', '=', checkedHash)
        .where('session_epoch', '=', user.session_epoch)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        throw new AppError('UNAUTHENTICATED', 'Your account changed meanwhile. Sign in again to continue.');
      }
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'auth.change_password',
        entity: 'user',
        entityId: actor.userId,
      });
      return sessionEpochOf(trx, actor.userId);
    });
  }

  return { signIn, verifyOwnPassword, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
