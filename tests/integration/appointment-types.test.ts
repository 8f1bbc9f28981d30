import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentTypeFields } from '#contract/appointment-types.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, tableCounts, type TestApp } from '../support/test-app.ts';

// Appointment types and rooms through the real dispatcher. Test clock: Monday 2026-03-02 09:00
// in Europe/London. Two doctors with 15-minute slots on weekdays 09:00-12:00 (besides the desk
// world's two 30-minute doctors), one ultrasound machine and one consultation room.

const run = promisify(execFile);
const worker = resolve(import.meta.dirname, '..', 'support', 'booking-worker.ts');

let app: TestApp;
let world: DeskWorld;
let short: { key: string; userId: number };
let shortToo: { key: string; userId: number };
let patientId: number;
let ultrasoundId: number;
let roomId: number;

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  short = await signInNew(app, 'doctor', 'Dr Sunita Rao');
  shortToo = await signInNew(app, 'doctor', 'Dr Tomas Vik');
  for (const doctor of [short, shortToo]) {
    await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId: doctor.userId,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '12:00',
      slotMinutes: 15,
      validFrom: '2026-03-02',
    });
  }
  patientId = await world.patient('Maria Perera');
  ultrasoundId = (
    await app.ok(ADMIN_KEY, 'resources.create', { name: 'Ultrasound 1', kind: 'ultrasound', active: true })
  ).resourceId;
  roomId = (await app.ok(ADMIN_KEY, 'resources.create', { name: 'Room A', kind: 'room', active: true })).resourceId;
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

const typeFields = (overrides: Partial<AppointmentTypeFields> = {}): AppointmentTypeFields => ({
  name: 'Long consultation',
  minutes: 45,
  colour: '#2F7D4A',
  defaultFee: 55,
  needsResourceKind: null,
  active: true,
  doctorIds: [short.userId, shortToo.userId],
  ...overrides,
});

const raw = () => app.core.database.raw;
const slotRows = (doctorId: number, date = '2026-03-03') =>
  raw()
    .prepare(
      'SELECT availability_id, start_time, end_time, is_booked, base_minutes FROM doctor_availability WHERE doctor_id = ? AND available_date = ? ORDER BY start_time',
    )
    .all(doctorId, date) as {
    availability_id: number;
    start_time: string;
    end_time: string;
    is_booked: number;
    base_minutes: number | null;
  }[];
const errorOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }) =>
  result.ok ? null : result.error;

