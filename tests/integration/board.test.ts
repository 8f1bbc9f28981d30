import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_PAGE_MAX } from '#contract/front-desk.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The flow board's read at a big clinic's size: pages of the day in time order with the whole
// day's counts, a doctor filter, a doctor's own rows first, reasons, and the likely no-show
// setting. Test clock: Monday 2026-03-02 09:00 in Europe/London; slots 09:00-12:00, 30 min.

const TODAY = '2026-03-02';
const TIMES = ['09:30', '10:00', '10:30', '11:00', '11:30'];

let app: TestApp;
let world: DeskWorld;
/** Appointment ids by "time doctor" ("10:00 Mensah"). */
const booked = new Map<string, number>();

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  booked.clear();
  let n = 0;
  for (const time of TIMES) {
    for (const [doctor, userId] of [
      ['Mensah', world.doctor.userId],
      ['Berg', world.otherDoctor.userId],
    ] as const) {
      const patientId = await world.patient(`Patient ${++n}`);
      const a = await app.ok(world.desk, 'appointments.book', {
        availabilityId: world.slot(TODAY, time, userId),
        patientId,
      });
      booked.set(`${time} ${doctor}`, a.appointmentId);
    }
  }
});
afterEach(async () => {
  await app.close();
});

const label = (a: { time: string; doctorName: string }) => `${a.time} ${a.doctorName.replace('Dr ', '')}`;

describe('the board read', () => {
  it('returns one page in time order with the whole day’s total, counts and doctors', async () => {
    const cancelled = booked.get('11:30 Berg') ?? 0;
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled, reason: 'The patient called.' });

    const first = await app.ok(world.desk, 'appointments.board', { offset: 0, limit: 4 });
    const second = await app.ok(world.desk, 'appointments.board', { offset: 4, limit: 4 });
    const last = await app.ok(world.desk, 'appointments.board', { offset: 8, limit: 4 });
    expect([...first.appointments, ...second.appointments, ...last.appointments].map(label)).toEqual([
      '09:30 Ama Mensah',
      '09:30 Lena Berg',
      '10:00 Ama Mensah',
      '10:00 Lena Berg',
      '10:30 Ama Mensah',
      '10:30 Lena Berg',
      '11:00 Ama Mensah',
      '11:00 Lena Berg',
      '11:30 Ama Mensah',
      '11:30 Lena Berg',
    ]);
    expect(first).toMatchObject({ date: TODAY, offset: 0, total: 10, likelyNoShowMinutes: 20 });
    expect(last).toMatchObject({ offset: 8, total: 10 });
    expect(first.statusCounts).toEqual({
      scheduled: 9,
      checked_in: 0,
      in_consultation: 0,
      completed: 0,
      cancelled: 1,
      no_show: 0,
    });
    expect(first.doctors).toEqual([
      { doctorId: world.doctor.userId, name: 'Dr Ama Mensah', count: 5 },
      { doctorId: world.otherDoctor.userId, name: 'Dr Lena Berg', count: 5 },
    ]);
    expect(last.appointments.find((a) => a.appointmentId === cancelled)).toMatchObject({
      status: 'cancelled',
      statusReason: 'The patient called.',
    });
    expect(first.appointments.every((a) => a.statusReason === null)).toBe(true);
  });

  it('filters by doctor, counting only theirs, and puts a doctor’s own rows first', async () => {
    const berg = await app.ok(world.desk, 'appointments.board', { doctorId: world.otherDoctor.userId });
    expect(berg.total).toBe(5);
    expect(berg.statusCounts.scheduled).toBe(5);
    expect(berg.appointments.map(label)).toEqual(TIMES.map((t) => `${t} Lena Berg`));
    expect(berg.doctors).toHaveLength(2);

    const asBerg = await app.ok(world.otherDoctor.key, 'appointments.board', { limit: 6 });
    expect(asBerg.appointments.map(label)).toEqual([...TIMES.map((t) => `${t} Lena Berg`), '09:30 Ama Mensah']);
    expect(asBerg.total).toBe(10);
  });

  it('refuses a page larger than the limit or starting below 0, naming the field', async () => {
    const tooBig = await app.call(world.desk, 'appointments.board', { limit: BOARD_PAGE_MAX + 1 });
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { limit: `The page size can be at most ${BOARD_PAGE_MAX} appointments.` } },
    });
    const negative = await app.call(world.desk, 'appointments.board', { offset: -1 });
    expect(negative).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { offset: 'The first appointment cannot be below 0.' } },
    });
    const fractional = await app.call(world.desk, 'appointments.board', { limit: 2.5 });
    expect(fractional).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { limit: expect.any(String) } },
    });
  });

  it('shows the reason of a cancellation made by a doctor’s leave', async () => {
    await app.ok(ADMIN_KEY, 'exceptions.addLeave', {
      doctorId: world.doctor.userId,
      startDate: TODAY,
      endDate: TODAY,
      reason: 'Conference',
      onBooked: 'cancel',
      cancelReason: 'The doctor is away at a conference.',
    });
    const board = await app.ok(world.desk, 'appointments.board', { doctorId: world.doctor.userId });
    expect(board.appointments.map((a) => [a.status, a.statusReason])).toEqual(
      TIMES.map(() => ['cancelled', 'The doctor is away at a conference.']),
    );
  });
});

describe('the likely no-show setting', () => {
  it('is saved by an admin and sent with the board; out-of-range values are refused, naming the field', async () => {
    const { updatedAt: _u, likelyNoShowMinutes: _l, ...settings } = await app.ok(ADMIN_KEY, 'settings.get', {});
    for (const [value, message] of [
      [0, 'The likely no-show time must be at least 1 minute.'],
      [481, 'The likely no-show time must be at most 480 minutes.'],
      [12.5, 'Enter whole minutes for the likely no-show time.'],
    ] as const) {
      const refused = await app.call(ADMIN_KEY, 'settings.update', { ...settings, likelyNoShowMinutes: value });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { likelyNoShowMinutes: message } },
      });
    }
    const saved = await app.ok(ADMIN_KEY, 'settings.update', { ...settings, likelyNoShowMinutes: 45 });
    expect(saved.likelyNoShowMinutes).toBe(45);
    expect((await app.ok(world.desk, 'appointments.board', {})).likelyNoShowMinutes).toBe(45);
    // Left out, it stays as it was.
    const { updatedAt: _u2, likelyNoShowMinutes: _l2, ...again } = saved;
    expect((await app.ok(ADMIN_KEY, 'settings.update', again)).likelyNoShowMinutes).toBe(45);
  });

  it('is refused by the database itself outside 1 to 480 minutes', async () => {
    const write = (minutes: number) =>
      app.core.database.db
        .updateTable('settings')
        .set({ likely_no_show_minutes: minutes })
        .where('id', '=', 1)
        .execute();
    await expect(write(0)).rejects.toThrow(/check/i);
    await expect(write(481)).rejects.toThrow(/check/i);
  });
});
