import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '#contract/index.ts';
import { deskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Any random sequence of desk actions leaves the database consistent: no slot with two
// active appointments, is_booked right, and every reschedule row chained to the appointment.

type Command =
  | { kind: 'book'; slot: number; patient: number }
  | { kind: 'cancel' | 'checkIn' | 'noShow' | 'start' | 'complete' | 'undo'; appointment: number }
  | { kind: 'reschedule'; appointment: number; slot: number }
  | { kind: 'wait'; minutes: number };

const index = fc.nat({ max: 40 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('book' as const), slot: index, patient: fc.nat({ max: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'cancel' as const,
        'checkIn' as const,
        'noShow' as const,
        'start' as const,
        'complete' as const,
        'undo' as const,
      ),
      appointment: index,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), appointment: index, slot: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 5, max: 40 }) }) },
);

function assertRescheduleChains(app: TestApp): void {
  const rows = app.core.database.raw
    .prepare(
      'SELECT appointment_id, old_date, old_time, new_date, new_time FROM appointment_reschedules ORDER BY reschedule_id',
    )
    .all() as { appointment_id: number; old_date: string; old_time: string; new_date: string; new_time: string }[];
  const byAppointment = new Map<number, typeof rows>();
  for (const row of rows)
    byAppointment.set(row.appointment_id, [...(byAppointment.get(row.appointment_id) ?? []), row]);
  for (const [appointmentId, chain] of byAppointment) {
    const booked = app.core.database.raw
      .prepare("SELECT after_json FROM audit_log WHERE action = 'appointment.book' AND entity_id = ?")
      .get(String(appointmentId)) as { after_json: string };
    const first = JSON.parse(booked.after_json) as { date: string; time: string };
    expect([chain[0]?.old_date, chain[0]?.old_time]).toEqual([first.date, first.time]);
    for (let i = 1; i < chain.length; i++)
      expect([chain[i]?.old_date, chain[i]?.old_time]).toEqual([chain[i - 1]?.new_date, chain[i - 1]?.new_time]);
    const now = app.core.database.raw
      .prepare('SELECT appointment_date, appointment_time FROM appointments WHERE appointment_id = ?')
      .get(appointmentId);
    expect(now).toEqual({ appointment_date: chain.at(-1)?.new_date, appointment_time: chain.at(-1)?.new_time });
  }
}

describe('random sequences of desk actions', () => {
  it('keep the database consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), async (commands) => {
        const app = await createTestApp();
        try {
          await setUpClinic(app);
          const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
          await app.ok(ADMIN_KEY, 'settings.update', { ...settings, idleLockMinutes: 240 });
          const world = await deskWorld(app);
          const patients = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => world.patient(`Patient ${n}`)));
          const slots = ['2026-03-02', '2026-03-03']
            .flatMap((date) => [world.doctor.userId, world.otherDoctor.userId].flatMap((d) => slotsOf(app, d, date)))
            .map((s) => s.availability_id);
          const appointments: number[] = [];
          for (const c of commands) {
            const appointmentId =
              'appointment' in c ? (appointments[c.appointment % Math.max(1, appointments.length)] ?? 0) : 0;
            let result: Result<unknown> = { ok: true, value: null };
            if (c.kind === 'book') {
              const booked = await app.call(world.desk, 'appointments.book', {
                availabilityId: slots[c.slot % slots.length] ?? 0,
                patientId: patients[c.patient] ?? 0,
                overlapOverrideReason: 'test',
              });
              if (booked.ok) appointments.push(booked.value.appointmentId);
              result = booked;
            } else if (c.kind === 'wait') {
              app.clock.advanceMinutes(c.minutes);
            } else if (c.kind === 'reschedule') {
              result = await app.call(world.desk, 'appointments.reschedule', {
                appointmentId,
                newAvailabilityId: slots[c.slot % slots.length] ?? 0,
                reason: 'moved',
              });
            } else if (c.kind === 'cancel') {
              result = await app.call(world.desk, 'appointments.cancel', { appointmentId, reason: 'changed plans' });
            } else if (c.kind === 'checkIn' || c.kind === 'noShow') {
              result = await app.call(world.desk, `appointments.${c.kind}`, { appointmentId });
            } else if (c.kind === 'undo') {
              result = await app.call(ADMIN_KEY, 'appointments.undoLastStep', { appointmentId, reason: 'oops' });
            } else {
              result = await app.call(
                ADMIN_KEY,
                c.kind === 'start' ? 'appointments.startConsultation' : 'appointments.complete',
                { appointmentId },
              );
            }
            if (!result.ok) expect(['VALIDATION', 'CONFLICT', 'SLOT_TAKEN', 'NOT_FOUND']).toContain(result.error.code);
          }
          assertScheduleInvariants(app);
          assertRescheduleChains(app);
        } finally {
          await app.close();
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) },
    );
  });
});
