import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Test clock: Monday 2026-03-02 09:00 in Europe/London. Slots: weekdays 09:00-12:00, 30 min.
// The series: every week for 6 weeks from Tuesday 2026-03-03 at 10:00 with Dr Ama Mensah; the
// third date is taken by another patient and the doctor is on leave on the fourth.

let app: TestApp;
let world: DeskWorld;
let patientId: number;
let takenBy: number;

const weekly = () => ({
  patientId,
  firstSlotId: world.slot('2026-03-03', '10:00'),
  every: 1,
  unit: 'weeks' as const,
  count: 6,
});

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  patientId = await world.patient('Maria Perera');
  const other = await world.patient('Kwame Mensah');
  const taken = await app.ok(world.desk, 'appointments.book', {
    availabilityId: world.slot('2026-03-17', '10:00'),
    patientId: other,
  });
  takenBy = taken.appointmentId;
  await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
    doctorId: world.doctor.userId,
    startDate: '2026-03-24',
    endDate: '2026-03-24',
    reason: 'Conference',
  });
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

const raw = () => app.core.database.raw;
const seriesAppointments = () =>
  raw()
    .prepare(
      'SELECT appointment_id, appointment_date, appointment_time, status, series_id FROM appointments WHERE patient_id = ? ORDER BY appointment_date',
    )
    .all(patientId) as {
    appointment_id: number;
    appointment_date: string;
    appointment_time: string;
    status: string;
    series_id: number | null;
  }[];

