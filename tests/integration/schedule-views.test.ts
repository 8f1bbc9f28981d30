import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertScheduleInvariants, bookDirectly, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London.

let app: TestApp;
let mensah: { key: string; userId: number };
let berg: { key: string; userId: number };
let okafor: { key: string; userId: number };

const rule = {
  weekdays: [1, 2, 3, 4, 5],
  startTime: '09:00',
  endTime: '10:00',
  slotMinutes: 20,
  validFrom: '2026-03-02',
};

async function profile(doctorId: number, specialization: string, isAvailable = true): Promise<void> {
  const doctor = await app.ok(ADMIN_KEY, 'doctors.get', { doctorId });
  await app.ok(ADMIN_KEY, 'doctors.update', { ...doctor, specialization, isAvailable });
}

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  mensah = await signInNew(app, 'doctor', 'Dr Ama Mensah');
  berg = await signInNew(app, 'doctor', 'Dr Lena Berg');
  okafor = await signInNew(app, 'doctor', 'Dr Nia Okafor');
  await profile(berg.userId, 'Paediatrics');
  for (const doctor of [mensah, berg, okafor])
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId: doctor.userId, ...rule });
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

describe('day view', () => {
  it('has a column per doctor, ordered by name, with every slot and its state', async () => {
    const tuesday = slotsOf(app, berg.userId, '2026-03-03');
    bookDirectly(app, tuesday[0]?.availability_id ?? 0, 'Mrs Perera');
    await app.ok(ADMIN_KEY, 'slots.block', { availabilityId: tuesday[1]?.availability_id ?? 0, reason: 'Lunch' });
    const day = await app.ok(ADMIN_KEY, 'schedule.day', { date: '2026-03-03' });
    expect(day.now).toEqual({ date: '2026-03-02', time: '09:00' });
    expect(day.doctors.map((d) => d.name)).toEqual(['Dr Ama Mensah', 'Dr Lena Berg', 'Dr Nia Okafor']);
    expect(day.slots).toHaveLength(9);
    const bergSlots = day.slots.filter((s) => s.doctorId === berg.userId);
    expect(bergSlots.map((s) => [s.startTime, s.state, s.appointment?.patientName ?? s.blockedReason])).toEqual([
      ['09:00', 'booked', 'Mrs Perera'],
      ['09:20', 'blocked', 'Lunch'],
      ['09:40', 'free', null],
    ]);
  });

  it('filters by specialization and marks the past', async () => {
    const paediatrics = await app.ok(ADMIN_KEY, 'schedule.day', { date: '2026-03-02', specialization: 'Paediatrics' });
    expect(paediatrics.doctors.map((d) => d.name)).toEqual(['Dr Lena Berg']);
    app.clock.advanceMinutes(10);
    const today = await app.ok(ADMIN_KEY, 'schedule.day', { date: '2026-03-02', specialization: 'Paediatrics' });
    expect(today.slots.map((s) => [s.startTime, s.state])).toEqual([
      ['09:00', 'past'],
      ['09:20', 'free'],
      ['09:40', 'free'],
    ]);
  });

  it('says a doctor who takes no bookings cannot be booked, on every free slot', async () => {
    await profile(okafor.userId, 'General practice', false);
    const day = await app.ok(ADMIN_KEY, 'schedule.day', { date: '2026-03-04' });
    expect(day.doctors.find((d) => d.doctorId === okafor.userId)?.isAvailable).toBe(false);
    const slots = day.slots.filter((s) => s.doctorId === okafor.userId);
    expect(new Set(slots.map((s) => s.unavailableReason))).toEqual(
      new Set(['Dr Nia Okafor is not taking bookings at the moment.']),
    );
    const why = await app.ok(ADMIN_KEY, 'schedule.whyNot', {
      doctorId: okafor.userId,
      date: '2026-03-04',
      time: '09:00',
    });
    expect(why.reasons.map((r) => r.code)).toEqual(['doctor_unavailable']);
    const next = await app.ok(ADMIN_KEY, 'schedule.nextFree', { doctorId: okafor.userId });
    expect(next).toEqual([]);
  });
});

