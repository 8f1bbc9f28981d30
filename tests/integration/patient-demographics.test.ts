import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '#contract/index.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Demographics on the patient (migration 0022): stored and read back through the real
// dispatcher, a guardian linked both ways, the clinic's required fields, and search by ID and
// insurance member number. Runs on SQLite and PostgreSQL.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const amara = {
  name: 'Amara Silva',
  phone: '+94 77 765 4321',
  email: null,
  medicalNotes: null,
  addressLine1: '12 Temple Road',
  addressLine2: 'Flat 3',
  city: 'Kandy',
  postcode: '20000',
  country: 'Sri Lanka',
  idNumber: '199012345678',
  idKind: 'national_id',
  insuranceProvider: 'Ceylinco Health',
  insuranceMemberNumber: 'CH-2291-77',
  preferredLanguage: 'Sinhala',
  emergencyName: 'Ruwan Silva',
  emergencyRelation: 'Brother',
  emergencyPhone: '0771 112 233',
} satisfies ChannelInput<'patients.register'>;

const child = (name: string, guardianPatientId: number | null) =>
  app.ok(world.desk, 'patients.register', {
    name,
    phone: '0771 000 111',
    email: null,
    medicalNotes: null,
    guardianPatientId,
    confirmedNotDuplicate: true,
  });

async function requireFields(fields: ChannelInput<'settings.update'>['requiredPatientFields']) {
  const { updatedAt: _updatedAt, ...settings } = await app.ok(ADMIN_KEY, 'settings.get', {});
  return app.ok(ADMIN_KEY, 'settings.update', { ...settings, requiredPatientFields: fields });
}

const errorOf = (result: { ok: boolean; error?: unknown }) => (result.ok ? null : result.error);