describe('planning a series', () => {
  it('shows every date with its slot, and for each conflict why not and the next free alternatives, writing nothing', async () => {
    const before = await tableCounts(app);
    const plan = await app.ok(world.desk, 'appointments.planSeries', weekly());
    expect(plan).toMatchObject({ patientName: 'Maria Perera', doctorName: 'Dr Ama Mensah' });
    expect(plan.occurrences.map((o) => [o.index, o.date, o.time, o.status])).toEqual([
      [1, '2026-03-03', '10:00', 'free'],
      [2, '2026-03-10', '10:00', 'free'],
      [3, '2026-03-17', '10:00', 'taken'],
      [4, '2026-03-24', '10:00', 'on_leave'],
      [5, '2026-03-31', '10:00', 'free'],
      [6, '2026-04-07', '10:00', 'free'],
    ]);
    const [, , taken, leave] = plan.occurrences;
    expect(taken?.reason).toBe('That slot is already booked.');
    expect(taken?.availabilityId).toBeNull();
    expect(taken?.alternatives.map((a) => `${a.date} ${a.startTime}`)).toEqual([
      '2026-03-17 10:30',
      '2026-03-17 11:00',
      '2026-03-17 11:30',
    ]);
    expect(leave?.reason).toBe('Dr Ama Mensah is on leave then: Conference.');
    expect(leave?.alternatives.map((a) => `${a.date} ${a.startTime}`)).toEqual([
      '2026-03-25 09:00',
      '2026-03-25 09:30',
      '2026-03-25 10:00',
    ]);
    expect(plan.occurrences[0]?.availabilityId).toBe(world.slot('2026-03-03', '10:00'));
    expect(plan.occurrences[0]?.alternatives).toEqual([]);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('plans from a doctor, date and time, until a last day, and says when the doctor has no hours', async () => {
    const plan = await app.ok(world.desk, 'appointments.planSeries', {
      patientId,
      doctorId: world.doctor.userId,
      date: '2026-03-05',
      time: '09:30',
      every: 2,
      unit: 'days',
      until: '2026-03-11',
    });
    expect(plan.occurrences.map((o) => [o.date, o.status])).toEqual([
      ['2026-03-05', 'free'],
      ['2026-03-07', 'no_slot'],
      ['2026-03-09', 'free'],
      ['2026-03-11', 'free'],
    ]);
    expect(plan.occurrences[1]?.reason).toBe('Dr Ama Mensah has no hours at 09:30 that day.');
    expect(plan.occurrences[1]?.alternatives[0]).toMatchObject({ date: '2026-03-09', startTime: '09:00' });
  });
});

describe('booking a series', () => {
  it('all or none: refuses with the first conflict named and writes nothing', async () => {
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'appointments.bookSeries', { ...weekly(), mode: 'all_or_none' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Visit 3 on 2026-03-17 at 10:00 cannot be booked: .*Nothing was booked\.$/),
      fields: { 'occurrences.3': 'That slot is already booked.' },
    });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('skip conflicts: books the free dates in one series and records the skipped dates and the choice', async () => {
    const result = await app.ok(world.desk, 'appointments.bookSeries', { ...weekly(), mode: 'skip_conflicts' });
    expect(result.booked.map((b) => [b.index, b.date, b.time, b.status])).toEqual([
      [1, '2026-03-03', '10:00', 'scheduled'],
      [2, '2026-03-10', '10:00', 'scheduled'],
      [5, '2026-03-31', '10:00', 'scheduled'],
      [6, '2026-04-07', '10:00', 'scheduled'],
    ]);
    expect(result.skipped.map((s) => [s.index, s.date])).toEqual([
      [3, '2026-03-17'],
      [4, '2026-03-24'],
    ]);
    const rows = seriesAppointments();
    expect(rows.map((r) => r.series_id)).toEqual([result.seriesId, result.seriesId, result.seriesId, result.seriesId]);
    const series = raw()
      .prepare('SELECT mode, every, unit, occurrence_count, skipped_json, created_by FROM appointment_series')
      .all() as { mode: string; skipped_json: string; created_by: number }[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ mode: 'skip_conflicts', every: 1, unit: 'weeks', occurrence_count: 6 });
    expect(JSON.parse(series[0]?.skipped_json ?? '[]').map((s: { date: string }) => s.date)).toEqual([
      '2026-03-17',
      '2026-03-24',
    ]);
    const audit = raw().prepare("SELECT after_json FROM audit_log WHERE action = 'series.book'").get() as {
      after_json: string;
    };
    const after = JSON.parse(audit.after_json);
    expect(after.mode).toBe('skip_conflicts');
    expect(after.skipped.map((s: { index: number }) => s.index)).toEqual([3, 4]);
    const books = raw().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.book'").get();
    expect(books).toEqual({ n: 5 });
    // The other patient's visit is untouched.
    const other = raw().prepare('SELECT status, series_id FROM appointments WHERE appointment_id = ?').get(takenBy);
    expect(other).toEqual({ status: 'scheduled', series_id: null });
  });

  it('books a chosen alternative and leaves out a date the desk chose to skip', async () => {
    const plan = await app.ok(world.desk, 'appointments.planSeries', weekly());
    const alternative = plan.occurrences[2]?.alternatives[0]?.availabilityId ?? 0;
    const result = await app.ok(world.desk, 'appointments.bookSeries', {
      ...weekly(),
      mode: 'all_or_none',
      choices: [
        { index: 3, availabilityId: alternative },
        { index: 4, availabilityId: null },
      ],
    });
    expect(result.booked.map((b) => `${b.index} ${b.date} ${b.time}`)).toEqual([
      '1 2026-03-03 10:00',
      '2 2026-03-10 10:00',
      '3 2026-03-17 10:30',
      '5 2026-03-31 10:00',
      '6 2026-04-07 10:00',
    ]);
    expect(result.skipped).toEqual([{ index: 4, date: '2026-03-24', time: '10:00', reason: 'Left out at the desk.' }]);
  });

  it('checks again when booking: an alternative taken since the plan is refused (all or none) or skipped', async () => {
    const plan = await app.ok(world.desk, 'appointments.planSeries', weekly());
    const alternative = plan.occurrences[2]?.alternatives[0]?.availabilityId ?? 0;
    const someoneElse = await world.patient('Ana Lima');
    await app.ok(world.desk, 'appointments.book', { availabilityId: alternative, patientId: someoneElse });
    const choices = [
      { index: 3, availabilityId: alternative },
      { index: 4, availabilityId: null },
    ];
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'appointments.bookSeries', {
      ...weekly(),
      mode: 'all_or_none',
      choices,
    });
    expect(refused.ok ? null : refused.error.message).toMatch(/^Visit 3 on 2026-03-17 at 10:30 cannot be booked/);
    expect(await tableCounts(app)).toEqual(before);
    const skipped = await app.ok(world.desk, 'appointments.bookSeries', {
      ...weekly(),
      mode: 'skip_conflicts',
      choices,
    });
    expect(skipped.booked.map((b) => b.index)).toEqual([1, 2, 5, 6]);
    expect(skipped.skipped.map((s) => s.index)).toEqual([3, 4]);
  });

  it('books every visit as a long appointment type; a date whose joined time is taken is skipped or refuses all', async () => {
    const type = await app.ok(ADMIN_KEY, 'types.create', {
      name: 'Long consultation',
      minutes: 60,
      colour: '#2f7d4a',
      defaultFee: null,
      needsResourceKind: null,
      active: true,
      doctorIds: [world.doctor.userId],
    });
    // The second date's 10:00 slot is free, but the half hour after it is not.
    const other = await world.patient('Ana Lima');
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-10', '10:30'),
      patientId: other,
    });
    const rule = { ...weekly(), count: 2, appointmentTypeId: type.appointmentTypeId };
    const before = await tableCounts(app);
    const refused = await app.call(world.desk, 'appointments.bookSeries', { ...rule, mode: 'all_or_none' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^Visit 2 on 2026-03-10 at 10:00 cannot be booked: .*60 minutes.*Nothing was booked\.$/,
      ),
    });
    expect(await tableCounts(app)).toEqual(before);
    const result = await app.ok(world.desk, 'appointments.bookSeries', { ...rule, mode: 'skip_conflicts' });
    expect(result.booked.map((b) => [b.index, b.date, b.time, b.endTime])).toEqual([
      [1, '2026-03-03', '10:00', '11:00'],
    ]);
    expect(result.skipped).toEqual([
      { index: 2, date: '2026-03-10', time: '10:00', reason: expect.stringMatching(/60 minutes/) },
    ]);
    const typed = raw().prepare('SELECT appointment_type_id FROM appointments WHERE patient_id = ?').all(patientId) as {
      appointment_type_id: number;
    }[];
    expect(typed).toEqual([{ appointment_type_id: type.appointmentTypeId }]);
  });

  it('refuses a chosen slot of another doctor and a doctor cannot book a series', async () => {
    const otherDoctorsSlot = world.slot('2026-03-17', '10:00', world.otherDoctor.userId);
    const wrong = await app.call(world.desk, 'appointments.bookSeries', {
      ...weekly(),
      mode: 'skip_conflicts',
      choices: [{ index: 3, availabilityId: otherDoctorsSlot }],
    });
    expect(wrong.ok ? null : wrong.error.fields).toEqual({
      'choices.0.availabilityId': 'Choose another slot with Dr Ama Mensah for visit 3.',
    });
    const doctor = await app.call(world.doctor.key, 'appointments.bookSeries', { ...weekly(), mode: 'skip_conflicts' });
    expect(doctor.ok ? null : doctor.error.code).toBe('FORBIDDEN');
  });
});

