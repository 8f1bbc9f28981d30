import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertScheduleInvariants, bookDirectly, slotsOf } from '../support/schedule.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  signInNew,
  tableCounts,
  type TestApp,
} from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London; the horizon is 12 weeks.

let app: TestApp;
let doctorId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  doctorId = (await signInNew(app, 'doctor', 'Dr Ama Mensah')).userId;
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

const MON_TO_FRI = [1, 2, 3, 4, 5];
const morning = {
  weekdays: MON_TO_FRI,
  startTime: '09:00',
  endTime: '12:00',
  slotMinutes: 15,
  validFrom: '2026-03-02',
};

describe('weekly rules', () => {
  it('generate the wall-clock slots of every matching day up to the horizon, and nothing twice', async () => {
    const { template, generation } = await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...morning });
    expect(template).toMatchObject({
      weekdays: MON_TO_FRI,
      startTime: '09:00',
      endTime: '12:00',
      slotMinutes: 15,
      validTo: null,
    });
    // 12 weeks × 5 weekdays × 12 slots.
    expect(generation).toEqual({ created: 12 * 5 * 12, removed: 0 });
    expect(slotsOf(app, doctorId, '2026-03-02').map((s) => s.start_time)).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
      '11:30',
      '11:45',
    ]);
    expect(slotsOf(app, doctorId, '2026-03-07')).toEqual([]);
    expect(await app.ok(ADMIN_KEY, 'slots.generate', { doctorId })).toEqual({ created: 0, removed: 0 });
    expect(await app.ok(ADMIN_KEY, 'slots.generate', {})).toEqual({ created: 0, removed: 0 });
  });

  it('allow several sessions a day and use the clinic’s slot length by default', async () => {
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...morning });
    const evening = await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId,
      weekdays: [2],
      startTime: '17:00',
      endTime: '19:00',
      validFrom: '2026-03-02',
    });
    expect(evening.template.slotMinutes).toBe(15);
    expect(slotsOf(app, doctorId, '2026-03-03').filter((s) => s.start_time >= '17:00')).toHaveLength(8);
  });

  it('refuse an overlapping rule for the same doctor, naming both', async () => {
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...morning });
    const before = await tableCounts(app);
    const clash = await app.call(ADMIN_KEY, 'templates.create', {
      doctorId,
      weekdays: [3, 6],
      startTime: '11:30',
      endTime: '13:00',
      validFrom: '2026-03-09',
    });
    expect(clash.ok ? null : clash.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /Wed, Sat 11:30–13:00 from 2026-03-09.*overlaps the existing rule Mon, Tue, Wed, Thu, Fri 09:00–12:00 from 2026-03-02/,
      ),
    });
    expect(await tableCounts(app)).toEqual(before);
    // Same hours on other days, or for another doctor, are fine.
    await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId,
      weekdays: [6],
      startTime: '09:00',
      endTime: '12:00',
      validFrom: '2026-03-02',
    });
    const other = await signInNew(app, 'doctor');
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId: other.userId, ...morning });
  });

  it('name the field of bad input and write nothing', async () => {
    const before = await tableCounts(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...morning, endTime: '08:00' }, 'endTime'],
      [{ ...morning, slotMinutes: 0 }, 'slotMinutes'],
      [{ ...morning, slotMinutes: -15 }, 'slotMinutes'],
      [{ ...morning, validFrom: '2026-02-01' }, 'validFrom'],
      [{ ...morning, validTo: '2026-02-20' }, 'validTo'],
      [{ ...morning, weekdays: [] }, 'weekdays'],
      [{ ...morning, startTime: '9am' }, 'startTime'],
      [{ ...morning, endTime: '09:10' }, 'endTime'],
    ];
    for (const [input, field] of cases) {
      const result = await app.call(ADMIN_KEY, 'templates.create', { doctorId, ...input } as never);
      expect(result.ok ? null : result.error.code, field).toBe('VALIDATION');
      expect(result.ok ? {} : result.error.fields, field).toHaveProperty(field);
    }
    const unknown = await app.call(ADMIN_KEY, 'templates.create', { doctorId: 9999, ...morning });
    expect(unknown.ok ? null : unknown.error.fields).toEqual({ doctorId: 'Choose a doctor from the list.' });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('regenerate free slots on change but never move or delete a booked one', async () => {
    const { template } = await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...morning });
    const booked = slotsOf(app, doctorId, '2026-03-04').find((s) => s.start_time === '09:15');
    if (!booked) throw new Error('slot missing');
    bookDirectly(app, booked.availability_id);
    const changed = await app.ok(ADMIN_KEY, 'templates.update', {
      templateId: template.templateId,
      version: template.version,
      ...morning,
      slotMinutes: 20,
    });
    expect(changed.generation.removed).toBeGreaterThan(0);
    const wednesday = slotsOf(app, doctorId, '2026-03-04');
    expect(wednesday).toContainEqual({ ...booked });
    // 20-minute slots where they do not collide with the booked 09:15–09:30.
    expect(wednesday.map((s) => `${s.start_time}-${s.end_time}`)).toEqual([
      '09:15-09:30',
      '09:40-10:00',
      '10:00-10:20',
      '10:20-10:40',
      '10:40-11:00',
      '11:00-11:20',
      '11:20-11:40',
      '11:40-12:00',
    ]);
    expect(slotsOf(app, doctorId, '2026-03-05').map((s) => s.start_time)).toEqual([
      '09:00',
      '09:20',
      '09:40',
      '10:00',
      '10:20',
      '10:40',
      '11:00',
      '11:20',
      '11:40',
    ]);

    const stale = await app.call(ADMIN_KEY, 'templates.update', {
      templateId: template.templateId,
      version: template.version,
      ...morning,
    });
    expect(stale.ok ? null : stale.error.code).toBe('STALE');

    await app.ok(ADMIN_KEY, 'templates.delete', { templateId: template.templateId });
    expect(slotsOf(app, doctorId, '2026-03-04')).toEqual([booked]);
    expect(slotsOf(app, doctorId, '2026-03-05')).toEqual([]);
  });

  it('never touches days before today', async () => {
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...morning });
    app.clock.advanceMinutes(7 * 24 * 60);
    await app.ok(ADMIN_KEY, 'auth.unlock', { password: ADMIN_PASSWORD });
    await app.ok(ADMIN_KEY, 'slots.generate', { doctorId });
    // Last Monday's slots are history now and stay; the horizon moved on by a week.
    expect(slotsOf(app, doctorId, '2026-03-02')).toHaveLength(12);
    expect(slotsOf(app, doctorId, '2026-05-29')).toHaveLength(12);
  });

  it('lets a doctor keep their own rules but not a colleague’s, and a receptionist any', async () => {
    const doctor = await signInNew(app, 'doctor');
    const receptionist = await signInNew(app, 'receptionist');
    expect((await app.call(doctor.key, 'templates.create', { doctorId: doctor.userId, ...morning })).ok).toBe(true);
    const foreign = await app.call(doctor.key, 'templates.create', { doctorId, ...morning });
    expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
    expect((await app.call(receptionist.key, 'templates.create', { doctorId, ...morning })).ok).toBe(true);
  });
});

