import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Reasons where people look: the patient page's history says why a visit was cancelled or
// marked a no-show. Test clock: Monday 2026-03-02 09:00 Europe/London.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const book = async (patientId: number, time: string) =>
  (await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot('2026-03-02', time), patientId }))
    .appointmentId;

describe('patient page history', () => {
  it('carries the reason of each cancellation and no-show, and none for other visits', async () => {
    const patientId = await world.patient('Ama Owusu');
    const cancelled = await book(patientId, '10:00');
    const missed = await book(patientId, '09:00');
    const kept = await book(patientId, '11:00');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled, reason: 'Child is ill' });
    // Past the 09:00 visit's time, keeping the desk's session awake.
    for (let minutes = 0; minutes < 40; minutes += 10) {
      app.clock.advanceMinutes(10);
      await app.ok(world.desk, 'auth.touch', {});
    }
    await app.ok(world.desk, 'appointments.noShow', { appointmentId: missed, reason: 'Phoned later: car broke down' });

    const record = await app.ok(world.desk, 'patients.get', { patientId });
    const reasons = Object.fromEntries(record.appointments.map((a) => [a.appointmentId, [a.status, a.statusReason]]));
    expect(reasons[cancelled]).toEqual(['cancelled', 'Child is ill']);
    expect(reasons[missed]).toEqual(['no_show', 'Phoned later: car broke down']);
    expect(reasons[kept]).toEqual(['scheduled', null]);
  });
});

describe('a no-show reason', () => {
  it('is optional, shows on the board too, and a bad one is refused naming the field with nothing changed', async () => {
    const patientId = await world.patient('Kofi Mensah');
    const silent = await book(patientId, '09:00');
    const other = await world.patient('Efua Boateng');
    const explained = await book(other, '09:30');
    for (let minutes = 0; minutes < 40; minutes += 10) {
      app.clock.advanceMinutes(10);
      await app.ok(world.desk, 'auth.touch', {});
    }
    const refused = await app.call(world.desk, 'appointments.noShow', {
      appointmentId: explained,
      reason: 'x'.repeat(201),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.any(String) } });
    expect((await app.ok(world.desk, 'patients.get', { patientId: other })).appointments[0]?.status).toBe('scheduled');

    await app.ok(world.desk, 'appointments.noShow', { appointmentId: silent });
    await app.ok(world.desk, 'appointments.noShow', { appointmentId: explained, reason: 'Wrong day in their diary' });
    const board = await app.ok(world.desk, 'appointments.board', { date: '2026-03-02' });
    const onBoard = Object.fromEntries(board.appointments.map((a) => [a.appointmentId, a.statusReason]));
    expect(onBoard[silent]).toBeNull();
    expect(onBoard[explained]).toBe('Wrong day in their diary');
  });
});
