import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  STAFF_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

// The CLI is another process on the same SQLite file: an admin's change made there ends the
// running app's session on its next call (SQLite only: the CLI opens a file).

let app: TestApp;
let made = 0;

beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
}, 60_000);
afterAll(() => app.close());

it('the CLI deactivating a user while the app runs ends the app’s session', async () => {
  const email = `cli-target${++made}@clinic.test`;
  const { userId } = await app.ok(ADMIN_KEY, 'users.create', {
    name: 'App Desk',
    email,
    phone: null,
    role: 'receptionist',
    password: STAFF_PASSWORD,
  });
  const key = 'app:desk';
  await app.ok(key, 'auth.signIn', { email, password: STAFF_PASSWORD });
  await app.ok(key, 'patients.search', { query: '' });
  const cli = await runCli(
    [
      'call',
      'users.setStatus',
      JSON.stringify({ userId, status: 'inactive' }),
      '--db',
      app.dbFile,
      '--as',
      'ada@clinic.test',
    ],
    ADMIN_PASSWORD,
  );
  expect(cli.code, cli.stderr).toBe(0);
  const refused = await app.call(key, 'patients.search', { query: '' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
}, 60_000);
