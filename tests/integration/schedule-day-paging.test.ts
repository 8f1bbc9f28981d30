import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_PAGE_MAX } from '#contract/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// The calendar's day view, paged by doctor: main returns only the page's doctors and their slots.
// Test clock: Monday 2026-03-02 09:00 in Europe/London.

let app: TestApp;
const ids: Record<string, number> = {};
const NAMES = ['Dr Ama Mensah', 'Dr Bo Chen', 'Dr Cleo Diaz', 'Dr Dan Eze', 'Dr Eva Falk'];
const DATE = '2026-03-03';

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  for (const name of NAMES) {
    const doctor = await signInNew(app, 'doctor', name);
    ids[name] = doctor.userId;
    await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId: doctor.userId,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '10:00',
      slotMinutes: 30,
      validFrom: '2026-03-02',
    });
  }
});
afterEach(async () => {
  await app.close();
});

describe('day view paged by doctor', () => {
  it('returns one page of doctors in name order, only their slots, and how many there are in all', async () => {
    const first = await app.ok(ADMIN_KEY, 'schedule.day', { date: DATE, offset: 0, limit: 2 });
    expect(first.doctors.map((d) => d.name)).toEqual(['Dr Ama Mensah', 'Dr Bo Chen']);
    expect(new Set(first.slots.map((s) => s.doctorId))).toEqual(new Set([ids['Dr Ama Mensah'], ids['Dr Bo Chen']]));
    expect(first.slots).toHaveLength(4);
    expect(first).toMatchObject({ totalDoctors: 5, offset: 0 });

    const last = await app.ok(ADMIN_KEY, 'schedule.day', { date: DATE, offset: 4, limit: 2 });
    expect(last.doctors.map((d) => d.name)).toEqual(['Dr Eva Falk']);
    expect(last).toMatchObject({ totalDoctors: 5, offset: 4 });

    // Past the end (doctors left since the page was asked for): the last page, not an empty one.
    const beyond = await app.ok(ADMIN_KEY, 'schedule.day', { date: DATE, offset: 40, limit: 2 });
    expect(beyond.doctors.map((d) => d.name)).toEqual(['Dr Eva Falk']);
    expect(beyond.offset).toBe(4);

    // Without a limit, every doctor, as before.
    const all = await app.ok(ADMIN_KEY, 'schedule.day', { date: DATE });
    expect(all.doctors).toHaveLength(5);
    expect(all).toMatchObject({ totalDoctors: 5, offset: 0 });
  });

  it('filters by one doctor', async () => {
    const one = await app.ok(ADMIN_KEY, 'schedule.day', { date: DATE, doctorId: ids['Dr Cleo Diaz'] ?? 0, limit: 6 });
    expect(one.doctors.map((d) => d.name)).toEqual(['Dr Cleo Diaz']);
    expect(one.slots.every((s) => s.doctorId === ids['Dr Cleo Diaz'])).toBe(true);
    expect(one.totalDoctors).toBe(1);
  });

  it('refuses a page too large or a negative start, naming the field', async () => {
    expect(await app.call(ADMIN_KEY, 'schedule.day', { date: DATE, limit: DAY_PAGE_MAX + 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { limit: `The page size can be at most ${DAY_PAGE_MAX} doctors.` } },
    });
    expect(await app.call(ADMIN_KEY, 'schedule.day', { date: DATE, offset: -1, limit: 6 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { offset: 'The first doctor cannot be below 0.' } },
    });
  });
});
