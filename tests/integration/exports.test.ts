import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../main/services/exports/csv.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// CSV exports through the real dispatcher on a real SQLite file, and who may export what.
// Test clock: Monday 2026-03-02 09:00 in Europe/London. Slots: weekdays 09:00-12:00, 30 min.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  await app.close();
});

const BOM = '\uFEFF';
const parse = (content: string): string[][] =>
  Papa.parse<string[]>(content.startsWith(BOM) ? content.slice(1) : content, { skipEmptyLines: true }).data;

const auditRows = (action: string) =>
  app.core.database.raw
    .prepare('SELECT user_id, entity, after_json FROM audit_log WHERE action = ? ORDER BY audit_id')
    .all(action) as { user_id: number; entity: string; after_json: string }[];

async function book(patientName: string, date: string, time: string, doctorId = world.doctor.userId) {
  const patientId = await world.patient(patientName);
  return app.ok(world.desk, 'appointments.book', { availabilityId: world.slot(date, time, doctorId), patientId });
}

describe('patients CSV', () => {
  const awkward = ['Zoë "Zee" O’Brien, Jr.', 'Ana\nNewline', 'Søren Kierkegaard', 'Plain Person'];

  it('quotes commas, quotes and line breaks, keeps non-ASCII names, and parses back to the same rows', async () => {
    for (const name of awkward) await world.patient(name);
    const file = await app.ok(world.desk, 'exports.patientsCsv', {});
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toBe('patients-2026-03-02.csv');
    expect(file.content.startsWith(BOM)).toBe(false);
    expect(file.content).toContain('"Zoë ""Zee"" O’Brien, Jr."');
    expect(file.content).toContain('"Ana\nNewline"');
    expect(file.content).toContain('\r\n');
    const rows = parse(file.content);
    expect(rows[0]).toEqual([
      'Patient number',
      'Name',
      'Phone',
      'Email',
      'Gender',
      'Date of birth',
      'Age',
      'Address line 1',
      'Address line 2',
      'City',
      'Postcode',
      'Country',
      'ID number',
      'ID kind',
      'Insurance provider',
      'Insurance member number',
      'Preferred language',
      'Emergency contact',
      'Emergency contact relation',
      'Emergency contact phone',
      'Guardian',
      'Guardian phone',
      'Registered (UTC)',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(awkward);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(23);
      expect(row[0]).toMatch(/^P-\d{6}$/);
      expect(row[2]).toMatch(/^07700900\d{3}$/);
    }
  });

  it('starts with a UTF-8 byte order mark only when asked', async () => {
    await world.patient('Zoë Ångström');
    const withBom = await app.ok(world.desk, 'exports.patientsCsv', { bom: true });
    const without = await app.ok(world.desk, 'exports.patientsCsv', { bom: false });
    expect(withBom.content.charCodeAt(0)).toBe(0xfeff);
    expect(without.content.charCodeAt(0)).not.toBe(0xfeff);
    expect(withBom.content.slice(1)).toBe(without.content);
    expect(Buffer.from(withBom.content, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(withBom.content)[1]?.[1]).toBe('Zoë Ångström');
  });

  it('defuses cells a spreadsheet would run as a formula, but leaves phone numbers alone', async () => {
    await app.ok(world.desk, 'patients.register', {
      name: '=HYPERLINK("http://evil.test","x")',
      phone: '+44 7700 900999',
      email: null,
      medicalNotes: 'Allergic to penicillin',
      confirmedNotDuplicate: true,
    });
    await app.ok(world.desk, 'patients.register', {
      name: 'Born Person',
      phone: '07700 900998',
      email: 'born@example.test',
      dateOfBirth: '1990-03-03',
      medicalNotes: null,
      confirmedNotDuplicate: true,
    });
    const file = await app.ok(ADMIN_KEY, 'exports.patientsCsv', {});
    // Born 3 March 1990: still 35 on the clinic's today, 2 March 2026.
    expect(parse(file.content)[2]?.slice(1, 7)).toEqual([
      'Born Person',
      '07700900998',
      'born@example.test',
      '',
      '1990-03-03',
      '35',
    ]);
    const row = parse(file.content)[1] ?? [];
    expect(row[1]).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(
      toCsv([['-2.05'], ['-1+2'], ['@SUM(A1)'], ['+44 7700 900123']], [{ header: 'x', value: (r) => r[0] ?? '' }]),
    ).toBe(`x\r\n-2.05\r\n"'-1+2"\r\n"'@SUM(A1)"\r\n+44 7700 900123\r\n`);
    expect(row[2]).toBe('+447700900999');
    expect(file.content).not.toContain('penicillin');
  });

  it('is for the desk and admins only, and each export leaves an audit row', async () => {
    await world.patient('Maria Perera');
    const refused = await app.call(world.doctor.key, 'exports.patientsCsv', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.ok(world.desk, 'exports.patientsCsv', { bom: true });
    const rows = auditRows('export.patients_csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.entity).toBe('export');
    expect(JSON.parse(rows[0]?.after_json ?? '{}')).toEqual({ rows: 1, bom: true });
  });
});

describe('appointments CSV', () => {
  it('lists the range in date and time order with the columns a spreadsheet needs', async () => {
    const late = await book('Kwame, "KB" Boateng', '2026-03-04', '11:00');
    const early = await book('Élodie Martin', '2026-03-03', '09:30', world.otherDoctor.userId);
    await book('Outside Range', '2026-03-06', '09:00');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: late.appointmentId, reason: 'Ill, "flu"' });
    const file = await app.ok(world.desk, 'exports.appointmentsCsv', { from: '2026-03-03', to: '2026-03-05' });
    expect(file.fileName).toBe('appointments-2026-03-03-to-2026-03-05.csv');
    const rows = parse(file.content);
    expect(rows).toEqual([
      [
        'Appointment',
        'Date',
        'Start',
        'End',
        'Doctor',
        'Patient number',
        'Patient',
        'Status',
        'Walk-in',
        'Cancellation reason',
        'Booked at (UTC)',
      ],
      [
        String(early.appointmentId),
        '2026-03-03',
        '09:30',
        '10:00',
        'Dr Lena Berg',
        `P-${String(early.patientId).padStart(6, '0')}`,
        'Élodie Martin',
        'Booked',
        'no',
        '',
        early.createdAt,
      ],
      [
        String(late.appointmentId),
        '2026-03-04',
        '11:00',
        '11:30',
        'Dr Ama Mensah',
        `P-${String(late.patientId).padStart(6, '0')}`,
        'Kwame, "KB" Boateng',
        'Cancelled',
        'no',
        'Ill, "flu"',
        late.createdAt,
      ],
    ]);
  });

  it('filters to one doctor for the desk; a doctor gets only their own and is refused another’s', async () => {
    await book('Own Patient', '2026-03-03', '09:00');
    await book('Other Patient', '2026-03-03', '09:00', world.otherDoctor.userId);
    const range = { from: '2026-03-02', to: '2026-03-31' };
    const desk = await app.ok(world.desk, 'exports.appointmentsCsv', { ...range, doctorId: world.otherDoctor.userId });
    expect(parse(desk.content).map((r) => r[6])).toEqual(['Patient', 'Other Patient']);
    expect(desk.fileName).toBe('appointments-dr-lena-berg-2026-03-02-to-2026-03-31.csv');
    const own = await app.ok(world.doctor.key, 'exports.appointmentsCsv', range);
    expect(parse(own.content).map((r) => r[6])).toEqual(['Patient', 'Own Patient']);
    const refused = await app.call(world.doctor.key, 'exports.appointmentsCsv', {
      ...range,
      doctorId: world.otherDoctor.userId,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = auditRows('export.appointments_csv').map((r) => [r.user_id, JSON.parse(r.after_json)]);
    expect(audit).toEqual([
      [expect.any(Number), { ...range, doctorId: world.otherDoctor.userId, rows: 1 }],
      [world.doctor.userId, { ...range, doctorId: world.doctor.userId, rows: 1 }],
    ]);
  });

  it('refuses a reversed range, a range over 366 days and an unknown doctor, naming the field', async () => {
    const reversed = await app.call(world.desk, 'exports.appointmentsCsv', { from: '2026-03-10', to: '2026-03-01' });
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: 'The last day must be on or after the first day.' } },
    });
    const tooLong = await app.call(world.desk, 'exports.fhirBundle', { from: '2026-01-01', to: '2027-01-02' });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: expect.stringMatching(/366 days/) } },
    });
    const leapYear = await app.call(world.desk, 'exports.doctorIcs', {
      doctorId: world.doctor.userId,
      from: '2028-01-01',
      to: '2028-12-31',
    });
    expect(leapYear.ok).toBe(true);
    const unknown = await app.call(world.desk, 'exports.appointmentsCsv', {
      from: '2026-03-01',
      to: '2026-03-02',
      doctorId: 999_999,
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { doctorId: expect.any(String) } },
    });
    expect(auditRows('export.appointments_csv')).toHaveLength(0);
  });
});

describe('who may export calendars and bundles', () => {
  it('lets a doctor export their own calendar and bundle, and refuses another doctor’s', async () => {
    const range = { from: '2026-03-02', to: '2026-03-08' };
    const mine = await app.call(world.doctor.key, 'exports.doctorIcs', { ...range, doctorId: world.doctor.userId });
    expect(mine.ok).toBe(true);
    const theirs = await app.call(world.doctor.key, 'exports.doctorIcs', {
      ...range,
      doctorId: world.otherDoctor.userId,
    });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bundle = await app.call(world.doctor.key, 'exports.fhirBundle', {
      ...range,
      doctorId: world.otherDoctor.userId,
    });
    expect(bundle).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const desk = await app.call(world.desk, 'exports.doctorIcs', { ...range, doctorId: world.otherDoctor.userId });
    expect(desk.ok).toBe(true);
    expect(auditRows('export.doctor_ics').map((r) => r.user_id)).toEqual([world.doctor.userId, expect.any(Number)]);
  });
});
