import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchQuality, MATCH } from '../../main/services/patients/search-rank.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Search results that answer the question: the best match first, then the patient seen or
// booked most recently, each with birth, phone, last visit and next appointment.
// Test clock: Monday 2026-03-02 09:00 in Europe/London; doctors work 09:00–12:00 on weekdays.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const search = (query: string) => app.ok(world.desk, 'patients.search', { query });

async function book(patientId: number, date: string, time: string) {
  return (await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot(date, time), patientId }))
    .appointmentId;
}

async function visit(patientId: number, date: string, time: string) {
  const appointmentId = await book(patientId, date, time);
  await app.ok(world.desk, 'appointments.checkIn', { appointmentId });
  await app.ok(world.doctor.key, 'appointments.startConsultation', { appointmentId });
  await app.ok(world.doctor.key, 'appointments.complete', { appointmentId });
}

describe('patient search ranking', () => {
  it('puts the whole surname before its start and the start before the middle, then recent activity', async () => {
    const inside = await world.patient('Anna Joperera');
    const starts = await world.patient('Kumar Pereraville');
    const quiet = await world.patient('Nimal Perera');
    const busy = await world.patient('Ruwan Perera');
    await book(busy, '2026-03-04', '10:00');

    const found = await search('perera');
    expect(found.map((p) => p.patientId)).toEqual([busy, quiet, starts, inside]);
  });

  it('puts a whole phone number or patient number first', async () => {
    const longer = await world.patient('Maria Silvano', '0777 123 4567');
    const whole = await world.patient('Maria Silva', '0777 123 456');
    expect((await search('0777 123 456')).map((p) => p.patientId)).toEqual([whole, longer]);
    expect(matchQuality('077 123 4567', { patientId: whole, name: 'Maria Silva', phone: '+94771234567' })).toBe(
      MATCH.exact,
    );
    expect(matchQuality('silv', { patientId: longer, name: 'Maria Silvano', phone: null })).toBe(MATCH.prefix);
    expect(matchQuality('ilva', { patientId: longer, name: 'Maria Silvano', phone: null })).toBe(MATCH.contains);
    const number = `P-${String(longer).padStart(6, '0')}`;
    expect(matchQuality(number, { patientId: longer, name: 'Maria Silvano', phone: null })).toBe(MATCH.exact);
  });
});

describe('patient search result fields', () => {
  it('carries the date of birth or age, phone, last visit and next appointment, or null for each missing one', async () => {
    const seen = await world.patient('Chen Wei');
    await app.ok(world.desk, 'patients.update', {
      patientId: seen,
      version: 1,
      name: 'Chen Wei',
      phone: '0201 555 0101',
      email: null,
      dateOfBirth: '1969-05-20',
      medicalNotes: null,
    });
    const ageOnly = await app.ok(world.desk, 'patients.register', {
      name: 'Chen Li',
      phone: '0201 555 0102',
      email: null,
      age: 57,
      medicalNotes: null,
      confirmedNotDuplicate: true,
    });
    await visit(seen, '2026-03-02', '09:00');
    await book(seen, '2026-03-06', '11:30');
    // A cancelled booking is neither a visit nor the next appointment.
    const cancelled = await book(seen, '2026-03-05', '09:00');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled, reason: 'Patient is travelling' });

    const found = await search('chen');
    const wei = found.find((p) => p.patientId === seen);
    const li = found.find((p) => p.patientId === ageOnly.patientId);
    expect(wei).toMatchObject({
      dateOfBirth: '1969-05-20',
      age: 56,
      phone: '02015550101',
      lastVisit: '2026-03-02',
      nextAppointment: { date: '2026-03-06', time: '11:30' },
    });
    expect(li).toMatchObject({ dateOfBirth: null, age: 57, lastVisit: null, nextAppointment: null });
    // Same match quality ("chen" is the first name of both): the one with activity first.
    expect(found.map((p) => p.patientId)).toEqual([seen, ageOnly.patientId]);
  });
});