describe('appointment types and resources', () => {
  it('are created, listed, changed and retired by admins only, audited, with field-named refusals', async () => {
    const created = await app.ok(ADMIN_KEY, 'types.create', typeFields());
    expect(created).toMatchObject({ name: 'Long consultation', minutes: 45, colour: '#2f7d4a', defaultFee: 55 });
    expect(created.doctorIds.sort()).toEqual([short.userId, shortToo.userId].sort());
    const forbidden = await app.call(world.desk, 'types.create', typeFields({ name: 'Other' }));
    expect(errorOf(forbidden)).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      errorOf(await app.call(world.desk, 'resources.create', { name: 'X', kind: 'room', active: true })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const duplicate = await app.call(ADMIN_KEY, 'types.create', typeFields({ name: 'long CONSULTATION' }));
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', fields: { name: expect.any(String) } });
    const badColour = await app.call(ADMIN_KEY, 'types.create', typeFields({ name: 'B', colour: 'green' }));
    expect(errorOf(badColour)).toMatchObject({ code: 'VALIDATION', fields: { colour: expect.any(String) } });
    const noDoctor = await app.call(ADMIN_KEY, 'types.create', typeFields({ name: 'C', doctorIds: [] }));
    expect(errorOf(noDoctor)).toMatchObject({ code: 'VALIDATION', fields: { doctorIds: expect.any(String) } });
    const notDoctor = await app.call(ADMIN_KEY, 'types.create', typeFields({ name: 'D', doctorIds: [patientId] }));
    expect(errorOf(notDoctor)).toMatchObject({ code: 'VALIDATION', fields: { doctorIds: expect.any(String) } });

    const retired = await app.ok(ADMIN_KEY, 'types.update', {
      ...typeFields({ active: false, minutes: 60 }),
      appointmentTypeId: created.appointmentTypeId,
    });
    expect(retired).toMatchObject({ active: false, minutes: 60 });
    expect(await app.ok(world.doctor.key, 'types.list', {})).toEqual([]);
    expect(await app.ok(world.desk, 'types.list', { includeInactive: true })).toHaveLength(1);
    const resources = await app.ok(world.desk, 'resources.list', {});
    expect(resources.map((r) => r.name)).toEqual(['Room A', 'Ultrasound 1']);
    await app.ok(ADMIN_KEY, 'resources.update', { resourceId: roomId, name: 'Room B', kind: 'Room', active: false });
    expect((await app.ok(world.desk, 'resources.list', {})).map((r) => r.name)).toEqual(['Ultrasound 1']);
    const audit = raw()
      .prepare(
        "SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'appointment_type.%' OR action LIKE 'resource.%' GROUP BY action ORDER BY action",
      )
      .all();
    expect(audit).toEqual([
      { action: 'appointment_type.create', n: 1 },
      { action: 'appointment_type.update', n: 1 },
      { action: 'resource.create', n: 2 },
      { action: 'resource.update', n: 1 },
    ]);
  });

  it('books a 45-minute type as one slot joined from three 15-minute slots, at the type’s fee; cancelling gives three back', async () => {
    const type = await app.ok(ADMIN_KEY, 'types.create', typeFields());
    const first = world.slot('2026-03-03', '10:00', short.userId);
    const booked = await app.ok(world.desk, 'appointments.book', {
      availabilityId: first,
      patientId,
      appointmentTypeId: type.appointmentTypeId,
    });
    expect(booked).toMatchObject({
      availabilityId: first,
      time: '10:00',
      endTime: '10:45',
      typeName: 'Long consultation',
      typeColour: '#2f7d4a',
    });
    const around = slotRows(short.userId).filter((s) => s.start_time >= '09:45' && s.start_time < '11:00');
    expect(around.map((s) => [s.start_time, s.end_time, s.is_booked, s.base_minutes])).toEqual([
      ['09:45', '10:00', 0, null],
      ['10:00', '10:45', 1, 15],
      ['10:45', '11:00', 0, null],
    ]);
    const payment = raw().prepare('SELECT amount FROM payments WHERE appointment_id = ?').get(booked.appointmentId);
    expect(payment).toEqual({ amount: 55 });
    const read = await app.ok(world.desk, 'appointments.get', { appointmentId: booked.appointmentId });
    expect(read).toMatchObject({ endTime: '10:45', typeName: 'Long consultation' });

    await app.ok(world.desk, 'appointments.cancel', { appointmentId: booked.appointmentId, reason: 'Feeling better' });
    const after = slotRows(short.userId).filter((s) => s.start_time >= '10:00' && s.start_time < '10:45');
    expect(after.map((s) => [s.start_time, s.end_time, s.is_booked, s.base_minutes])).toEqual([
      ['10:00', '10:15', 0, null],
      ['10:15', '10:30', 0, null],
      ['10:30', '10:45', 0, null],
    ]);
    expect(after[0]?.availability_id).toBe(first);
    // The freed time can be booked again, one 15-minute slot at a time.
    const other = await world.patient('Kwame Mensah');
    const again = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:15', short.userId),
      patientId: other,
    });
    expect(again).toMatchObject({ time: '10:15', endTime: '10:30', typeName: null });
  });

  it('refuses with the field named and writes nothing: no room for the length, a doctor who does not offer it, a busy room', async () => {
    const type = await app.ok(ADMIN_KEY, 'types.create', typeFields({ doctorIds: [short.userId] }));
    const scan = await app.ok(
      ADMIN_KEY,
      'types.create',
      typeFields({ name: 'Ultrasound', minutes: 30, needsResourceKind: 'ultrasound', defaultFee: null }),
    );
    const other = await world.patient('Kwame Mensah');
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:30', short.userId),
      patientId: other,
    });
    const before = await tableCounts(app);
    const tooLong = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:00', short.userId),
      patientId,
      appointmentTypeId: type.appointmentTypeId,
    });
    expect(errorOf(tooLong)).toMatchObject({
      code: 'SLOT_TAKEN',
      message: expect.stringMatching(/needs 45 minutes from 10:00, but 10:30 is already booked/),
      fields: { availabilityId: expect.any(String) },
    });
    const notOffered = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:00', shortToo.userId),
      patientId,
      appointmentTypeId: type.appointmentTypeId,
    });
    expect(errorOf(notOffered)).toMatchObject({
      code: 'VALIDATION',
      message: 'Dr Tomas Vik does not offer Long consultation. Choose another type or doctor.',
      fields: { appointmentTypeId: expect.any(String) },
    });
    const endOfDay = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '11:30', short.userId),
      patientId,
      appointmentTypeId: type.appointmentTypeId,
    });
    expect(errorOf(endOfDay)).toMatchObject({ code: 'SLOT_TAKEN', fields: { availabilityId: expect.any(String) } });
    expect(await tableCounts(app)).toEqual(before);

    // The only ultrasound is taken 09:00-09:30 by Dr Rao: Dr Vik cannot have it at 09:15.
    const scanned = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:00', short.userId),
      patientId,
      appointmentTypeId: scan.appointmentTypeId,
    });
    expect(scanned).toMatchObject({ resourceId: ultrasoundId, resourceName: 'Ultrasound 1', endTime: '09:30' });
    const busy = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:15', shortToo.userId),
      patientId: other,
      appointmentTypeId: scan.appointmentTypeId,
    });
    expect(errorOf(busy)).toMatchObject({
      code: 'SLOT_TAKEN',
      message: expect.stringMatching(/No ultrasound is free at 09:15–09:45/),
      fields: { resourceId: expect.any(String) },
    });
    const wrongKind = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:00', shortToo.userId),
      patientId: other,
      appointmentTypeId: scan.appointmentTypeId,
      resourceId: roomId,
    });
    expect(errorOf(wrongKind)).toMatchObject({ code: 'VALIDATION', fields: { resourceId: expect.any(String) } });
    // The desk's own choice of room, with no type: held, and refused to a second booking then.
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '11:00', short.userId),
      patientId,
      resourceId: roomId,
    });
    const roomTaken = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '11:00', shortToo.userId),
      patientId: other,
      resourceId: roomId,
    });
    expect(errorOf(roomTaken)).toMatchObject({
      code: 'SLOT_TAKEN',
      message: expect.stringMatching(/Room A is busy at 11:00–11:15/),
      fields: { resourceId: expect.any(String) },
    });
    const free = await app.ok(world.desk, 'resources.freeFor', {
      availabilityId: world.slot('2026-03-03', '09:15', shortToo.userId),
      appointmentTypeId: scan.appointmentTypeId,
    });
    expect(free).toEqual([]);
  });

  it('the database itself refuses a resource in two overlapping bookings', async () => {
    const scan = await app.ok(
      ADMIN_KEY,
      'types.create',
      typeFields({ name: 'Ultrasound', minutes: 30, needsResourceKind: 'ultrasound' }),
    );
    const booked = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:00', short.userId),
      patientId,
      appointmentTypeId: scan.appointmentTypeId,
    });
    const other = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '10:00', shortToo.userId),
      patientId: await world.patient('Kwame Mensah'),
    });
    expect(() =>
      raw()
        .prepare(
          "INSERT INTO resource_bookings (appointment_id, resource_id, booking_date, start_time, end_time) VALUES (?, ?, '2026-03-03', '09:15', '09:45')",
        )
        .run(other.appointmentId, ultrasoundId),
    ).toThrow(/overlap/);
    expect(booked.resourceId).toBe(ultrasoundId);
  });

  it('moves a long appointment with its room, splitting the old time and joining the new; an undone cancellation takes it back', async () => {
    const scan = await app.ok(
      ADMIN_KEY,
      'types.create',
      typeFields({ name: 'Ultrasound', minutes: 30, needsResourceKind: 'ultrasound' }),
    );
    const booked = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '09:00', short.userId),
      patientId,
      appointmentTypeId: scan.appointmentTypeId,
    });
    const moved = await app.ok(world.desk, 'appointments.reschedule', {
      appointmentId: booked.appointmentId,
      newAvailabilityId: world.slot('2026-03-03', '11:00', short.userId),
      reason: 'Patient asked',
    });
    expect(moved).toMatchObject({ time: '11:00', endTime: '11:30', resourceName: 'Ultrasound 1' });
    const morning = slotRows(short.userId).filter((s) => s.start_time < '09:30');
    expect(morning.map((s) => [s.start_time, s.end_time, s.is_booked])).toEqual([
      ['09:00', '09:15', 0],
      ['09:15', '09:30', 0],
    ]);
    const held = raw()
      .prepare('SELECT start_time, end_time FROM resource_bookings WHERE appointment_id = ?')
      .all(booked.appointmentId);
    expect(held).toEqual([{ start_time: '11:00', end_time: '11:30' }]);

    await app.ok(world.desk, 'appointments.cancel', { appointmentId: booked.appointmentId, reason: 'Unwell' });
    expect(raw().prepare('SELECT count(*) AS n FROM resource_bookings').get()).toEqual({ n: 0 });
    await app.ok(ADMIN_KEY, 'appointments.undoLastStep', {
      appointmentId: booked.appointmentId,
      reason: 'Wrong patient',
    });
    const back = await app.ok(world.desk, 'appointments.get', { appointmentId: booked.appointmentId });
    expect(back).toMatchObject({ status: 'scheduled', time: '11:00', endTime: '11:30', resourceName: 'Ultrasound 1' });
  });
});

