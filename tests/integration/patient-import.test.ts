import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { IMPORT_BATCH_ROWS } from '#contract/patient-import.ts';
import type { ImportField } from '#contract/patient-import.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Importing patients from a spreadsheet through the real dispatcher, on SQLite and PostgreSQL:
// encodings, a byte order mark, `;` separators, quoted line breaks, formula-looking cells,
// refused rows named by row and field, duplicates against existing patients and within the
// file, a dry run that writes nothing, whole batches only after a cancel, and the report CSV.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const file = (text: string, encoding: BufferEncoding = 'utf8', fileName = 'patients.csv') => ({
  fileName,
  contentBase64: Buffer.from(text, encoding).toString('base64'),
});

// A European Excel export: byte order mark, `;` separators, a quoted line break, a formula cell,
// bad rows (no phone, bad email, a date that is not one), a duplicate of row 2 and of an existing patient.
const EUROPEAN = [
  'Full name;Mobile;E-mail;DOB;Sex;Notes',
  'Zoë Müller;+41 79 123 45 67;zoe@example.org;03/04/1980;F;"Allergic to\npenicillin"',
  'José Álvarez;07700 900123;;1975-12-31;m;',
  '"=HYPERLINK(""http://evil.test"";""click"")";0161 496 0000;;;;',
  'No Phone;;nophone@example.org;;;',
  'Bad Email;0161 496 0001;not-an-email;;;',
  'Bad Date;0161 496 0002;;31/02/1990;;',
  'zoë müller;+41791234567;;;;second copy',
  'Ana Existing;+94 77 000 1111;;;;',
  '',
].join('\r\n');

const COLUMNS: (ImportField | null)[] = ['name', 'phone', 'email', 'dateOfBirth', 'gender', 'medicalNotes'];

async function registerExisting() {
  return app.ok(world.desk, 'patients.register', { name: 'Ana Existing', phone: '+94770001111', email: null });
}

async function patientRow(name: string) {
  return app.core.database.db
    .selectFrom('users as u')
    .innerJoin('patients as p', 'p.patient_id', 'u.user_id')
    .select(['u.user_id', 'u.name', 'u.phone', 'u.email', 'p.date_of_birth', 'p.gender', 'p.medical_notes'])
    .where('u.name', '=', name)
    .execute();
}

