import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London. Slots: weekdays 09:00-12:00, 30 min.

let app: TestApp;
let world: DeskWorld;
let patientId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  patientId = await world.patient('Maria Perera');
});
afterEach(async () => {
  await app.close();
});

const firstFree = async (doctorId: number) =>
  (await app.ok(world.desk, 'schedule.nextFree', { doctorId, limit: 1 }))[0];

describe('appointments.suggestBooking', () => {
  it('suggests nothing for a patient who has never booked', async () => {
    const suggestion = await app.ok(world.desk, 'appointments.suggestBooking', { patientId });
    expect(suggestion).toEqual({ doctor: null, slot: null });
  });

  it('takes the doctor of the last booking, with that doctor’s first free slot from now', async () => {
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-04', '10:00', world.otherDoctor.userId),
      patientId,
    });
    const suggestion = await app.ok(world.desk, 'appointments.suggestBooking', { patientId });
    expect(suggestion.doctor).toMatchObject({
      doctorId: world.otherDoctor.userId,
      name: 'Dr Lena Berg',
      basis: 'last_booked',
    });
    expect(suggestion.slot).toEqual(await firstFree(world.otherDoctor.userId));
    expect(suggestion.slot).toMatchObject({ doctorId: world.otherDoctor.userId, date: '2026-03-02' });
  });

  it('prefers the doctor who last saw the patient over a later booking with another', async () => {
    const seen = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '09:30'),
      patientId,
    });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-05', '11:00', world.otherDoctor.userId),
      patientId,
    });
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId: seen.appointmentId });
    await app.ok(world.doctor.key, 'appointments.startConsultation', { appointmentId: seen.appointmentId });
    await app.ok(world.doctor.key, 'appointments.complete', { appointmentId: seen.appointmentId });
    app.clock.advanceMinutes(10);

    const suggestion = await app.ok(world.desk, 'appointments.suggestBooking', { patientId });
    expect(suggestion.doctor).toMatchObject({ doctorId: world.doctor.userId, basis: 'last_seen' });
    // 09:10 now: the first free slot is 10:00 (09:30 was the visit, 09:00 has passed).
    expect(suggestion.slot).toMatchObject({ doctorId: world.doctor.userId, date: '2026-03-02', startTime: '10:00' });
  });

  it('skips a doctor who no longer takes bookings', async () => {
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:00', world.otherDoctor.userId),
      patientId,
    });
    await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot('2026-03-04', '09:00'), patientId });
    const doctor = await app.ok(ADMIN_KEY, 'doctors.get', { doctorId: world.doctor.userId });
    await app.ok(ADMIN_KEY, 'doctors.update', { ...doctor, isAvailable: false });
    const suggestion = await app.ok(world.desk, 'appointments.suggestBooking', { patientId });
    expect(suggestion.doctor).toMatchObject({ doctorId: world.otherDoctor.userId, basis: 'last_booked' });
  });

  it('names the field for bad input and an unknown patient, and refuses doctors', async () => {
    const bad = await app.call(world.desk, 'appointments.suggestBooking', { patientId: 'seven' } as never);
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION', fields: { patientId: expect.any(String) } });
    const unknown = await app.call(world.desk, 'appointments.suggestBooking', { patientId: 999_999 });
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      code: 'VALIDATION',
      fields: { patientId: 'Choose a registered patient.' },
    });
    const doctor = await app.call(world.doctor.key, 'appointments.suggestBooking', { patientId });
    expect(doctor.ok ? null : doctor.error.code).toBe('FORBIDDEN');
  });
});
