import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

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
  assertScheduleInvariants(app);
  await app.close();
});

const isBooked = (availabilityId: number) =>
  (
    app.core.database.raw
      .prepare('SELECT is_booked FROM doctor_availability WHERE availability_id = ?')
      .get(availabilityId) as { is_booked: number }
  ).is_booked;

describe('booking', () => {
  it('copies the slot’s date and time, marks it booked, opens an unpaid payment at the doctor’s fee, all audited', async () => {
    const slot = world.slot('2026-03-03', '10:00');
    const appointment = await app.ok(world.desk, 'appointments.book', { availabilityId: slot, patientId });
    expect(appointment).toMatchObject({
      date: '2026-03-03',
      time: '10:00',
      endTime: '10:30',
      status: 'scheduled',
      doctorName: 'Dr Ama Mensah',
      patientName: 'Maria Perera',
    });
    expect(isBooked(slot)).toBe(1);
    const payment = app.core.database.raw
      .prepare('SELECT amount, payment_status FROM payments WHERE appointment_id = ?')
      .get(appointment.appointmentId);
    expect(payment).toEqual({ amount: 30, payment_status: 'unpaid' });
    const audit = app.core.database.raw
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.book'")
      .get();
    expect(audit).toEqual({ n: 1 });
  });

  it('refuses a taken, past, blocked or unavailable slot with SLOT_TAKEN and the reason, writing nothing', async () => {
    const slot = world.slot('2026-03-03', '10:00');
    await app.ok(world.desk, 'appointments.book', { availabilityId: slot, patientId });
    const other = await world.patient('Kwame Mensah');
    const blocked = world.slot('2026-03-03', '10:30');
    await app.ok(ADMIN_KEY, 'slots.block', { availabilityId: blocked, reason: 'Team meeting' });
    const before = await tableCounts(app);
    const attempts = [
      [slot, /just booked at another desk/],
      [blocked, /blocked: Team meeting/],
    ] as const;
    for (const [availabilityId, message] of attempts) {
      const result = await app.call(world.desk, 'appointments.book', { availabilityId, patientId: other });
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'SLOT_TAKEN',
        message: expect.stringMatching(message),
        fields: { availabilityId: expect.any(String) },
      });
    }
    app.clock.advanceMinutes(10);
    const past = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '09:00'),
      patientId: other,
    });
    expect(past.ok ? null : past.error.message).toMatch(/already started or passed/);
    const doctor = await app.ok(ADMIN_KEY, 'doctors.get', { doctorId: world.doctor.userId });
    await app.ok(ADMIN_KEY, 'doctors.update', { ...doctor, isAvailable: false });
    const unavailable = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-04', '09:00'),
      patientId: other,
    });
    expect(unavailable.ok ? null : unavailable.error.message).toMatch(/not taking bookings/);
    const counts = await tableCounts(app);
    expect({ ...counts, audit_log: 0, doctors: 0 }).toEqual({ ...before, audit_log: 0, doctors: 0 });
  });

  it('refuses a patient’s overlapping appointment with another doctor unless the desk gives a reason', async () => {
    await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot('2026-03-03', '10:00'), patientId });
    const clash = world.slot('2026-03-03', '10:00', world.otherDoctor.userId);
    const refused = await app.call(world.desk, 'appointments.book', { availabilityId: clash, patientId });
    expect(refused.ok ? null : refused.error.fields?.overlapOverrideReason).toMatch(
      /already has an appointment with Dr Ama Mensah at 10:00/,
    );
    const overridden = await app.ok(world.desk, 'appointments.book', {
      availabilityId: clash,
      patientId,
      overlapOverrideReason: 'Joint consultation',
    });
    const audit = app.core.database.raw
      .prepare('SELECT after_json FROM audit_log WHERE entity_id = ? AND action = ?')
      .get(String(overridden.appointmentId), 'appointment.book') as { after_json: string };
    expect(JSON.parse(audit.after_json).overlapOverrideReason).toBe('Joint consultation');
  });

  it('refuses unknown slots and patients, naming the field', async () => {
    const noSlot = await app.call(world.desk, 'appointments.book', { availabilityId: 99999, patientId });
    expect(noSlot.ok ? null : noSlot.error.fields).toEqual({ availabilityId: 'Choose a slot from the calendar.' });
    const noPatient = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:00'),
      patientId: world.doctor.userId,
    });
    expect(noPatient.ok ? null : noPatient.error.fields).toEqual({ patientId: 'Choose a registered patient.' });
  });
});