describe('reading a file', () => {
  it('reads a byte order mark, `;` separators and header synonyms, and remembers a mapping once imported', async () => {
    const read = await app.ok(ADMIN_KEY, 'imports.read', { file: file(`\uFEFF${EUROPEAN}`) });
    expect(read).toMatchObject({ encoding: 'UTF-8', delimiter: ';', rowCount: 8 });
    expect(read.headers[0]).toBe('Full name');
    expect(read.columns).toEqual(COLUMNS);

    const remapped = ['Full name;Mobile;Reference', 'Ann Lee;0161 496 0100;A-1', ''].join('\n');
    const first = await app.ok(ADMIN_KEY, 'imports.read', { file: file(remapped) });
    expect(first.columns).toEqual(['name', 'phone', null]);
    await app.ok(ADMIN_KEY, 'imports.run', {
      file: file(remapped),
      columns: ['name', 'phone', 'medicalNotes'],
      dateOrder: 'dmy',
      duplicates: 'skip',
      runId: 'remember',
    });
    const again = await app.ok(ADMIN_KEY, 'imports.read', { file: file(remapped) });
    expect(again.columns).toEqual(['name', 'phone', 'medicalNotes']);
  });

  it('reads Windows-1252 (Excel on a Western PC) with its accents', async () => {
    const text = 'Name,Phone\r\nZoë Müller,0161 496 0003\r\nJosé Ñúñez,0161 496 0004\r\n';
    const read = await app.ok(ADMIN_KEY, 'imports.read', { file: file(text, 'latin1') });
    expect(read).toMatchObject({ encoding: 'Windows-1252', delimiter: ',', rowCount: 2 });
    const preview = await app.ok(ADMIN_KEY, 'imports.preview', {
      file: file(text, 'latin1'),
      columns: ['name', 'phone'],
      dateOrder: 'dmy',
    });
    expect(preview.rows.map((r) => r.values.name)).toEqual(['Zoë Müller', 'José Ñúñez']);
  });

  it('refuses an empty file and a mapping without the required fields, naming the field', async () => {
    const empty = await app.call(ADMIN_KEY, 'imports.read', { file: file('\uFEFF\r\n') });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { file: expect.any(String) } } });
    const noPhone = await app.call(ADMIN_KEY, 'imports.dryRun', {
      file: file(EUROPEAN),
      columns: ['name', null, 'email', null, null, null],
      dateOrder: 'dmy',
    });
    expect(noPhone).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { columns: expect.stringMatching(/phone/) } },
    });
  });

  it('is for admins only', async () => {
    const refused = await app.call(world.desk, 'imports.read', { file: file(EUROPEAN) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('preview and dry run', () => {
  it('shows the first rows as stored, then every refused row and likely duplicate, writing nothing', async () => {
    const existing = await registerExisting();
    const before = await tableCounts(app);
    const mapped = { file: file(`\uFEFF${EUROPEAN}`), columns: COLUMNS, dateOrder: 'dmy' as const };

    const preview = await app.ok(ADMIN_KEY, 'imports.preview', mapped);
    expect(preview.rowCount).toBe(8);
    expect(preview.rows[0]).toEqual({
      row: 2,
      values: {
        name: 'Zoë Müller',
        phone: '+41791234567',
        email: 'zoe@example.org',
        dateOfBirth: '1980-04-03',
        gender: 'female',
        medicalNotes: 'Allergic to\npenicillin',
      },
      problems: [],
    });
    expect(preview.rows[2]?.values.name).toBe('=HYPERLINK("http://evil.test";"click")');

    const dry = await app.ok(ADMIN_KEY, 'imports.dryRun', mapped);
    expect(dry.rowCount).toBe(8);
    expect(dry.refused.map((p) => [p.row, p.field])).toEqual([
      [5, 'phone'],
      [6, 'email'],
      [7, 'dateOfBirth'],
    ]);
    expect(dry.refusedRows).toBe(3);
    expect(dry.duplicates).toEqual([
      { row: 8, name: 'zoë müller', patientNumber: null, sameAsRow: 2 },
      { row: 9, name: 'Ana Existing', patientNumber: existing.patientNumber, sameAsRow: null },
    ]);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses rows missing a field the clinic requires, naming it', async () => {
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    await app.ok(ADMIN_KEY, 'settings.update', { ...settings, requiredPatientFields: ['dateOfBirth'] });
    const dry = await app.ok(ADMIN_KEY, 'imports.dryRun', {
      file: file(EUROPEAN),
      columns: COLUMNS,
      dateOrder: 'dmy',
    });
    expect(dry.refused.filter((p) => p.field === 'dateOfBirth').map((p) => p.row)).toEqual([4, 5, 6, 7, 8, 9]);
  });
});

describe('importing', () => {
  it('imports the good rows, skips or merges duplicates, and reports every row as CSV', async () => {
    const existing = await registerExisting();
    const result = await app.ok(ADMIN_KEY, 'imports.run', {
      file: file(`\uFEFF${EUROPEAN}`),
      columns: COLUMNS,
      dateOrder: 'dmy',
      duplicates: 'merge',
      runId: 'run-1',
    });
    expect(result).toMatchObject({ status: 'done', totalRows: 8, imported: 3, merged: 2, skipped: 3 });

    const [zoe] = await patientRow('Zoë Müller');
    expect(zoe).toMatchObject({
      phone: '+41791234567',
      date_of_birth: '1980-04-03',
      gender: 'female',
      medical_notes: 'Allergic to\npenicillin',
    });
    // The formula cell is stored as the text it was, never run.
    expect(await patientRow('=HYPERLINK("http://evil.test";"click")')).toHaveLength(1);
    // The duplicate rows filled only empty fields: row 8 had notes for Zoë, who already had some.
    const [ana] = await patientRow('Ana Existing');
    expect(ana?.user_id).toBe(existing.patientId);
    expect(await patientRow('zoë müller')).toEqual([]);

    const report = Papa.parse<string[]>(result.report.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(report[0]).toEqual(['Row', 'Outcome', 'Patient number', 'Name', 'Reason']);
    const byRow = new Map(report.slice(1).map((line) => [line[0], line]));
    expect(byRow.get('2')?.[1]).toBe('imported');
    expect(byRow.get('4')?.[3]).toBe(`'=HYPERLINK("http://evil.test";"click")`);
    expect(byRow.get('5')?.slice(1, 2)).toEqual(['skipped']);
    expect(byRow.get('5')?.[4]).toMatch(/^phone: /);
    expect(byRow.get('8')).toEqual([
      '8',
      'merged',
      zoe && `P-${String(zoe.user_id).padStart(6, '0')}`,
      'zoë müller',
      expect.stringMatching(/row 2/),
    ]);
    expect(byRow.get('9')?.slice(1, 3)).toEqual(['merged', existing.patientNumber]);
    expect(report).toHaveLength(9);

    const again = await app.call(ADMIN_KEY, 'imports.run', {
      file: file(EUROPEAN),
      columns: COLUMNS,
      dateOrder: 'dmy',
      duplicates: 'merge',
      runId: 'run-1',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { runId: expect.any(String) } } });

    const search = await app.ok(world.desk, 'patients.search', { query: 'José' });
    expect(search.map((p) => p.name)).toEqual(['José Álvarez']);
  });

  it('with "skip", leaves duplicates out and changes no existing patient', async () => {
    const existing = await registerExisting();
    const before = await app.ok(world.desk, 'patients.get', { patientId: existing.patientId });
    const result = await app.ok(ADMIN_KEY, 'imports.run', {
      file: file(EUROPEAN),
      columns: COLUMNS,
      dateOrder: 'dmy',
      duplicates: 'skip',
      runId: 'run-skip',
    });
    expect(result).toMatchObject({ imported: 3, merged: 0, skipped: 5 });
    const after = await app.ok(world.desk, 'patients.get', { patientId: existing.patientId });
    expect(after.version).toBe(before.version);
  });

  it('stops between batches when cancelled: whole batches only, the rest reported as not imported', async () => {
    const rows = IMPORT_BATCH_ROWS * 8;
    const lines = ['Name,Phone'];
    for (let i = 0; i < rows; i += 1) lines.push(`Test Person ${i},0161 ${String(1000000 + i)}`);
    const runId = 'run-cancel';
    let asked: Promise<unknown> | null = null;
    app.core.hub.subscribe(ADMIN_KEY, (name) => {
      if (name === 'imports.progress' && asked === null) {
        asked = app.ok(ADMIN_KEY, 'imports.cancel', { runId });
      }
    });
    const result = await app.ok(ADMIN_KEY, 'imports.run', {
      file: file(lines.join('\n')),
      columns: ['name', 'phone'],
      dateOrder: 'dmy',
      duplicates: 'skip',
      runId,
    });
    await asked;
    expect(result.status).toBe('cancelled');
    expect(result.imported % IMPORT_BATCH_ROWS).toBe(0);
    expect(result.imported).toBeGreaterThanOrEqual(IMPORT_BATCH_ROWS);
    expect(result.imported).toBeLessThan(rows);
    expect(result.skipped).toBe(rows - result.imported);
    const stored = await app.core.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', 'Test Person %')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(result.imported);
    const record = await app.core.database.db
      .selectFrom('patient_imports')
      .selectAll()
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      status: 'cancelled',
      imported_count: result.imported,
      processed_rows: result.imported,
    });
    expect(result.report.content).toMatch(/Not imported: the import was cancelled before this row\./);
    // Nothing runs any more under that id.
    expect(await app.ok(ADMIN_KEY, 'imports.cancel', { runId })).toEqual({ cancelled: false });
  });
});
