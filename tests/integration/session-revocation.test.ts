import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionWorker, type SessionWorker } from '../support/session-worker.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, STAFF_PASSWORD, type TestApp } from '../support/test-app.ts';

// Sessions live in each process's memory, but the database says whether one still stands:
// an admin's change in one process (the app) ends the user's session in another process on
// the same database (a second desk, the CLI) on its very next call, and the other way round.

let app: TestApp;
let worker: SessionWorker;
let made = 0;

beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  worker = await startSessionWorker(app.dbFile);
}, 60_000);
afterAll(async () => {
  await worker.close();
  await app.close();
});

const patient = (n: number) => ({
  name: `Remote Patient ${n}`,
  phone: `07700 955${String(n).padStart(3, '0')}`,
  email: null,
  medicalNotes: null,
  confirmedNotDuplicate: true,
});

/** A receptionist made here and signed in on the other process's window. */
async function remoteReceptionist(): Promise<{ userId: number; email: string; key: string }> {
  const email = `remote${++made}@clinic.test`;
  const { userId } = await app.ok(ADMIN_KEY, 'users.create', {
    name: `Remote Desk ${made}`,
    email,
    phone: null,
    role: 'receptionist',
    password: STAFF_PASSWORD,
  });
  const key = `other:desk:${made}`;
  const signedIn = await worker.call(key, 'auth.signIn', { email, password: STAFF_PASSWORD });
  expect(signedIn.ok).toBe(true);
  const before = await worker.call(key, 'patients.search', { query: 'Remote' });
  expect(before.ok).toBe(true);
  return { userId, email, key };
}

async function patientCount(): Promise<number> {
  const row = await app.core.database.db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The other process's window is refused as signed out, reads and writes alike, and writes nothing. */
async function expectRefused(key: string): Promise<void> {
  const patients = await patientCount();
  const read = await worker.call(key, 'patients.search', { query: 'Remote' });
  expect(read).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const write = await worker.call(key, 'patients.register', patient(++made));
  expect(write).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await patientCount()).toBe(patients);
  expect(await worker.call(key, 'auth.session', {})).toEqual({ ok: true, value: null });
}

describe('revoking a session from another process', () => {
  it('deactivation ends it on the next call', async () => {
    const desk = await remoteReceptionist();
    await app.ok(ADMIN_KEY, 'users.setStatus', { userId: desk.userId, status: 'inactive' });
    await expectRefused(desk.key);
  });

  it('an admin password reset ends it, and the new password signs in there', async () => {
    const desk = await remoteReceptionist();
    await app.ok(ADMIN_KEY, 'users.resetPassword', { userId: desk.userId, newPassword: 'brand-new-password-1' });
    await expectRefused(desk.key);
    const again = await worker.call(desk.key, 'auth.signIn', { email: desk.email, password: 'brand-new-password-1' });
    expect(again.ok).toBe(true);
    expect((await worker.call(desk.key, 'patients.register', patient(++made))).ok).toBe(true);
  });

  it('a role change ends it, whoever changes the row, and the next sign-in carries the new role', async () => {
    const desk = await remoteReceptionist();
    // No screen changes a role: an admin's hand-run UPDATE must end the session all the same.
    await sql`UPDATE users SET role = 'admin' WHERE user_id = ${desk.userId}`.execute(app.core.database.db);
    await expectRefused(desk.key);
    const again = await worker.call(desk.key, 'auth.signIn', { email: desk.email, password: STAFF_PASSWORD });
    expect(again).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    expect((await worker.call(desk.key, 'users.list', {})).ok).toBe(true);
  });

  it('leaves other users’ sessions and an unchanged account alone', async () => {
    const kept = await remoteReceptionist();
    const gone = await remoteReceptionist();
    await app.ok(ADMIN_KEY, 'users.update', {
      userId: kept.userId,
      version: 1,
      name: 'Renamed Desk',
      email: kept.email,
      phone: null,
    });
    await app.ok(ADMIN_KEY, 'users.setStatus', { userId: gone.userId, status: 'inactive' });
    expect((await worker.call(kept.key, 'patients.register', patient(++made))).ok).toBe(true);
    await expectRefused(gone.key);
  });
});
