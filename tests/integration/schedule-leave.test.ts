import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertScheduleInvariants, bookDirectly, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, tableCounts, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London.

let app: TestApp;
let doctorId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  doctorId = (await signInNew(app, 'doctor', 'Dr Lena Berg')).userId;
  await app.ok(ADMIN_KEY, 'templates.create', {
    doctorId,
    weekdays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '12:00',
    slotMinutes: 30,
    validFrom: '2026-03-02',
  });
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

const slotAt = (date: string, time: string): number => {
  const slot = slotsOf(app, doctorId, date).find((s) => s.start_time === time);
  if (!slot) throw new Error(`no slot ${date} ${time}`);
  return slot.availability_id;
};

const status = (appointmentId: number) =>
  app.core.database.raw
    .prepare('SELECT status, needs_reschedule_reason FROM appointments WHERE appointment_id = ?')
    .get(appointmentId);

describe('leave', () => {
  it('removes the free slots of whole days and says why the time cannot be booked', async () => {
    const { generation, affected } = await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-11',
      reason: 'Conference',
    });
    expect(affected).toEqual([]);
    expect(generation.removed).toBe(12);
    expect(slotsOf(app, doctorId, '2026-03-10')).toEqual([]);
    expect(slotsOf(app, doctorId, '2026-03-12')).toHaveLength(6);
    const why = await app.ok(ADMIN_KEY, 'schedule.whyNot', { doctorId, date: '2026-03-10', time: '09:30' });
    expect(why).toMatchObject({
      bookable: false,
      reasons: [{ code: 'on_leave', message: 'Dr Lena Berg is on leave: Conference.' }],
    });
  });

  it('covers part of a day when given times', async () => {
    await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      startTime: '10:00',
      endTime: '11:00',
      reason: 'School run',
    });
    expect(slotsOf(app, doctorId, '2026-03-10').map((s) => s.start_time)).toEqual(['09:00', '09:30', '11:00', '11:30']);
  });

  it('over booked appointments, asks for a decision first and writes nothing until given one', async () => {
    const appointment = bookDirectly(app, slotAt('2026-03-10', '09:30'), 'Mrs Perera');
    const preview = await app.ok(ADMIN_KEY, 'exceptions.previewLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
    });
    expect(preview).toEqual([
      { appointmentId: appointment, patientName: 'Mrs Perera', date: '2026-03-10', time: '09:30', status: 'scheduled' },
    ]);
    const before = await tableCounts(app);
    const refused = await app.call(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'Sick',
    });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      fields: { onBooked: expect.stringMatching(/^One booked appointment falls in this leave/) },
    });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('keeps the booked appointments when asked, removing only the free slots', async () => {
    const appointment = bookDirectly(app, slotAt('2026-03-10', '09:30'));
    const result = await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'Sick',
      onBooked: 'keep',
    });
    expect(result.affected.map((a) => a.appointmentId)).toEqual([appointment]);
    expect(slotsOf(app, doctorId, '2026-03-10').map((s) => s.start_time)).toEqual(['09:30']);
    expect(status(appointment)).toEqual({ status: 'scheduled', needs_reschedule_reason: null });
    const day = await app.ok(ADMIN_KEY, 'schedule.day', { date: '2026-03-10' });
    expect(day.doctors[0]?.leave).toEqual([expect.objectContaining({ reason: 'Sick', startTime: null })]);
    expect(day.slots.map((s) => s.state)).toEqual(['booked']);
  });

  it('cancels them with a reason, freeing the slot, audited', async () => {
    const appointment = bookDirectly(app, slotAt('2026-03-10', '09:30'));
    const noReason = await app.call(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'Sick',
      onBooked: 'cancel',
    });
    expect(noReason.ok ? null : noReason.error.fields).toHaveProperty('cancelReason');
    await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'Sick',
      onBooked: 'cancel',
      cancelReason: 'Doctor unwell',
    });
    expect(status(appointment)).toMatchObject({ status: 'cancelled' });
    const audit = app.core.database.raw
      .prepare("SELECT after_json FROM audit_log WHERE action = 'appointment.cancel'")
      .all() as { after_json: string }[];
    expect(audit.map((a) => JSON.parse(a.after_json))).toEqual([{ status: 'cancelled', reason: 'Doctor unwell' }]);
  });

  it('lists them for rescheduling', async () => {
    const appointment = bookDirectly(app, slotAt('2026-03-10', '09:30'));
    await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'Training',
      onBooked: 'reschedule',
    });
    expect(status(appointment)).toEqual({ status: 'scheduled', needs_reschedule_reason: 'Doctor on leave: Training' });
  });

  it('refuses a leave that ends before it starts, naming the field', async () => {
    const result = await app.call(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-12',
      endDate: '2026-03-10',
      reason: 'x',
    });
    expect(result.ok ? null : result.error.fields).toEqual({
      endDate: 'The last day must be on or after the first day.',
    });
    const times = await app.call(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-12',
      endDate: '2026-03-12',
      startTime: '11:00',
      endTime: '10:00',
      reason: 'x',
    });
    expect(times.ok ? null : times.error.fields).toHaveProperty('endTime');
  });

  it('when removed, brings the free slots back', async () => {
    const { exception } = await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: 'x',
    });
    expect(
      (await app.ok(ADMIN_KEY, 'exceptions.delete', { exceptionId: exception.exceptionId })).generation.created,
    ).toBe(6);
    expect(slotsOf(app, doctorId, '2026-03-10')).toHaveLength(6);
    expect(await app.ok(ADMIN_KEY, 'exceptions.list', { doctorId })).toEqual([]);
  });
});

