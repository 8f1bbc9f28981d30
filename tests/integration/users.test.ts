import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterEach(() => app.close());

const doctorProfile = {
  specialization: 'Cardiology',
  experienceYears: 12,
  consultationFee: 80.5,
  about: 'Heart doctor',
  rating: 4.5,
  isAvailable: true,
};

const audit = (app: TestApp, action: string) =>
  app.core.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('staff accounts', () => {
  it('creates a doctor with its doctors row, normalised phone and email, in one audited write', async () => {
    const user = await app.ok(ADMIN_KEY, 'users.create', {
      name: '  Dr Nia Okafor ',
      email: 'Nia.Okafor@Clinic.Test',
      phone: '+44 (0)20 7946-0958',
      role: 'doctor',
      password: 'a long password',
      doctor: doctorProfile,
    });
    expect(user).toMatchObject({
      name: 'Dr Nia Okafor',
      email: 'nia.okafor@clinic.test',
      phone: '+4402079460958',
      role: 'doctor',
      doctor: doctorProfile,
    });
    const row = await app.core.database.db
      .selectFrom('doctors')
      .selectAll()
      .where('doctor_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      specialization: 'Cardiology',
      experience_years: 12,
      consultation_fee: 80.5,
      is_available: 1,
      user_role: 'doctor',
    });
    const [entry] = await audit(app, 'user.create');
    expect(entry?.entity_id).toBe(String(user.userId));
    expect(JSON.parse(entry?.after_json ?? '{}')).toMatchObject({ email: 'nia.okafor@clinic.test' });
    expect(entry?.after_json).not.toContain('argon2');
  });

  it('requires the doctor profile for a doctor and names the missing field', async () => {
    const result = await app.call(ADMIN_KEY, 'users.create', {
      name: 'Dr X',
      email: 'x@clinic.test',
      role: 'doctor',
      password: 'a long password',
    } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain('doctor');
  });

  it('refuses a second account with the same email in another case, beside the email field', async () => {
    await app.ok(ADMIN_KEY, 'users.create', {
      name: 'Rae',
      email: 'rae@clinic.test',
      role: 'receptionist',
      password: 'a long password',
    });
    const dup = await app.call(ADMIN_KEY, 'users.create', {
      name: 'Rae Two',
      email: 'RAE@clinic.test',
      role: 'admin',
      password: 'a long password',
    });
    expect(dup.ok ? null : dup.error).toMatchObject({
      code: 'CONFLICT',
      fields: { email: expect.stringMatching(/already uses/) },
    });
    expect(
      await app.core.database.db.selectFrom('users').select('name').where('name', '=', 'Rae Two').execute(),
    ).toEqual([]);
  });

  it('refuses an edit made on an old version and keeps the other desk’s change', async () => {
    const user = await app.ok(ADMIN_KEY, 'users.create', {
      name: 'Dr Lee',
      email: 'lee@clinic.test',
      role: 'doctor',
      password: 'a long password',
      doctor: doctorProfile,
    });
    const first = await app.ok(ADMIN_KEY, 'users.update', {
      userId: user.userId,
      version: user.version,
      name: 'Dr Lee Sr',
      email: user.email,
      phone: null,
      doctor: { ...doctorProfile, consultationFee: 90 },
    });
    expect(first.version).toBe(user.version + 1);
    const second = await app.call(ADMIN_KEY, 'users.update', {
      userId: user.userId,
      version: user.version,
      name: 'Dr Lee Jr',
      email: user.email,
      phone: null,
      doctor: doctorProfile,
    });
    expect(second.ok ? null : second.error.code).toBe('STALE');
    const now = await app.ok(ADMIN_KEY, 'users.get', { userId: user.userId });
    expect(now).toMatchObject({ name: 'Dr Lee Sr', doctor: { consultationFee: 90 } });
    const [entry] = await audit(app, 'user.update');
    expect(JSON.parse(entry?.before_json ?? '{}')).toMatchObject({ name: 'Dr Lee' });
    expect(JSON.parse(entry?.after_json ?? '{}')).toMatchObject({ name: 'Dr Lee Sr' });
  });

  it('keeps at least one active admin and never lets an admin deactivate themselves', async () => {
    const me = app.core.sessions.get(ADMIN_KEY);
    const self = await app.call(ADMIN_KEY, 'users.setStatus', { userId: me?.userId ?? 0, status: 'inactive' });
    expect(self.ok ? null : self.error.message).toMatch(/your own account/);
    const other = await app.ok(ADMIN_KEY, 'users.create', {
      name: 'Bo',
      email: 'bo@clinic.test',
      role: 'admin',
      password: 'a long password',
    });
    await app.ok('bo', 'auth.signIn', { email: 'bo@clinic.test', password: 'a long password' });
    await app.ok('bo', 'users.setStatus', { userId: me?.userId ?? 0, status: 'inactive' });
    const last = await app.call('bo', 'users.setStatus', { userId: other.userId, status: 'inactive' });
    expect(last.ok).toBe(false);
    expect((await app.ok('bo', 'users.get', { userId: other.userId })).status).toBe('active');
  });

  it('lists and filters staff by text, role and status, never patients', async () => {
    await signInNew(app, 'doctor', 'Dr Amara Mensah');
    await signInNew(app, 'receptionist', 'Rita Front');
    await app.core.database.db
      .insertInto('users')
      .values({
        name: 'Pat Patient',
        email: null,
        phone: null,
        password_hash: null,
        role: 'patient',
        created_at: new Date().toISOString(),
        updated_at: null,
        locked_until: null,
      })
      .execute();
    const all = await app.ok(ADMIN_KEY, 'users.list', {});
    expect(all.map((u) => u.name)).toEqual(['Ada Admin', 'Dr Amara Mensah', 'Rita Front']);
    expect((await app.ok(ADMIN_KEY, 'users.list', { role: 'doctor' })).map((u) => u.name)).toEqual(['Dr Amara Mensah']);
    expect((await app.ok(ADMIN_KEY, 'users.list', { query: 'general' })).map((u) => u.name)).toEqual([
      'Dr Amara Mensah',
    ]);
    expect((await app.ok(ADMIN_KEY, 'users.list', { query: 'RITA' })).map((u) => u.name)).toEqual(['Rita Front']);
    expect((await app.ok(ADMIN_KEY, 'users.list', { query: '%' })).map((u) => u.name)).toEqual([]);
    expect((await app.ok(ADMIN_KEY, 'users.list', { query: 'a_a' })).map((u) => u.name)).toEqual([]);
    expect((await app.ok(ADMIN_KEY, 'users.list', { query: 'a m' })).map((u) => u.name)).toEqual(['Dr Amara Mensah']);
    expect(await app.ok(ADMIN_KEY, 'users.list', { status: 'inactive' })).toEqual([]);
  });

  it('never returns password hashes through any channel', async () => {
    const list = await app.ok(ADMIN_KEY, 'users.list', {});
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });
});

