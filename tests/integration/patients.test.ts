import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const maria = {
  name: 'Maria Perera',
  phone: '+94 77 123 4567',
  email: 'Maria.Perera@Example.org',
  gender: 'female' as const,
  dateOfBirth: '1980-07-15',
  medicalNotes: 'Penicillin allergy',
};

describe('registering patients', () => {
  it('stores a patient as a users row without password and a patients row, normalised, with the age from the date of birth', async () => {
    const patient = await app.ok(world.desk, 'patients.register', maria);
    expect(patient).toMatchObject({
      name: 'Maria Perera',
      phone: '+94771234567',
      email: 'maria.perera@example.org',
      age: 45,
      dateOfBirth: '1980-07-15',
      medicalNotes: 'Penicillin allergy',
      version: 1,
    });
    expect(patient.patientNumber).toBe(`P-${String(patient.patientId).padStart(6, '0')}`);
    const row = app.core.database.raw
      .prepare(
        'SELECT u.role, u.password_hash, p.age FROM users u JOIN patients p ON p.patient_id = u.user_id WHERE u.user_id = ?',
      )
      .get(patient.patientId);
    expect(row).toEqual({ role: 'patient', password_hash: null, age: 45 });
  });

  it('shows possible duplicates before saving and saves only when told it is a different person', async () => {
    await app.ok(world.desk, 'patients.register', maria);
    const duplicates = await app.ok(world.desk, 'patients.findDuplicates', {
      name: 'maria perera',
      phone: '+94 (77) 123-4567',
      email: null,
    });
    expect(duplicates.map((d) => d.name)).toEqual(['Maria Perera']);
    const byEmail = await app.ok(world.desk, 'patients.findDuplicates', {
      name: 'Someone Else',
      phone: null,
      email: 'maria.perera@example.org',
    });
    expect(byEmail).toHaveLength(1);
    // The same name in another case, in any script (SQLite's lower() folds only A–Z), but not
    // without its accents.
    const accented = await app.ok(world.desk, 'patients.register', {
      ...maria,
      name: 'Émile Žáček',
      phone: '0771 000 222',
      email: null,
    });
    const sameInCapitals = await app.ok(world.desk, 'patients.findDuplicates', {
      name: 'ÉMILE ŽÁČEK',
      phone: '0771 000 222',
      email: null,
    });
    expect(sameInCapitals.map((d) => d.patientId)).toEqual([accented.patientId]);
    expect(
      await app.ok(world.desk, 'patients.findDuplicates', { name: 'Emile Zacek', phone: '0771 000 222', email: null }),
    ).toEqual([]);
    // A name alone matches nobody (found by the random-input test).
    expect(await app.ok(world.desk, 'patients.findDuplicates', { name: 'Maria Perera' })).toEqual([]);
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'patients.register', maria);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      fields: { name: expect.stringMatching(/same name and phone or the same email/) },
    });
    expect(await tableCounts(app)).toEqual(before);
    // A family sharing one email is allowed once confirmed.
    expect(
      (await app.call(world.desk, 'patients.register', { ...maria, name: 'Nimal Perera', confirmedNotDuplicate: true }))
        .ok,
    ).toBe(true);
  });

  it('refuses impossible ages, dates of birth and phone numbers, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ age: 200 }, 'age'],
      [{ age: -1 }, 'age'],
      [{ dateOfBirth: '2030-01-01' }, 'dateOfBirth'],
      [{ dateOfBirth: '1980-02-30' }, 'dateOfBirth'],
      [{ phone: '12' }, 'phone'],
      [{ phone: 'call me' }, 'phone'],
      [{ email: 'nope' }, 'email'],
      [{ name: ' ' }, 'name'],
    ];
    const before = await tableCounts(app);
    for (const [change, field] of cases) {
      const result = await app.call(world.desk, 'patients.register', {
        ...maria,
        ...change,
        confirmedNotDuplicate: true,
      } as never);
      expect(result.ok ? {} : result.error.fields, field).toHaveProperty(field);
    }
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses the second of two edits from the same version and keeps the first', async () => {
    const patient = await app.ok(world.desk, 'patients.register', maria);
    const { patientId, version } = patient;
    await app.ok(world.desk, 'patients.update', {
      patientId,
      version,
      ...maria,
      medicalNotes: 'Penicillin and latex allergy',
    });
    const second = await app.call(world.desk, 'patients.update', {
      patientId,
      version,
      ...maria,
      phone: '+94 77 000 0000',
    });
    expect(second.ok ? null : second.error.code).toBe('STALE');
    expect(await app.ok(world.desk, 'patients.get', { patientId })).toMatchObject({
      medicalNotes: 'Penicillin and latex allergy',
      phone: '+94771234567',
      version: 2,
    });
  });

  it('lets doctors read patients but not register them', async () => {
    const refused = await app.call(world.doctor.key, 'patients.register', maria);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const patient = await app.ok(world.desk, 'patients.register', maria);
    expect((await app.ok(world.doctor.key, 'patients.get', { patientId: patient.patientId })).name).toBe(
      'Maria Perera',
    );
  });
});

describe('search', () => {
  beforeEach(async () => {
    await app.ok(world.desk, 'patients.register', maria);
    await app.ok(world.desk, 'patients.register', {
      name: 'Kwame Mensah',
      phone: '0244 555 019',
      email: 'kwame@example.org',
      medicalNotes: null,
    });
    await app.ok(world.desk, 'patients.register', {
      name: 'Mariam Okafor',
      phone: '0803 123 9988',
      email: null,
      medicalNotes: null,
    });
  });
  const names = async (query: string) =>
    (await app.ok(world.desk, 'patients.search', { query })).map((p) => p.name).sort();

  it('finds by part of the name, any case, and by several words', async () => {
    expect(await names('mari')).toEqual(['Maria Perera', 'Mariam Okafor']);
    expect(await names('MARIA PER')).toEqual(['Maria Perera']);
    expect(await names('ensa')).toEqual(['Kwame Mensah']);
    expect(await names('ma')).toEqual(['Maria Perera', 'Mariam Okafor']);
  });

  it('finds by part of the phone number however it is typed, by email and by patient number', async () => {
    expect(await names('4567')).toEqual(['Maria Perera']);
    expect(await names('123')).toEqual(['Maria Perera', 'Mariam Okafor']);
    expect(await names('555-019')).toEqual(['Kwame Mensah']);
    expect(await names('kwame@ex')).toEqual(['Kwame Mensah']);
    const [kwame] = await app.ok(world.desk, 'patients.search', { query: 'kwame' });
    expect(await names(kwame?.patientNumber ?? '')).toEqual(['Kwame Mensah']);
  });

  it('follows edits and never finds staff', async () => {
    const [found] = await app.ok(world.desk, 'patients.search', { query: 'okafor' });
    if (!found) throw new Error('missing');
    const detail = await app.ok(world.desk, 'patients.get', { patientId: found.patientId });
    await app.ok(world.desk, 'patients.update', {
      patientId: found.patientId,
      version: detail.version,
      name: 'Mariam Adeyemi',
      phone: '0803 123 9988',
      email: null,
      medicalNotes: null,
    });
    expect(await names('okafor')).toEqual([]);
    expect(await names('adeyemi')).toEqual(['Mariam Adeyemi']);
    expect(await names('mensah')).toEqual(['Kwame Mensah']);
    expect(await names('rosa')).toEqual([]);
    expect(await names('')).toEqual([]);
  });
});
