import { writeTx } from '../../db/tx.ts';
import type { UserRow } from '../../db/schema.ts';
import type { StaffUser } from '../../preload/contract.ts';
import { writeAudit } from './audit.ts';
import { addMinutes } from './clock.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { AppError } from './errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { loadStaffUser } from './staff-users.ts';

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

export function createAuthService({ db, clock }: ServiceDeps) {
  const isLockActive = (user: UserRow): boolean =>
    user.status === 'locked' && user.locked_until !== null && user.locked_until > clock.now().toISOString();

  /** Records a failed attempt; the fifth in a row locks the account (audited). */
  async function recordFailure(user: UserRow): Promise<void> {
    await writeTx(db, async (trx) => {
      const current = await trx
        .selectFrom('users')
        .selectAll()
        .where('user_id', '=', user.user_id)
        .executeTakeFirstOrThrow();
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
    });
  }

  async function recordSuccess(user: UserRow): Promise<void> {
    await writeTx(db, async (trx) => {
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
    });
  }

  async function signIn(email: string, password: string): Promise<StaffUser> {
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
      await recordFailure(user);
      const after = await db
        .selectFrom('users')
        .select(['status', 'locked_until'])
        .where('user_id', '=', user.user_id)
        .executeTakeFirstOrThrow();
      if (after.status === 'locked' && after.locked_until) throw lockedMessage(after.locked_until);
      throw invalidCredentials();
    }
    await recordSuccess(user);
    return loadStaffUser(db, user.user_id);
  }

  /** Checks the password of an already signed-in user (unlocking an idle-locked window). */
  async function verifyOwnPassword(actor: Actor, password: string): Promise<StaffUser> {
    const user = await db.selectFrom('users').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
    if (!user || user.password_hash === null || user.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', 'This account can no longer sign in. Ask an admin.');
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await recordFailure(user);
      throw new AppError('INVALID_CREDENTIALS', 'That password is not right.', {
        password: 'That password is not right.',
      });
    }
    if (user.failed_login_count > 0) await recordSuccess(user);
    return loadStaffUser(db, user.user_id);
  }

  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await db.selectFrom('users').selectAll().where('user_id', '=', actor.userId).executeTakeFirstOrThrow();
    if (user.password_hash === null || !(await verifyPassword(user.password_hash, currentPassword))) {
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
    await writeTx(db, async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: clock.now().toISOString() })
        .where('user_id', '=', actor.userId)
        .execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'auth.change_password',
        entity: 'user',
        entityId: actor.userId,
      });
    });
  }

  return { signIn, verifyOwnPassword, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