describe('settings', () => {
  it('saves with a version, refuses a stale save and tells every window', async () => {
    const received: unknown[] = [];
    app.core.hub.subscribe('watcher', (name, payload) => received.push({ name, payload }));
    const current = await app.ok(ADMIN_KEY, 'settings.get', {});
    const saved = await app.ok(ADMIN_KEY, 'settings.update', {
      ...current,
      clinicName: 'Renamed Clinic',
      timeFormat: '12h',
    });
    expect(saved).toMatchObject({ clinicName: 'Renamed Clinic', timeFormat: '12h', version: current.version + 1 });
    expect(received).toEqual([{ name: 'settings.changed', payload: saved }]);
    const stale = await app.call(ADMIN_KEY, 'settings.update', { ...current, clinicName: 'Lost' });
    expect(stale.ok ? null : stale.error.code).toBe('STALE');
    expect((await app.ok(ADMIN_KEY, 'settings.get', {})).clinicName).toBe('Renamed Clinic');
  });

  it('names each bad field in plain words', async () => {
    const current = await app.ok(ADMIN_KEY, 'settings.get', {});
    const bad = await app.call(ADMIN_KEY, 'settings.update', {
      ...current,
      timeZone: 'Atlantis/Capital',
      currency: 'ZZZ',
      defaultSlotMinutes: 2,
    });
    expect(bad.ok ? null : bad.error.fields).toEqual({
      timeZone: expect.stringMatching(/time zone/),
      currency: expect.stringMatching(/currency/),
      defaultSlotMinutes: 'Slots must be at least 5 minutes long.',
    });
  });
});
