import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London. Slots: weekdays 09:00-12:00, 30 min.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

/** Books every slot of the doctor on a date for throwaway patients. */
async function fillDay(date: string): Promise<number[]> {
  const ids: number[] = [];
  for (const slot of slotsOf(app, world.doctor.userId, date)) {
    const patientId = await world.patient(`Filler ${slot.start_time}`);
    ids.push(
      (await app.ok(world.desk, 'appointments.book', { availabilityId: slot.availability_id, patientId }))
        .appointmentId,
    );
  }
  return ids;
}

describe('waitlist', () => {
  it('offers a freed slot to the waiting patient and books it in one step', async () => {
    const booked = await fillDay('2026-03-03');
    const waiting = await world.patient('Maria Perera');
    const entry = await app.ok(world.desk, 'waitlist.add', {
      patientId: waiting,
      doctorId: world.doctor.userId,
      fromDate: '2026-03-03',
      toDate: '2026-03-03',
      notes: 'Prefers mornings',
    });
    expect(entry).toMatchObject({ patientName: 'Maria Perera', doctorName: 'Dr Ama Mensah', fromDate: '2026-03-03' });
    expect(await app.ok(world.desk, 'waitlist.matches', {})).toEqual([]);

    await app.ok(world.desk, 'appointments.cancel', { appointmentId: booked[2] ?? 0, reason: 'Patient travelling' });
    const [match] = await app.ok(world.desk, 'waitlist.matches', {});
    expect(match).toMatchObject({
      entry: { waitlistId: entry.waitlistId },
      slot: { date: '2026-03-03', startTime: '10:00', doctorName: 'Dr Ama Mensah' },
    });

    const appointment = await app.ok(world.desk, 'waitlist.book', {
      waitlistId: entry.waitlistId,
      availabilityId: match?.slot.availabilityId ?? 0,
    });
    expect(appointment).toMatchObject({ patientName: 'Maria Perera', date: '2026-03-03', time: '10:00' });
    expect(await app.ok(world.desk, 'waitlist.list', {})).toEqual([]);
    const again = await app.call(world.desk, 'waitlist.book', {
      waitlistId: entry.waitlistId,
      availabilityId: match?.slot.availabilityId ?? 0,
    });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it('matches by specialization and within the dates only', async () => {
    const patient = await world.patient('Kwame Mensah');
    await app.ok(world.desk, 'waitlist.add', {
      patientId: patient,
      specialization: 'General practice',
      fromDate: '2026-03-04',
      toDate: '2026-03-05',
      notes: null,
    });
    const [match] = await app.ok(world.desk, 'waitlist.matches', {});
    expect(match?.slot).toMatchObject({ date: '2026-03-04', startTime: '09:00' });
  });

  it('writes nothing when the booking fails, and keeps the patient waiting', async () => {
    const patient = await world.patient('Nia Okafor');
    const entry = await app.ok(world.desk, 'waitlist.add', {
      patientId: patient,
      doctorId: world.doctor.userId,
      fromDate: '2026-03-04',
      toDate: '2026-03-04',
      notes: null,
    });
    const slot = world.slot('2026-03-04', '09:00');
    await app.ok(ADMIN_KEY, 'slots.block', { availabilityId: slot, reason: 'Lunch' });
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'waitlist.book', { waitlistId: entry.waitlistId, availabilityId: slot });
    expect(refused.ok ? null : refused.error.code).toBe('SLOT_TAKEN');
    expect(await tableCounts(app)).toEqual(before);
    expect((await app.ok(world.desk, 'waitlist.list', {})).map((e) => e.waitlistId)).toEqual([entry.waitlistId]);
  });

  it('needs a doctor or a specialization and sensible dates', async () => {
    const patient = await world.patient('Lena Berg');
    const none = await app.call(world.desk, 'waitlist.add', {
      patientId: patient,
      fromDate: '2026-03-04',
      toDate: '2026-03-05',
      notes: null,
    });
    expect(none.ok ? null : none.error.fields).toEqual({ doctorId: 'Choose a doctor or a specialization.' });
    const backwards = await app.call(world.desk, 'waitlist.add', {
      patientId: patient,
      doctorId: world.doctor.userId,
      fromDate: '2026-03-05',
      toDate: '2026-03-04',
      notes: null,
    });
    expect(backwards.ok ? null : backwards.error.fields).toHaveProperty('toDate');
    const removed = await app.ok(world.desk, 'waitlist.add', {
      patientId: patient,
      doctorId: world.doctor.userId,
      fromDate: '2026-03-04',
      toDate: '2026-03-05',
      notes: null,
    });
    await app.ok(world.desk, 'waitlist.remove', { waitlistId: removed.waitlistId });
    expect(await app.ok(world.desk, 'waitlist.list', {})).toEqual([]);
  });
});