describe('booking a long type with a room under contention', () => {
  it('eight processes race for the same joined window and the same room: exactly one wins', async () => {
    const scan = await app.ok(
      ADMIN_KEY,
      'types.create',
      typeFields({ name: 'Ultrasound', minutes: 45, needsResourceKind: 'ultrasound' }),
    );
    const deskUser = app.core.sessions.get(world.desk);
    if (!deskUser) throw new Error('no desk session');
    // The workers use the real clock: both doctors' Wednesday slots move to a future date.
    const starts = [short, shortToo].map((d) =>
      slotsOf(app, d.userId, '2026-03-04').find((s) => s.start_time === '10:00'),
    );
    const ids = [short, shortToo].flatMap((d) => slotsOf(app, d.userId, '2026-03-04').map((s) => s.availability_id));
    raw()
      .prepare(
        `UPDATE doctor_availability SET available_date = '2099-03-04' WHERE availability_id IN (${ids.join(',')})`,
      )
      .run();
    const patients = await Promise.all(Array.from({ length: 8 }, (_, i) => world.patient(`Contender ${i + 1}`)));
    const startAt = Date.now() + 1500;
    const extra = JSON.stringify({ appointmentTypeId: scan.appointmentTypeId });
    const outcomes = await Promise.all(
      patients.map((id, i) =>
        run(
          process.execPath,
          // Half race for Dr Rao's 10:00-10:45, half for Dr Vik's: one ultrasound for both.
          [
            worker,
            app.dbFile,
            String(deskUser.userId),
            String(id),
            String(starts[i % 2]?.availability_id),
            String(startAt),
            extra,
          ],
          { timeout: 60_000 },
        ).then((r) => (JSON.parse(r.stdout) as string[])[0]),
      ),
    );
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'SLOT_TAKEN')).toEqual([]);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    const live = raw()
      .prepare(
        "SELECT a.appointment_id, s.start_time, s.end_time FROM appointments a JOIN doctor_availability s ON s.availability_id = a.availability_id WHERE a.status NOT IN ('cancelled', 'no_show')",
      )
      .all();
    expect(live).toEqual([{ appointment_id: expect.any(Number), start_time: '10:00', end_time: '10:45' }]);
    expect(raw().prepare('SELECT resource_id, start_time, end_time FROM resource_bookings').all()).toEqual([
      { resource_id: ultrasoundId, start_time: '10:00', end_time: '10:45' },
    ]);
    // Eight app processes starting at once on two shared cores: more than the default 30 s.
  }, 120_000);

  it('offers only the starts where a long type fits, and the booking of one of them joins the slots', async () => {
    const slotAt = (time: string) => slotRows(short.userId).find((r) => r.start_time === time)?.availability_id ?? 0;
    // 09:30 is taken: from 09:00 only 30 minutes are free, from 09:45 the rest of the morning.
    await app.ok(world.desk, 'appointments.book', { availabilityId: slotAt('09:30'), patientId });
    const starts = async (minutes?: number) =>
      (
        await app.ok(world.desk, 'schedule.nextFree', {
          doctorId: short.userId,
          fromDate: '2026-03-03',
          limit: 4,
          ...(minutes === undefined ? {} : { minutes }),
        })
      ).map((s) => s.startTime);
    expect(await starts()).toEqual(['09:00', '09:15', '09:45', '10:00']);
    expect(await starts(45)).toEqual(['09:45', '10:00', '10:15', '10:30']);
    expect(await starts(30)).toEqual(['09:00', '09:45', '10:00', '10:15']);
    const long = await app.ok(ADMIN_KEY, 'types.create', typeFields());
    const booked = await app.ok(world.desk, 'appointments.book', {
      availabilityId: slotAt('09:45'),
      patientId,
      appointmentTypeId: long.appointmentTypeId,
    });
    expect(booked.endTime).toBe('10:30');
    expect(await starts(45)).toEqual(['10:30', '10:45', '11:00', '11:15']);
    expect(
      errorOf(await app.call(world.desk, 'schedule.nextFree', { doctorId: short.userId, minutes: 2 })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { minutes: expect.any(String) },
    });
  });
});
