import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Control characters and broken UTF-16 in typed text, through the real dispatcher on SQLite
// and (integration-pg project) PostgreSQL, which refuses U+0000 in any text: every channel
// answers with a field error naming the field, never INTERNAL, and writes nothing. Pasted
// Windows line breaks are kept as plain new lines.

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

const patient = { phone: '07700 900123', email: null, medicalNotes: null, confirmedNotDuplicate: true };

describe('control characters in text', () => {
  it('a NUL in a search answers a field error, not INTERNAL (patients, payments, messages)', async () => {
    const searches = [
      app.call(world.desk, 'patients.search', { query: 'Ana\u0000' }),
      app.call(world.desk, 'payments.list', { from: '2026-03-01', to: '2026-03-31', query: 'Ana\u0000' }),
      app.call(world.desk, 'messages.search', { query: '\u0000' }),
    ];
    for (const result of await Promise.all(searches)) {
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION',
          fields: { query: 'Remove the invisible control character from the search text.' },
        }),
      });
    }
  });

  it('a NUL, ESC, DEL or C1 control in a name is refused, naming the field, and nothing is written', async () => {
    const before = await tableCounts(app);
    for (const name of ['Ana\u0000 Lee', 'Ana\u001b Lee', 'Ana\u007f Lee', 'Ana\u009b Lee']) {
      const result = await app.call(world.desk, 'patients.register', { ...patient, name });
      expect(result.ok ? null : result.error.fields).toEqual({
        name: 'Remove the invisible control character from the name.',
      });
    }
    expect(await tableCounts(app)).toEqual(before);
  });

  it('half of an emoji (a lone surrogate) is refused; a whole emoji is kept', async () => {
    const broken = await app.call(world.desk, 'patients.register', {
      ...patient,
      name: 'Ana Lee',
      medicalNotes: 'Allergy \ud83d',
    });
    expect(broken.ok ? null : broken.error.fields).toEqual({
      medicalNotes: 'Type the medical notes again: it contains a broken character (half of an emoji or symbol).',
    });
    const whole = await app.ok(world.desk, 'patients.register', {
      ...patient,
      name: 'Ana Lee',
      medicalNotes: 'Allergy 😀',
    });
    expect(whole.medicalNotes).toBe('Allergy 😀');
  });

  it('pasted \\r\\n line breaks are stored as \\n; tabs stay', async () => {
    const registered = await app.ok(world.desk, 'patients.register', {
      ...patient,
      name: 'Kofi Mensah',
      medicalNotes: 'Line one\r\nLine two\rLine\tthree',
    });
    const read = await app.ok(world.desk, 'patients.get', { patientId: registered.patientId });
    expect(read.medicalNotes).toBe('Line one\nLine two\nLine\tthree');
  });
});
