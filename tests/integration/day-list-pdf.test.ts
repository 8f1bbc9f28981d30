import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../support/payments-pdf.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The printed day list and appointment card, read back from the PDF with pdftotext. Names in
// other scripts print with the bundled fonts (main/pdf/fonts.ts). Test clock: Monday
// 2026-03-02 09:00 in Europe/London; slots weekdays 09:00-12:00, 30 min.

const DAY = '2026-03-03';

/** pdftotext wraps right-to-left runs in bidi embedding marks (U+202A–202E, U+2066–2069). */
const withoutBidiMarks = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

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

async function book(name: string, time: string, doctorId = world.doctor.userId, phone?: string) {
  const patientId = await world.patient(name, phone);
  return app.ok(world.desk, 'appointments.book', { availabilityId: world.slot(DAY, time, doctorId), patientId });
}

describe('day list PDF', () => {
  it('prints a doctor’s day in time order: time, patient, phone and a notes column, names in any script', async () => {
    await book('محمد عبد الله', '10:00', world.doctor.userId, '07700 900456');
    await book('Maria Perera', '09:00', world.doctor.userId, '+44 7700 900123');
    await book('王小明', '11:30');
    await book('Not On This List', '09:00', world.otherDoctor.userId);
    const cancelled = await book('Cancelled Person', '10:30');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled.appointmentId, reason: 'Ill' });

    const file = await app.ok(world.desk, 'printouts.dayList', { date: DAY, doctorId: world.doctor.userId });
    expect(file.fileName).toBe(`day-list-${DAY}-doctor-${world.doctor.userId}.pdf`);
    const text = withoutBidiMarks(pdfText(file.pdfBase64));
    expect(text).toContain('Test Clinic');
    expect(text).toContain('1 Main Street');
    expect(text).toContain('Day list: Tuesday, 3 March 2026');
    expect(text).toMatch(/Dr Ama Mensah · General practice · 3 appointments/);
    expect(text).toMatch(/Time\s+Patient\s+Type\s+Room\s+Phone\s+Notes/);
    const rows = text.split('\n').filter((line) => /^\s*\d\d:\d\d–\d\d:\d\d/.test(line));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/09:00–09:30\s+Maria Perera\s+\+447700900123/);
    expect(rows[1]).toMatch(/10:00–10:30\s+محمد عبد الله\s+07700900456/);
    expect(rows[2]).toMatch(/11:30–12:00\s+王小明/);
    expect(text.match(/P-\d{6}/g)).toHaveLength(3);
    expect(text).not.toContain('Not On This List');
    expect(text).not.toContain('Cancelled Person');
  });

  it('prints the appointment’s type and room', async () => {
    const type = await app.ok(ADMIN_KEY, 'types.create', {
      name: 'Ultrasound',
      minutes: 30,
      colour: '#2f7d4a',
      defaultFee: null,
      needsResourceKind: 'ultrasound',
      active: true,
      doctorIds: [world.doctor.userId],
    });
    const room = await app.ok(ADMIN_KEY, 'resources.create', { name: 'Scan 1', kind: 'ultrasound', active: true });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot(DAY, '09:00'),
      patientId: await world.patient('Maria Perera'),
      appointmentTypeId: type.appointmentTypeId,
      resourceId: room.resourceId,
    });
    const file = await app.ok(world.desk, 'printouts.dayList', { date: DAY, doctorId: world.doctor.userId });
    expect(pdfText(file.pdfBase64)).toMatch(/09:00–09:30\s+Maria Perera\s+Ultrasound\s+Scan 1\s+\d+/);
  });

  it('prints the whole clinic with each doctor on a page of their own', async () => {
    await book('Maria Perera', '09:00');
    await book('Kofi Boateng', '09:00', world.otherDoctor.userId);
    const file = await app.ok(world.desk, 'printouts.dayList', { date: DAY });
    const pages = pdfText(file.pdfBase64)
      .split('\f')
      .filter((page) => page.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/Dr Ama Mensah[\s\S]*Maria Perera/);
    expect(pages[1]).toMatch(/Dr Lena Berg[\s\S]*Kofi Boateng/);
    const empty = await app.ok(world.desk, 'printouts.dayList', { date: '2026-03-05' });
    expect(pdfText(empty.pdfBase64)).toContain('No appointments this day.');
  });

  it('gives a doctor their own list only', async () => {
    await book('Maria Perera', '09:00');
    await book('Kofi Boateng', '09:00', world.otherDoctor.userId);
    const own = await app.ok(world.doctor.key, 'printouts.dayList', { date: DAY });
    const text = pdfText(own.pdfBase64);
    expect(text).toContain('Maria Perera');
    expect(text).not.toContain('Kofi Boateng');
    const other = await app.call(world.doctor.key, 'printouts.dayList', {
      date: DAY,
      doctorId: world.otherDoctor.userId,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { doctorId: expect.any(String) } } });
  });
});

describe('appointment card PDF', () => {
  it('prints clinic, patient, doctor, the date with its weekday and the time', async () => {
    const booked = await book('Zoë Ñúñez-Çelik', '10:30');
    const card = await app.ok(world.desk, 'printouts.appointmentCard', { appointmentId: booked.appointmentId });
    const text = pdfText(card.pdfBase64);
    for (const expected of [
      'Test Clinic',
      '1 Main Street',
      'Your appointment',
      'Zoë Ñúñez-Çelik',
      'Dr Ama Mensah (General practice)',
      'Tuesday, 3 March 2026',
      '10:30',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refuses a cancelled appointment, another doctor’s and an unknown one', async () => {
    const booked = await book('Maria Perera', '10:30');
    const theirs = await app.call(world.otherDoctor.key, 'printouts.appointmentCard', {
      appointmentId: booked.appointmentId,
    });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: booked.appointmentId, reason: 'Ill' });
    const cancelled = await app.call(world.desk, 'printouts.appointmentCard', { appointmentId: booked.appointmentId });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const missing = await app.call(world.desk, 'printouts.appointmentCard', { appointmentId: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