describe('daylight saving time', () => {
  const nightShift = {
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: '00:00',
    endTime: '04:00',
    slotMinutes: 30,
    validFrom: '2026-03-02',
  };

  it('makes no slot inside the spring-forward gap (London, 29 March)', async () => {
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...nightShift });
    expect(slotsOf(app, doctorId, '2026-03-28').map((s) => s.start_time)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
    expect(slotsOf(app, doctorId, '2026-03-29').map((s) => s.start_time)).toEqual([
      '00:00',
      '00:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
  });

  it('makes each wall-clock slot once on the fall-back day (New York, 1 November)', async () => {
    const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
    await app.ok(ADMIN_KEY, 'settings.update', { ...settings, timeZone: 'America/New_York' });
    app.clock.set(new Date('2026-10-20T14:00:00Z'));
    await app.ok(ADMIN_KEY, 'auth.unlock', { password: ADMIN_PASSWORD });
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...nightShift, validFrom: '2026-10-20' });
    expect(slotsOf(app, doctorId, '2026-11-01').map((s) => s.start_time)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
    // …and the spring gap there is 02:00–03:00.
    app.clock.set(new Date('2027-03-01T14:00:00Z'));
    await app.ok(ADMIN_KEY, 'auth.unlock', { password: ADMIN_PASSWORD });
    await app.ok(ADMIN_KEY, 'slots.generate', {});
    expect(slotsOf(app, doctorId, '2027-03-14').map((s) => s.start_time)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '03:00',
      '03:30',
    ]);
  });
});
