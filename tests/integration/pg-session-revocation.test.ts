import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { MAX_FAILED_SIGN_INS } from '../../main/services/auth/auth.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import type { ChannelInput, ChannelName, Result } from '#contract/index.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, STAFF_PASSWORD, type TestApp } from '../support/test-app.ts';

// Two PCs on one clinic server: two app cores on one PostgreSQL database. An admin's change
// of an account at one PC (deactivation, password reset, role change, or a lock from wrong
// passwords) ends that user's sessions on the other PC: its very next call is refused as
// signed out, and a deactivated user's window hears it within a second without calling.

let app: TestApp;
let other: AppCore;

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  other = await startAppCore({ databaseUrl: app.dbFile, clock: app.clock, logger: silentLogger });
});
afterEach(async () => {
  await other.close();
  await app.close();
});

const there = <C extends ChannelName>(key: string, channel: C, input: ChannelInput<C>): Promise<Result<unknown>> =>
  other.dispatcher.dispatch(key, channel, input);

async function within(ms: number, check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A receptionist signed in on the other PC (through its own sign-in), able to work there. */
async function deskOnOtherPc(): Promise<{ userId: number; email: string; key: string; localKey: string }> {
  const { userId, email, key: localKey } = await signInNew(app, 'receptionist');
  const key = `pc2:${userId}`;
  expect((await there(key, 'auth.signIn', { email, password: STAFF_PASSWORD })).ok).toBe(true);
  expect((await there(key, 'patients.search', { query: '' })).ok).toBe(true);
  return { userId, email, key, localKey };
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

async function expectRefusedThere(key: string): Promise<void> {
  expect(codeOf(await there(key, 'patients.search', { query: '' }))).toBe('UNAUTHENTICATED');
  const register = await there(key, 'patients.register', {
    name: 'Should Not Exist',
    phone: '07700 900999',
    email: null,
    medicalNotes: null,
    confirmedNotDuplicate: true,
  });
  expect(codeOf(register)).toBe('UNAUTHENTICATED');
  const found = await app.core.database.db
    .selectFrom('users')
    .select('user_id')
    .where('name', '=', 'Should Not Exist')
    .execute();
  expect(found).toEqual([]);
}

describe('session revocation across PCs (PostgreSQL)', () => {
  it('deactivation at one PC signs the user out at the other within a second', async () => {
    const desk = await deskOnOtherPc();
    const heard: string[] = [];
    other.hub.subscribe(desk.key, (name, payload) => heard.push(`${name} ${JSON.stringify(payload)}`));
    await app.ok(ADMIN_KEY, 'users.setStatus', { userId: desk.userId, status: 'inactive' });
    await within(1000, () => other.sessions.get(desk.key) === undefined);
    expect(heard).toContain('session.changed {"reason":"deactivated"}');
    await expectRefusedThere(desk.key);
  });

  it('an admin password reset at one PC ends the session at the other', async () => {
    const desk = await deskOnOtherPc();
    await app.ok(ADMIN_KEY, 'users.resetPassword', { userId: desk.userId, newPassword: 'reset-by-admin-1' });
    await expectRefusedThere(desk.key);
    expect(codeOf(await app.call(desk.localKey, 'patients.search', { query: '' }))).toBe('UNAUTHENTICATED');
    expect((await there(desk.key, 'auth.signIn', { email: desk.email, password: 'reset-by-admin-1' })).ok).toBe(true);
  });

  it('a role change ends the session at the other PC, and the next sign-in has the new role', async () => {
    const desk = await deskOnOtherPc();
    // No screen changes a role: a hand-run UPDATE must end the session all the same.
    await sql`UPDATE users SET role = 'admin' WHERE user_id = ${desk.userId}`.execute(app.core.database.db);
    await expectRefusedThere(desk.key);
    const again = await there(desk.key, 'auth.signIn', { email: desk.email, password: STAFF_PASSWORD });
    expect(again).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    expect(codeOf(await there(desk.key, 'users.list', {}))).toBe('ok');
  });

  it('wrong current passwords at one PC lock the account and end its session at the other', async () => {
    const desk = await deskOnOtherPc();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await app.call(desk.localKey, 'auth.changePassword', {
        currentPassword: `wrong guess ${i}`,
        newPassword: 'a new secret 123',
      });
    }
    await expectRefusedThere(desk.key);
  });
});
