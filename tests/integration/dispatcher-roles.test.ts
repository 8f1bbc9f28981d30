import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '#contract/index.ts';
import { readRoleMatrix } from '../../scripts/role-matrix-lib.ts';
import { STAFF_ROLES, type StaffRole } from '#contract/fields.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// Every channel × every role (and nobody signed in) is allowed or refused exactly as the
// committed role matrix says.

let app: TestApp;
const keys = {} as Record<StaffRole, string>;

beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  keys.admin = ADMIN_KEY;
  keys.receptionist = (await signInNew(app, 'receptionist')).key;
  keys.doctor = (await signInNew(app, 'doctor')).key;
});
afterAll(() => app.close());

// Calls that change the caller's own session are checked on a throwaway session instead.
const SESSION_CHANGING = new Set<ChannelName>([
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.signIn',
  'setup.complete',
]);

// The expectation comes from the committed docs/role-matrix.md, not from the contract the gate
// reads: this tests the policy as reviewed, and tests/unit/role-matrix.test.ts ties the file to
// the contract.
const matrix = readRoleMatrix();
function allowed(channel: ChannelName, role: StaffRole | null): boolean {
  const row = matrix.get(channel);
  if (!row) throw new Error(`${channel} is missing from docs/role-matrix.md`);
  return row[role ?? 'nobody'];
}

describe('role matrix', () => {
  for (const channel of CHANNEL_NAMES) {
    for (const role of [null, ...STAFF_ROLES] as const) {
      it(`${channel} as ${role ?? 'nobody'} is ${allowed(channel, role) ? 'allowed' : 'refused'}`, async () => {
        let key = role ? keys[role] : 'test:nobody';
        if (role && SESSION_CHANGING.has(channel)) {
          key = `test:throwaway:${channel}:${role}`;
          const user = app.core.sessions.get(keys[role]);
          if (!user) throw new Error('missing session');
          app.core.sessions.start(key, { userId: user.userId, name: user.name, email: user.email, role: user.role });
        }
        // An empty input: allowed calls may fail validation, but never on access.
        const result = await app.core.dispatcher.dispatch(key, channel, {});
        const code = result.ok ? null : result.error.code;
        if (allowed(channel, role)) {
          expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(code);
        } else {
          expect(code).toBe(role === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    }
  }

  it('refuses an unknown channel with a clear error', async () => {
    const result = await app.core.dispatcher.dispatch(ADMIN_KEY, 'users.dropEverything', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringMatching(/does not know/) },
    });
  });

  it('never trusts a role sent by the renderer', async () => {
    const result = await app.core.dispatcher.dispatch(keys.receptionist, 'users.list', {
      role: 'admin',
      asRole: 'admin',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
  });
});