describe('demographics', () => {
  it('are stored, normalised and read back, and an edit replaces them', async () => {
    const registered = await app.ok(world.desk, 'patients.register', amara);
    expect(registered).toMatchObject({
      addressLine1: '12 Temple Road',
      addressLine2: 'Flat 3',
      city: 'Kandy',
      postcode: '20000',
      country: 'Sri Lanka',
      idNumber: '199012345678',
      idKind: 'national_id',
      insuranceProvider: 'Ceylinco Health',
      insuranceMemberNumber: 'CH-2291-77',
      // A language name or code is stored as its code.
      preferredLanguage: 'si',
      emergencyName: 'Ruwan Silva',
      emergencyRelation: 'Brother',
      emergencyPhone: '0771112233',
      guardianPatientId: null,
      guardian: null,
      children: [],
    });
    const { patientId, version } = registered;
    const edited = await app.ok(world.desk, 'patients.update', {
      patientId,
      version,
      ...amara,
      addressLine2: '',
      idKind: 'passport',
      idNumber: 'N1234567',
      preferredLanguage: 'fr_ca',
    });
    expect(edited).toMatchObject({ addressLine2: null, idKind: 'passport', idNumber: 'N1234567' });
    expect(edited.preferredLanguage).toBe('fr-CA');
    expect(await app.ok(world.doctor.key, 'patients.get', { patientId })).toMatchObject({
      addressLine2: null,
      idNumber: 'N1234567',
      city: 'Kandy',
      version: 2,
    });
  });

  it('refuse bad values naming the field, and write nothing', async () => {
    const cases: [Partial<Record<keyof typeof amara, unknown>>, string][] = [
      [{ idNumber: 'AB#123' }, 'idNumber'],
      [{ idNumber: '---' }, 'idNumber'],
      [{ insuranceMemberNumber: 'x'.repeat(41) }, 'insuranceMemberNumber'],
      [{ idKind: 'tax' }, 'idKind'],
      [{ preferredLanguage: 'Klingon' }, 'preferredLanguage'],
      [{ emergencyPhone: 'call him' }, 'emergencyPhone'],
      [{ postcode: '1'.repeat(21) }, 'postcode'],
    ];
    const before = await tableCounts(app);
    for (const [change, field] of cases) {
      const result = await app.call(world.desk, 'patients.register', { ...amara, ...change } as never);
      expect(errorOf(result), field).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
    }
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('guardian', () => {
  it('is linked both ways: the child shows the guardian, the guardian shows their children', async () => {
    const mother = await app.ok(world.desk, 'patients.register', amara);
    const first = await child('Nila Silva', mother.patientId);
    const second = await child('Kavi Silva', mother.patientId);
    expect(first.guardian).toEqual({
      patientId: mother.patientId,
      patientNumber: mother.patientNumber,
      name: 'Amara Silva',
      phone: '+94777654321',
    });
    const guardianPage = await app.ok(world.desk, 'patients.get', { patientId: mother.patientId });
    expect(guardianPage.children.map((c) => [c.patientId, c.name])).toEqual([
      [first.patientId, 'Nila Silva'],
      [second.patientId, 'Kavi Silva'],
    ]);
    // Clearing the guardian on the child removes it from the guardian's page.
    await app.ok(world.desk, 'patients.update', {
      patientId: second.patientId,
      version: second.version,
      name: second.name,
      phone: '0771 000 111',
      email: null,
      medicalNotes: null,
      guardianPatientId: null,
    });
    const after = await app.ok(world.desk, 'patients.get', { patientId: mother.patientId });
    expect(after.children.map((c) => c.name)).toEqual(['Nila Silva']);
    // The patients spreadsheet carries the demographics and the guardian by name.
    const csv = (await app.ok(world.desk, 'exports.patientsCsv', { bom: false })).content;
    const rowOf = (name: string) => csv.split('\r\n').find((line) => line.includes(`,${name},`)) ?? '';
    expect(rowOf('Amara Silva')).toContain(',Kandy,');
    expect(rowOf('Amara Silva')).toContain(',CH-2291-77,');
    expect(rowOf('Nila Silva')).toContain(',Amara Silva,+94777654321,');
  });

  it('refuses the patient as their own guardian, a guardian who is their child, and an unknown patient', async () => {
    const mother = await app.ok(world.desk, 'patients.register', amara);
    const daughter = await child('Nila Silva', mother.patientId);
    const update = (guardianPatientId: number) =>
      app.call(world.desk, 'patients.update', {
        patientId: mother.patientId,
        version: mother.version,
        ...amara,
        guardianPatientId,
      });
    expect(errorOf(await update(mother.patientId))).toMatchObject({
      code: 'VALIDATION',
      fields: { guardianPatientId: 'A patient cannot be their own guardian.' },
    });
    expect(errorOf(await update(daughter.patientId))).toMatchObject({
      code: 'VALIDATION',
      fields: { guardianPatientId: expect.stringMatching(/guardian’s guardian/) },
    });
    expect(errorOf(await update(999_999))).toMatchObject({
      code: 'VALIDATION',
      fields: { guardianPatientId: 'Choose a registered patient as the guardian.' },
    });
    expect((await app.ok(world.desk, 'patients.get', { patientId: mother.patientId })).guardian).toBeNull();
  });

  it('is held by the database too: a patient row cannot name itself', async () => {
    const mother = await app.ok(world.desk, 'patients.register', amara);
    expect(() =>
      app.core.database.raw
        .prepare('UPDATE patients SET guardian_patient_id = patient_id WHERE patient_id = ?')
        .run(mother.patientId),
    ).toThrow(/check/i);
    expect(() =>
      app.core.database.raw
        .prepare('UPDATE patients SET guardian_patient_id = ? WHERE patient_id = ?')
        .run(999_999, mother.patientId),
    ).toThrow(/foreign key/i);
  });
});

describe('fields the clinic requires', () => {
  it('are refused when missing, each named, and the admin setting is validated', async () => {
    const saved = await requireFields(['idNumber', 'emergencyPhone', 'idNumber']);
    expect(saved.requiredPatientFields).toEqual(['idNumber', 'emergencyPhone']);
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'patients.register', {
      ...amara,
      idNumber: '',
      emergencyPhone: null,
    });
    expect(errorOf(refused)).toMatchObject({
      code: 'VALIDATION',
      fields: {
        idNumber: 'This clinic requires an ID number.',
        emergencyPhone: 'This clinic requires the emergency contact’s phone.',
      },
    });
    expect(await tableCounts(app)).toEqual(before);
    const registered = await app.ok(world.desk, 'patients.register', amara);
    // Edits are held to the same list.
    const edit = await app.call(world.desk, 'patients.update', {
      patientId: registered.patientId,
      version: registered.version,
      ...amara,
      idNumber: null,
    });
    expect(errorOf(edit)).toMatchObject({ fields: { idNumber: 'This clinic requires an ID number.' } });

    const { updatedAt: _u, ...settings } = await app.ok(ADMIN_KEY, 'settings.get', {});
    const unknown = await app.call(ADMIN_KEY, 'settings.update', {
      ...settings,
      requiredPatientFields: ['shoeSize'],
    } as never);
    expect(errorOf(unknown)).toMatchObject({
      code: 'VALIDATION',
      fields: { 'requiredPatientFields.0': expect.any(String) },
    });
    const byDesk = await app.call(world.desk, 'settings.update', { ...settings, requiredPatientFields: [] });
    expect(errorOf(byDesk)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await requireFields([])).requiredPatientFields).toEqual([]);
  });
});

describe('search by card numbers', () => {
  it('finds a patient by ID number and by insurance member number, typed whole or from the start, with or without separators', async () => {
    const patient = await app.ok(world.desk, 'patients.register', amara);
    await app.ok(world.desk, 'patients.register', {
      ...amara,
      name: 'Other Person',
      phone: '0112 345 678',
      idNumber: '198811112222',
      insuranceMemberNumber: 'CH-9999-01',
      confirmedNotDuplicate: true,
    });
    const search = async (query: string) => app.ok(world.desk, 'patients.search', { query });
    const byId = await search('199012345678');
    expect(byId.map((p) => p.patientId)).toEqual([patient.patientId]);
    expect(byId[0]?.matchedIdentifier).toEqual({ kind: 'idNumber', value: '199012345678' });
    expect((await search('1990 1234')).map((p) => p.name)).toEqual(['Amara Silva']);
    const byInsurance = await search('ch2291');
    expect(byInsurance.map((p) => p.name)).toEqual(['Amara Silva']);
    expect(byInsurance[0]?.matchedIdentifier).toEqual({ kind: 'insuranceMemberNumber', value: 'CH-2291-77' });
    expect((await search('CH-2291-77')).map((p) => p.name)).toEqual(['Amara Silva']);
    // The shared start finds both; the whole number puts its patient first.
    expect((await search('CH-')).length).toBe(0);
    expect((await search('ch-9')).map((p) => p.name)).toEqual(['Other Person']);
    expect((await search('19')).every((p) => p.matchedIdentifier === undefined)).toBe(true);
    // A phone number still finds by phone.
    expect((await search('777 654 321')).map((p) => p.name)).toEqual(['Amara Silva']);
  });

  it('looks the numbers up through their key indexes', async () => {
    const postgres = app.core.database.kind === 'postgres';
    // A tiny table is cheapest to read whole: ask PostgreSQL's planner not to, to see the index.
    if (postgres) app.core.database.raw.exec('SET enable_seqscan = off');
    for (const column of ['id_number', 'insurance_member_number']) {
      const key = `upper(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '.', ''), '/', ''))`;
      const keySql = postgres ? `(${key} COLLATE "C")` : key;
      const where = `${column} IS NOT NULL AND ${keySql} >= 'AB' AND ${keySql} < 'AC'`;
      const plan = app.core.database.raw
        .prepare(`${postgres ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} SELECT patient_id FROM patients WHERE ${where}`)
        .all() as Record<string, string>[];
      expect(JSON.stringify(plan)).toContain(`patients_${column}_key`);
    }
  });
});