describe('cancelling a series', () => {
  it('cancels this and the following visits, freeing their slots, and leaves earlier ones', async () => {
    const { booked, seriesId } = await app.ok(world.desk, 'appointments.bookSeries', {
      ...weekly(),
      mode: 'skip_conflicts',
    });
    const second = booked[1]?.appointmentId ?? 0;
    expect(await app.ok(world.desk, 'appointments.seriesOf', { appointmentId: second })).toEqual({
      seriesId,
      openFromHere: 3,
      openTotal: 4,
    });
    const cancelled = await app.ok(world.desk, 'appointments.cancelSeries', {
      appointmentId: second,
      scope: 'this_and_following',
      reason: 'Treatment finished early',
    });
    expect(cancelled.map((a) => [a.date, a.status])).toEqual([
      ['2026-03-10', 'cancelled'],
      ['2026-03-31', 'cancelled'],
      ['2026-04-07', 'cancelled'],
    ]);
    expect(seriesAppointments().map((r) => r.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    const reasons = raw()
      .prepare("SELECT DISTINCT reason FROM appointment_status_history WHERE to_status = 'cancelled'")
      .all();
    expect(reasons).toEqual([{ reason: 'Treatment finished early' }]);
    const payments = raw()
      .prepare(
        "SELECT count(*) AS n FROM payments p JOIN appointments a USING (appointment_id) WHERE a.status = 'cancelled' AND p.payment_status = 'void'",
      )
      .get();
    expect(payments).toEqual({ n: 3 });
    expect(await app.ok(world.desk, 'appointments.seriesOf', { appointmentId: booked[0]?.appointmentId ?? 0 })).toEqual(
      { seriesId, openFromHere: 1, openTotal: 1 },
    );
  });

  it('cancels only this visit through the single cancel, and refuses "this and following" outside a series', async () => {
    const { booked } = await app.ok(world.desk, 'appointments.bookSeries', { ...weekly(), mode: 'skip_conflicts' });
    const only = await app.ok(world.desk, 'appointments.cancelSeries', {
      appointmentId: booked[0]?.appointmentId ?? 0,
      scope: 'only_this',
      reason: 'Away that week',
    });
    expect(only.map((a) => a.status)).toEqual(['cancelled']);
    expect(seriesAppointments().map((r) => r.status)).toEqual(['cancelled', 'scheduled', 'scheduled', 'scheduled']);
    const outside = await app.call(world.desk, 'appointments.cancelSeries', {
      appointmentId: takenBy,
      scope: 'this_and_following',
      reason: 'Mistake',
    });
    expect(outside.ok ? null : outside.error.fields).toEqual({
      appointmentId: 'This appointment is not part of a series.',
    });
    expect(await app.ok(world.desk, 'appointments.seriesOf', { appointmentId: takenBy })).toBeNull();
  });
});

describe('bad input names the field', () => {
  const cases = [
    ['count 0', { count: 0 }, 'count', 'A series needs at least 2 visits.'],
    ['more than 52 visits', { count: 53 }, 'count', 'A series can have at most 52 visits.'],
    ['every 0 weeks', { every: 0 }, 'every', 'Repeat at least every 1 day or week.'],
    ['every 60 weeks', { every: 60 }, 'every', 'Repeat at most every 52 weeks.'],
    ['neither count nor until', { count: undefined }, 'count', 'Give the number of visits or the last day.'],
    [
      'both count and until',
      { until: '2026-05-01' },
      'until',
      'Give either the number of visits or the last day, not both.',
    ],
  ] as const;
  for (const [name, change, field, message] of cases) {
    it(name, async () => {
      const result = await app.call(world.desk, 'appointments.planSeries', { ...weekly(), ...change });
      expect(result.ok ? null : result.error).toMatchObject({ code: 'VALIDATION', fields: { [field]: message } });
    });
  }

  it('until before the first visit, or so far that it makes more than 52 visits', async () => {
    const rule = { patientId, doctorId: world.doctor.userId, date: '2026-03-03', time: '10:00', every: 1 };
    const before = await app.call(world.desk, 'appointments.planSeries', {
      ...rule,
      unit: 'weeks',
      until: '2026-03-01',
    });
    expect(before.ok ? null : before.error.fields).toEqual({
      until: 'The last day must be on or after the first visit.',
    });
    const fromSlot = await app.call(world.desk, 'appointments.planSeries', {
      patientId,
      firstSlotId: world.slot('2026-03-03', '10:00'),
      every: 1,
      unit: 'weeks',
      until: '2026-03-02',
    });
    expect(fromSlot.ok ? null : fromSlot.error.fields).toEqual({
      until: 'The last day must be on or after the first visit.',
    });
    const tooMany = await app.call(world.desk, 'appointments.planSeries', {
      ...rule,
      unit: 'days',
      until: '2026-06-30',
    });
    expect(tooMany.ok ? null : tooMany.error.fields).toEqual({
      until: 'A series can have at most 52 visits: choose an earlier last day.',
    });
  });

  it('names a missing first slot, an unknown patient and an unknown slot', async () => {
    const noStart = await app.call(world.desk, 'appointments.planSeries', {
      patientId,
      every: 1,
      unit: 'weeks',
      count: 3,
    });
    expect(noStart.ok ? null : Object.keys(noStart.error.fields ?? {}).sort()).toEqual(['date', 'doctorId', 'time']);
    const noPatient = await app.call(world.desk, 'appointments.planSeries', { ...weekly(), patientId: 99999 });
    expect(noPatient.ok ? null : noPatient.error.fields).toEqual({ patientId: 'Choose a registered patient.' });
    const noSlot = await app.call(world.desk, 'appointments.planSeries', { ...weekly(), firstSlotId: 99999 });
    expect(noSlot.ok ? null : noSlot.error.fields).toEqual({ firstSlotId: 'Choose a slot from the calendar.' });
  });
});