describe('the visit', () => {
  it('moves scheduled → checked in → in consultation → completed, each step with who and when', async () => {
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '09:30'),
      patientId,
    });
    expect((await app.ok(world.desk, 'appointments.checkIn', { appointmentId })).checkedInAt).toBe(
      '2026-03-02T09:00:00.000Z',
    );
    const notTheirs = await app.call(world.otherDoctor.key, 'appointments.startConsultation', { appointmentId });
    expect(notTheirs.ok ? null : notTheirs.error.code).toBe('FORBIDDEN');
    await app.ok(world.doctor.key, 'appointments.startConsultation', { appointmentId });
    const done = await app.ok(world.doctor.key, 'appointments.complete', { appointmentId });
    expect(done.status).toBe('completed');
    const { history } = await app.ok(world.desk, 'appointments.get', { appointmentId });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.changedBy])).toEqual([
      [null, 'scheduled', 'Rosa Desk'],
      ['scheduled', 'checked_in', 'Rosa Desk'],
      ['checked_in', 'in_consultation', 'Dr Ama Mensah'],
      ['in_consultation', 'completed', 'Dr Ama Mensah'],
    ]);
  });

  it('refuses illegal moves with a clear message', async () => {
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:30'),
      patientId,
    });
    const early = await app.call(world.desk, 'appointments.checkIn', { appointmentId });
    expect(early.ok ? null : early.error.message).toBe(
      'Patients can be checked in only on the day of their appointment.',
    );
    const skip = await app.call(world.doctor.key, 'appointments.complete', { appointmentId });
    expect(skip.ok ? null : skip.error.message).toBe(
      'This appointment is scheduled, so it cannot be marked completed.',
    );
    const future = await app.call(world.desk, 'appointments.noShow', { appointmentId });
    expect(future.ok ? null : future.error.message).toMatch(/only after the appointment time/);
    const noReason = await app.call(world.desk, 'appointments.cancel', { appointmentId } as never);
    expect(noReason.ok ? null : noReason.error.fields).toHaveProperty('reason');
  });

  it('cancels with a reason, frees the slot and keeps the appointment in history; an admin can undo it', async () => {
    const slot = world.slot('2026-03-03', '09:30');
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', { availabilityId: slot, patientId });
    await app.ok(world.desk, 'appointments.cancel', { appointmentId, reason: 'Patient travelling' });
    expect(isBooked(slot)).toBe(0);
    const desk = await app.call(world.desk, 'appointments.undoLastStep', { appointmentId, reason: 'Wrong patient' });
    expect(desk.ok ? null : desk.error.code).toBe('FORBIDDEN');
    const undone = await app.ok(ADMIN_KEY, 'appointments.undoLastStep', {
      appointmentId,
      reason: 'Cancelled by mistake',
    });
    expect(undone.status).toBe('scheduled');
    expect(isBooked(slot)).toBe(1);
    const { history } = await app.ok(ADMIN_KEY, 'appointments.get', { appointmentId });
    expect(history.at(-1)).toMatchObject({
      fromStatus: 'cancelled',
      toStatus: 'scheduled',
      isUndo: true,
      reason: 'Cancelled by mistake',
    });
    const nothing = await app.call(ADMIN_KEY, 'appointments.undoLastStep', { appointmentId, reason: 'again' });
    expect(nothing.ok ? null : nothing.error.message).toMatch(/no step to undo/);
  });

  it('cannot undo a cancellation once the slot is booked for someone else', async () => {
    const slot = world.slot('2026-03-03', '09:30');
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', { availabilityId: slot, patientId });
    await app.ok(world.desk, 'appointments.cancel', { appointmentId, reason: 'Patient travelling' });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: slot,
      patientId: await world.patient('Kwame Mensah'),
    });
    const refused = await app.call(ADMIN_KEY, 'appointments.undoLastStep', { appointmentId, reason: 'x' });
    expect(refused.ok ? null : refused.error.code).toBe('SLOT_TAKEN');
  });
});