describe('extra sessions and one-off slots', () => {
  it('adds the slots of an extra session on a Saturday', async () => {
    const { generation } = await app.ok(ADMIN_KEY, 'exceptions.addExtra', {
      doctorId,
      date: '2026-03-07',
      startTime: '10:00',
      endTime: '12:00',
      slotMinutes: 20,
      reason: 'Flu clinic',
    });
    expect(generation.created).toBe(6);
    expect(slotsOf(app, doctorId, '2026-03-07').every((s) => s.source === 'extra')).toBe(true);
  });

  it('skips extra slots that would overlap the rule’s slots', async () => {
    await app.ok(ADMIN_KEY, 'exceptions.addExtra', {
      doctorId,
      date: '2026-03-09',
      startTime: '11:00',
      endTime: '13:00',
      slotMinutes: 30,
    });
    expect(slotsOf(app, doctorId, '2026-03-09').map((s) => `${s.start_time} ${s.source}`)).toEqual([
      '09:00 template',
      '09:30 template',
      '10:00 template',
      '10:30 template',
      '11:00 template',
      '11:30 template',
      '12:00 extra',
      '12:30 extra',
    ]);
  });

  it('adds a one-off slot, refusing one that overlaps or is in the past', async () => {
    const slot = await app.ok(ADMIN_KEY, 'slots.addManual', {
      doctorId,
      date: '2026-03-09',
      startTime: '13:00',
      endTime: '13:20',
    });
    expect(slot).toMatchObject({ state: 'free', source: 'manual', startTime: '13:00', endTime: '13:20' });
    const overlap = await app.call(ADMIN_KEY, 'slots.addManual', {
      doctorId,
      date: '2026-03-09',
      startTime: '11:45',
      endTime: '12:15',
    });
    expect(overlap.ok ? null : overlap.error.message).toBe('This overlaps the doctor’s slot 11:30–12:00 on that day.');
    const past = await app.call(ADMIN_KEY, 'slots.addManual', {
      doctorId,
      date: '2026-03-01',
      startTime: '13:00',
      endTime: '13:20',
    });
    expect(past.ok ? null : past.error.fields).toHaveProperty('startTime');
    // Regeneration leaves manual slots alone.
    await app.ok(ADMIN_KEY, 'slots.generate', { doctorId });
    expect(slotsOf(app, doctorId, '2026-03-09').some((s) => s.source === 'manual')).toBe(true);
  });
});

describe('blocking', () => {
  it('blocks a free slot with a reason, hides it from next-free, explains it, and unblocks', async () => {
    const id = slotAt('2026-03-03', '09:00');
    const blocked = await app.ok(ADMIN_KEY, 'slots.block', { availabilityId: id, reason: 'Team meeting' });
    expect(blocked).toMatchObject({
      state: 'blocked',
      blockedReason: 'Team meeting',
      unavailableReason: 'Blocked: Team meeting',
    });
    const next = await app.ok(ADMIN_KEY, 'schedule.nextFree', { doctorId, fromDate: '2026-03-03', limit: 1 });
    expect(next.map((s) => s.startTime)).toEqual(['09:30']);
    const why = await app.ok(ADMIN_KEY, 'schedule.whyNot', { doctorId, date: '2026-03-03', time: '09:10' });
    expect(why.reasons).toEqual([{ code: 'blocked', message: 'That slot is blocked: Team meeting.' }]);
    expect((await app.ok(ADMIN_KEY, 'slots.unblock', { availabilityId: id })).state).toBe('free');
  });

  it('refuses to block a booked slot and a slot in the past', async () => {
    const id = slotAt('2026-03-03', '09:00');
    bookDirectly(app, id);
    const booked = await app.call(ADMIN_KEY, 'slots.block', { availabilityId: id, reason: 'Lunch' });
    expect(booked.ok ? null : booked.error.code).toBe('CONFLICT');
    app.clock.advanceMinutes(10);
    const past = await app.call(ADMIN_KEY, 'slots.block', {
      availabilityId: slotAt('2026-03-02', '09:00'),
      reason: 'Lunch',
    });
    expect(past.ok ? null : past.error.message).toMatch(/passed/);
  });
});
