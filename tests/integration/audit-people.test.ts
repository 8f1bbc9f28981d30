import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The audit viewer names whom each row is about, so people read names and not record ids.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(() => app.close());

const rowsOf = async (action: string) =>
  (await app.ok(ADMIN_KEY, 'audit.list', { filters: { action }, limit: 50 })).rows;

describe('audit rows about people', () => {
  it('name the patient of a patient record, an appointment and its payment, and the doctor of a template', async () => {
    const patientId = await world.patient('Maria Perera');
    const appointment = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '10:00'),
      patientId,
    });
    await app.ok(world.desk, 'payments.take', {
      appointmentId: appointment.appointmentId,
      amount: '10',
      method: 'cash',
    });

    expect((await rowsOf('patient.register')).map((r) => [r.entityId, r.subjectName])).toEqual([
      [String(patientId), 'Maria Perera'],
    ]);
    expect((await rowsOf('appointment.book'))[0]?.subjectName).toBe('Maria Perera');
    expect((await rowsOf('payment.take'))[0]?.subjectName).toBe('Maria Perera');
    expect((await rowsOf('template.create')).map((r) => r.subjectName).sort()).toEqual([
      'Dr Ama Mensah',
      'Dr Lena Berg',
    ]);
    // A sign-in is about the account signing in; the clinic's settings are about nobody.
    expect((await rowsOf('auth.sign_in'))[0]?.subjectName).toBe('Dr Lena Berg');
    expect((await rowsOf('setup.complete'))[0]?.subjectName).toBeNull();
  });
});
