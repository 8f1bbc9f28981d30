import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../main/services/auth/auth.ts';
import type { EventName } from '#contract/index.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  signInNew,
  STAFF_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const auditActions = (app: TestApp, userId: number) =>
  app.core.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', String(userId))
    .orderBy('audit_id')
    .execute();

describe('first-run setup', () => {
  it('is needed on an empty database, creates clinic and admin, and cannot run twice', async () => {
    expect(await app.ok('k', 'setup.status', {})).toEqual({ needsSetup: true, clinicName: null });
    await setUpClinic(app);
    expect(await app.ok('k', 'setup.status', {})).toEqual({ needsSetup: false, clinicName: 'Test Clinic' });
    const session = await app.ok(ADMIN_KEY, 'auth.session', {});
    expect(session?.user).toMatchObject({ name: 'Ada Admin', role: 'admin', email: 'ada@clinic.test' });
    const again = await app.call('k2', 'setup.complete', {
      clinicName: 'Other',
      timeZone: 'UTC',
      currency: 'USD',
      adminName: 'Eve',
      adminEmail: 'eve@x.test',
      adminPassword: 'eve-password-1',
    });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const admins = await app.core.database.db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
    expect(admins).toEqual([{ email: 'ada@clinic.test' }]);
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    await setUpClinic(app);
    const row = await app.core.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'ada@clinic.test')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });
});

describe('sign-in', () => {
  beforeEach(() => setUpClinic(app));

  it('accepts the email in any case and refuses a wrong password with one message for both cases', async () => {
    const ok = await app.call('a', 'auth.signIn', { email: 'ADA@Clinic.Test', password: ADMIN_PASSWORD });
    expect(ok.ok).toBe(true);
    const wrong = await app.call('b', 'auth.signIn', { email: 'ada@clinic.test', password: 'nope' });
    const unknown = await app.call('c', 'auth.signIn', { email: 'nobody@clinic.test', password: 'nope' });
    expect(wrong.ok || unknown.ok).toBe(false);
    if (!wrong.ok && !unknown.ok) {
      expect(wrong.error).toEqual(unknown.error);
      expect(wrong.error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures for ${LOCKOUT_MINUTES} minutes, audited`, async () => {
    const { userId, email } = await signInNew(app, 'receptionist');
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const r = await app.call('x', 'auth.signIn', { email, password: 'wrong password' });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    // Even the right password is refused while locked.
    const during = await app.call('x', 'auth.signIn', { email, password: STAFF_PASSWORD });
    expect(during.ok ? null : during.error.code).toBe('ACCOUNT_LOCKED');
    expect((await auditActions(app, userId)).map((r) => r.action)).toContain('auth.account_locked');

    app.clock.advanceMinutes(LOCKOUT_MINUTES - 1);
    expect((await app.call('x', 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(false);
    app.clock.advanceMinutes(1);
    expect((await app.call('x', 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(true);
    const row = await app.core.database.db
      .selectFrom('users')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', failed_login_count: 0, locked_until: null });
  });

  it('resets the failure count after a successful sign-in', async () => {
    const { email } = await signInNew(app, 'doctor');
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await app.call('x', 'auth.signIn', { email, password: 'bad' });
    expect((await app.call('x', 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(true);
    const next = await app.call('y', 'auth.signIn', { email, password: 'bad' });
    expect(next.ok ? null : next.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('an admin reset clears a lockout', async () => {
    const { userId, email } = await signInNew(app, 'receptionist');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await app.call('x', 'auth.signIn', { email, password: 'bad' });
    await app.ok(ADMIN_KEY, 'users.resetPassword', { userId, newPassword: 'a brand new secret' });
    expect((await app.call('x', 'auth.signIn', { email, password: 'a brand new secret' })).ok).toBe(true);
  });

  it('refuses deactivated accounts and ends their open sessions at once, telling the window', async () => {
    const { key, userId, email } = await signInNew(app, 'receptionist');
    const received: [EventName, unknown][] = [];
    app.core.hub.subscribe(key, (name, payload) => received.push([name, payload]));
    await app.ok(ADMIN_KEY, 'users.setStatus', { userId, status: 'inactive' });
    expect(received).toContainEqual(['session.changed', { reason: 'deactivated' }]);
    const after = await app.call(key, 'settings.get', {});
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
    const again = await app.call('z', 'auth.signIn', { email, password: STAFF_PASSWORD });
    expect(again.ok ? null : again.error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('idle lock', () => {
  beforeEach(() => setUpClinic(app));

  it('locks after the configured idle minutes, keeps the session, and unlocks with the password', async () => {
    const { key } = await signInNew(app, 'receptionist');
    app.clock.advanceMinutes(14);
    expect((await app.call(key, 'settings.get', {})).ok).toBe(true);
    app.clock.advanceMinutes(15);
    const locked = await app.call(key, 'settings.get', {});
    expect(locked.ok ? null : locked.error.code).toBe('SESSION_LOCKED');
    expect((await app.ok(key, 'auth.session', {}))?.locked).toBe(true);
    const wrong = await app.call(key, 'auth.unlock', { password: 'not it' });
    expect(wrong.ok ? null : wrong.error.fields).toEqual({ password: 'That password is not right.' });
    const unlocked = await app.ok(key, 'auth.unlock', { password: STAFF_PASSWORD });
    expect(unlocked.locked).toBe(false);
    expect((await app.call(key, 'settings.get', {})).ok).toBe(true);
  });

  it('follows the idle minutes setting and activity (touch) restarts the count', async () => {
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    await app.ok(ADMIN_KEY, 'settings.update', { ...settings, idleLockMinutes: 2 });
    const { key } = await signInNew(app, 'doctor');
    app.clock.advanceMinutes(1.5);
    await app.ok(key, 'auth.touch', {});
    app.clock.advanceMinutes(1.5);
    expect((await app.call(key, 'settings.get', {})).ok).toBe(true);
    app.clock.advanceMinutes(2);
    expect((await app.call(key, 'settings.get', {})).ok).toBe(false);
  });

  it('locks on request and only the same user’s password unlocks', async () => {
    const { key } = await signInNew(app, 'receptionist');
    expect((await app.ok(key, 'auth.lock', {})).locked).toBe(true);
    expect((await app.call(key, 'auth.unlock', { password: ADMIN_PASSWORD })).ok).toBe(false);
    expect((await app.call(key, 'auth.unlock', { password: STAFF_PASSWORD })).ok).toBe(true);
  });

  it('signing out ends the session', async () => {
    const { key } = await signInNew(app, 'receptionist');
    await app.ok(key, 'auth.signOut', {});
    expect(await app.ok(key, 'auth.session', {})).toBeNull();
  });
});

describe('change own password', () => {
  beforeEach(() => setUpClinic(app));

  it('needs the current password, and then only the new one works', async () => {
    const { key, email } = await signInNew(app, 'doctor');
    const bad = await app.call(key, 'auth.changePassword', {
      currentPassword: 'wrong',
      newPassword: 'another secret 1',
    });
    expect(bad.ok ? null : bad.error.fields).toHaveProperty('currentPassword');
    const short = await app.call(key, 'auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: 'short' });
    expect(short.ok ? null : short.error.fields?.newPassword).toMatch(/at least 10 characters/);
    await app.ok(key, 'auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: 'another secret 1' });
    expect((await app.call('n1', 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(false);
    expect((await app.call('n2', 'auth.signIn', { email, password: 'another secret 1' })).ok).toBe(true);
  });
});
