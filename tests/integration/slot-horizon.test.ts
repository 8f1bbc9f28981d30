import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London; the horizon is 12 weeks, so the
// slots first reach Sunday 2026-05-24.

let app: TestApp;
let doctorId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  doctorId = (await signInNew(app, 'doctor', 'Dr Ama Mensah')).userId;
  await app.ok(ADMIN_KEY, 'templates.create', {
    doctorId,
    weekdays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '10:00',
    slotMinutes: 30,
    validFrom: '2026-03-02',
  });
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

describe('the booking horizon moves with the days', () => {
  it('generates the new days’ slots on the scheduled check once the clinic date has moved', async () => {
    expect(slotsOf(app, doctorId, '2026-05-22')).toHaveLength(2);
    expect(slotsOf(app, doctorId, '2026-05-25')).toEqual([]);

    await app.core.tick();
    expect(slotsOf(app, doctorId, '2026-05-25')).toEqual([]);

    app.clock.set(new Date('2026-03-09T08:00:00.000Z'));
    await app.core.tick();
    expect(slotsOf(app, doctorId, '2026-05-25').map((s) => s.start_time)).toEqual(['09:00', '09:30']);
    expect(slotsOf(app, doctorId, '2026-05-29')).toHaveLength(2);
    expect(slotsOf(app, doctorId, '2026-06-01')).toEqual([]);
  });

  it('follows a longer horizon set by an admin', async () => {
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    await app.ok(ADMIN_KEY, 'settings.update', { ...settings, scheduleHorizonWeeks: 13 });
    await app.core.tick();
    expect(slotsOf(app, doctorId, '2026-05-29')).toHaveLength(2);
  });
});