describe('week view and my day', () => {
  it('shows one doctor’s Monday-to-Sunday week containing the date', async () => {
    const week = await app.ok(ADMIN_KEY, 'schedule.week', { doctorId: mensah.userId, date: '2026-03-05' });
    expect(week.weekStart).toBe('2026-03-02');
    expect(week.days).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(week.slots).toHaveLength(15);
    expect(new Set(week.slots.map((s) => s.doctorId))).toEqual(new Set([mensah.userId]));
  });

  it('gives a doctor their own day only', async () => {
    const mine = await app.ok(mensah.key, 'schedule.myDay', { date: '2026-03-03' });
    expect(mine.doctor.name).toBe('Dr Ama Mensah');
    expect(mine.slots.every((s) => s.doctorId === mensah.userId)).toBe(true);
    const receptionist = await signInNew(app, 'receptionist');
    const refused = await app.call(receptionist.key, 'schedule.myDay', {});
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

describe('why not and next free', () => {
  it('explains outside hours, past and booked', async () => {
    const outside = await app.ok(ADMIN_KEY, 'schedule.whyNot', {
      doctorId: mensah.userId,
      date: '2026-03-03',
      time: '13:00',
    });
    expect(outside).toEqual({
      bookable: false,
      reasons: [{ code: 'outside_hours', message: 'Dr Ama Mensah has no hours at 13:00 on 2026-03-03.' }],
      slot: null,
    });
    bookDirectly(app, slotsOf(app, mensah.userId, '2026-03-03')[0]?.availability_id ?? 0);
    const booked = await app.ok(ADMIN_KEY, 'schedule.whyNot', {
      doctorId: mensah.userId,
      date: '2026-03-03',
      time: '09:05',
    });
    expect(booked.reasons.map((r) => r.code)).toEqual(['booked']);
    const past = await app.ok(ADMIN_KEY, 'schedule.whyNot', {
      doctorId: mensah.userId,
      date: '2026-02-27',
      time: '09:00',
    });
    expect(past.reasons.map((r) => r.code)).toEqual(['past', 'outside_hours']);
    const free = await app.ok(ADMIN_KEY, 'schedule.whyNot', {
      doctorId: mensah.userId,
      date: '2026-03-03',
      time: '09:25',
    });
    expect(free).toMatchObject({ bookable: true, reasons: [], slot: { startTime: '09:20', state: 'free' } });
  });

  it('finds the next free slots of a doctor or a specialization, in time order, from now', async () => {
    bookDirectly(app, slotsOf(app, mensah.userId, '2026-03-02')[0]?.availability_id ?? 0);
    const mine = await app.ok(ADMIN_KEY, 'schedule.nextFree', { doctorId: mensah.userId, limit: 3 });
    expect(mine.map((s) => `${s.date} ${s.startTime}`)).toEqual([
      '2026-03-02 09:20',
      '2026-03-02 09:40',
      '2026-03-03 09:00',
    ]);
    const general = await app.ok(ADMIN_KEY, 'schedule.nextFree', {
      specialization: 'General practice',
      fromDate: '2026-03-04',
      limit: 4,
    });
    expect(general.map((s) => `${s.startTime} ${s.doctorName}`)).toEqual([
      '09:00 Dr Ama Mensah',
      '09:00 Dr Nia Okafor',
      '09:20 Dr Ama Mensah',
      '09:20 Dr Nia Okafor',
    ]);
    const neither = await app.call(ADMIN_KEY, 'schedule.nextFree', {});
    expect(neither.ok ? null : neither.error.fields).toEqual({ doctorId: 'Choose a doctor or a specialization.' });
  });
});

describe('doctor profiles', () => {
  it('lists and searches doctors and their specializations', async () => {
    expect((await app.ok(ADMIN_KEY, 'doctors.list', { query: 'paed' })).map((d) => d.name)).toEqual(['Dr Lena Berg']);
    expect((await app.ok(ADMIN_KEY, 'doctors.list', { query: 'nia' })).map((d) => d.name)).toEqual(['Dr Nia Okafor']);
    expect(await app.ok(mensah.key, 'doctors.specializations', {})).toEqual(['General practice', 'Paediatrics']);
  });

  it('lets only admins edit a profile, and a doctor only their own about text', async () => {
    const doctor = await app.ok(ADMIN_KEY, 'doctors.get', { doctorId: mensah.userId });
    const receptionist = await signInNew(app, 'receptionist');
    const refused = await app.call(receptionist.key, 'doctors.update', { ...doctor, consultationFee: 1 });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const own = await app.ok(mensah.key, 'doctors.updateAbout', {
      doctorId: mensah.userId,
      version: doctor.version,
      about: 'Family medicine, 12 years.',
    });
    expect(own).toMatchObject({ about: 'Family medicine, 12 years.', version: doctor.version + 1 });
    const other = await app.call(mensah.key, 'doctors.updateAbout', {
      doctorId: berg.userId,
      version: 1,
      about: 'hijack',
    });
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN');
    const stale = await app.call(ADMIN_KEY, 'doctors.update', { ...doctor, consultationFee: 99 });
    expect(stale.ok ? null : stale.error.code).toBe('STALE');
  });
});
