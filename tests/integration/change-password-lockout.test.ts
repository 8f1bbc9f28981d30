import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../main/services/auth/auth.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  signInNew,
  STAFF_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

// A wrong current password in "Change password" is a password guess like a failed sign-in:
// it counts toward the same lockout (decision 5), is committed although the request fails,
// and the lock ends the user's sessions.

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterEach(() => app.close());

const userRow = (userId: number) =>
  app.core.database.db
    .selectFrom('users')
    .select(['status', 'failed_login_count', 'locked_until'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();

const wrongGuess = (key: string, n: number) =>
  app.call(key, 'auth.changePassword', { currentPassword: `guess number ${n}`, newPassword: 'a new secret 123' });

describe('change password with a wrong current password', () => {
  it('20 guesses at once lock the account after five, end the session, and keep the lock', async () => {
    const { key, userId, email } = await signInNew(app, 'receptionist');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => wrongGuess(key, i)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'VALIDATION')).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(20 - (MAX_FAILED_SIGN_INS - 1));

    const row = await userRow(userId);
    expect(row.status).toBe('locked');
    expect(row.locked_until).toBe(new Date(app.clock.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString());
    // The lock ended the session: the window goes back to sign-in.
    const after = await app.call(key, 'patients.search', { query: '' });
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
    // And the right password does not sign in until the lock runs out.
    const during = await app.call('again', 'auth.signIn', { email, password: STAFF_PASSWORD });
    expect(during.ok ? null : during.error.code).toBe('ACCOUNT_LOCKED');
    app.clock.advanceMinutes(LOCKOUT_MINUTES);
    expect((await app.call('again', 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(true);
  });

  it('counts together with failed sign-ins, one by one', async () => {
    const { key, userId, email } = await signInNew(app, 'doctor');
    for (let i = 0; i < 3; i++) {
      const r = await wrongGuess(key, i);
      expect(r.ok ? null : r.error.fields).toHaveProperty('currentPassword');
    }
    expect((await userRow(userId)).failed_login_count).toBe(3);
    await app.call('elsewhere', 'auth.signIn', { email, password: 'not it' });
    const last = await app.call('elsewhere', 'auth.signIn', { email, password: 'not it either' });
    expect(last.ok ? null : last.error.code).toBe('ACCOUNT_LOCKED');
    const refused = await app.call(key, 'auth.changePassword', {
      currentPassword: STAFF_PASSWORD,
      newPassword: 'a new secret 123',
    });
    expect(refused.ok ? null : refused.error.code).toBe('UNAUTHENTICATED');
  });

  it('a right current password clears the count, ends the user’s other sessions and keeps this one', async () => {
    const { key, userId, email } = await signInNew(app, 'receptionist');
    await app.ok('second-window', 'auth.signIn', { email, password: STAFF_PASSWORD });
    await wrongGuess(key, 1);
    await app.ok(key, 'auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: 'a new secret 123' });
    expect((await userRow(userId)).failed_login_count).toBe(0);
    expect((await app.call(key, 'patients.search', { query: '' })).ok).toBe(true);
    const other = await app.call('second-window', 'patients.search', { query: '' });
    expect(other.ok ? null : other.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('an admin resetting their own password', () => {
  it('keeps the window that did it and ends their other sessions', async () => {
    await app.ok('admin-elsewhere', 'auth.signIn', { email: 'ada@clinic.test', password: ADMIN_PASSWORD });
    const me = await app.ok(ADMIN_KEY, 'auth.session', {});
    if (!me) throw new Error('no admin session');
    await app.ok(ADMIN_KEY, 'users.resetPassword', { userId: me.user.userId, newPassword: 'admin-new-secret-1' });
    expect((await app.call(ADMIN_KEY, 'users.list', {})).ok).toBe(true);
    const other = await app.call('admin-elsewhere', 'users.list', {});
    expect(other.ok ? null : other.error.code).toBe('UNAUTHENTICATED');
  });
});