describe('reschedule', () => {
  it('moves to a new slot in one step, keeping the payment, and records the history', async () => {
    const from = world.slot('2026-03-03', '09:30');
    const to = world.slot('2026-03-05', '11:00', world.otherDoctor.userId);
    const booked = await app.ok(world.desk, 'appointments.book', { availabilityId: from, patientId });
    const moved = await app.ok(world.desk, 'appointments.reschedule', {
      appointmentId: booked.appointmentId,
      newAvailabilityId: to,
      reason: 'Patient asked for Thursday',
    });
    expect(moved).toMatchObject({
      appointmentId: booked.appointmentId,
      date: '2026-03-05',
      time: '11:00',
      doctorName: 'Dr Lena Berg',
      status: 'scheduled',
    });
    expect([isBooked(from), isBooked(to)]).toEqual([0, 1]);
    expect(
      app.core.database.raw
        .prepare('SELECT count(*) AS n FROM payments WHERE appointment_id = ?')
        .get(booked.appointmentId),
    ).toEqual({ n: 1 });
    const patient = await app.ok(world.desk, 'patients.get', { patientId });
    expect(patient.reschedules).toEqual([
      expect.objectContaining({
        appointmentId: booked.appointmentId,
        oldDate: '2026-03-03',
        oldTime: '09:30',
        newDate: '2026-03-05',
        newTime: '11:00',
        reason: 'Patient asked for Thursday',
        rescheduledBy: 'Rosa Desk',
      }),
    ]);
  });

  it('refuses the same slot, a taken slot and a missing reason, writing nothing', async () => {
    const from = world.slot('2026-03-03', '09:30');
    const taken = world.slot('2026-03-03', '10:00');
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', { availabilityId: from, patientId });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: taken,
      patientId: await world.patient('Kwame Mensah'),
    });
    const before = await tableCounts(app);
    const same = await app.call(world.desk, 'appointments.reschedule', {
      appointmentId,
      newAvailabilityId: from,
      reason: 'x',
    });
    expect(same.ok ? null : same.error.fields).toHaveProperty('newAvailabilityId');
    const onTaken = await app.call(world.desk, 'appointments.reschedule', {
      appointmentId,
      newAvailabilityId: taken,
      reason: 'x',
    });
    expect(onTaken.ok ? null : onTaken.error.code).toBe('SLOT_TAKEN');
    const noReason = await app.call(world.desk, 'appointments.reschedule', {
      appointmentId,
      newAvailabilityId: world.slot('2026-03-04', '09:00'),
      reason: '',
    });
    expect(noReason.ok ? null : noReason.error.fields).toHaveProperty('reason');
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('walk-ins and the board', () => {
  it('books the next free slot within the hour and checks the patient in at once', async () => {
    const walkIn = await app.ok(world.desk, 'appointments.walkIn', { patientId, doctorId: world.doctor.userId });
    expect(walkIn).toMatchObject({ date: '2026-03-02', time: '09:00', status: 'checked_in', isWalkIn: true });
  });

  it('creates a slot in the first gap when nothing is free soon, never overlapping', async () => {
    app.clock.advanceMinutes(12 * 60 - 9 * 60 + 5); // 12:05, after the morning session
    await app.ok(world.desk, 'auth.unlock', { password: 'staff-password-123' });
    const walkIn = await app.ok(world.desk, 'appointments.walkIn', { patientId, doctorId: world.doctor.userId });
    expect(walkIn).toMatchObject({ time: '12:05', endTime: '12:20', status: 'checked_in' });
    const second = await app.ok(world.desk, 'appointments.walkIn', {
      patientId: await world.patient('Kwame Mensah'),
      doctorId: world.doctor.userId,
    });
    expect(second).toMatchObject({ time: '12:20', endTime: '12:35' });
  });

  it('shows the day’s appointments of every doctor in time order', async () => {
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '10:00', world.otherDoctor.userId),
      patientId,
    });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '09:30'),
      patientId: await world.patient('Kwame Mensah'),
    });
    const board = await app.ok(world.doctor.key, 'appointments.board', {});
    expect(board.appointments.map((a) => `${a.time} ${a.doctorName} ${a.patientName}`)).toEqual([
      '09:30 Dr Ama Mensah Kwame Mensah',
      '10:00 Dr Lena Berg Maria Perera',
    ]);
  });

  it('tells every window when an appointment changes', async () => {
    const events: string[] = [];
    app.core.hub.subscribe('watcher', (name, payload) => events.push(`${name} ${JSON.stringify(payload)}`));
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '09:30'),
      patientId,
    });
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId });
    expect(events.filter((e) => e.startsWith('appointment.changed'))).toEqual([
      `appointment.changed {"appointmentId":${appointmentId},"doctorId":${world.doctor.userId},"date":"2026-03-02","status":"scheduled"}`,
      `appointment.changed {"appointmentId":${appointmentId},"doctorId":${world.doctor.userId},"date":"2026-03-02","status":"checked_in"}`,
    ]);
  });
});
