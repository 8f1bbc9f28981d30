import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The confirmation call list through the real dispatcher. Test clock: Monday 2026-03-02 09:00 in
// Europe/London, so "tomorrow" is Tuesday 2026-03-03. Slots: weekdays 09:00-12:00, 30 min.

const TOMORROW = '2026-03-03';

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

async function book(name: string, time: string, doctorId = world.doctor.userId, phone?: string) {
  const patientId = await world.patient(name, phone);
  const booked = await app.ok(world.desk, 'appointments.book', {
    availabilityId: world.slot(TOMORROW, time, doctorId),
    patientId,
  });
  return booked.appointmentId;
}

describe('call list', () => {
  it('lists tomorrow’s appointments in time order with phone numbers, without those cancelled before any call', async () => {
    const late = await book('Kofi Boateng', '11:00', world.doctor.userId, '+44 7700 900111');
    const early = await book('Maria Perera', '09:00', world.otherDoctor.userId, '07700 900222');
    const gone = await book('Sam Gone', '10:00');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: gone, reason: 'Moved away' });
    await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-04', '09:00'),
      patientId: await world.patient('Other Day'),
    });

    const list = await app.ok(world.desk, 'calls.day', {});
    expect(list).toMatchObject({ date: TOMORROW, doctorId: null, called: 0 });
    expect(list.entries.map((e) => [e.appointmentId, e.time, e.patientName, e.phone, e.mark, e.calls])).toEqual([
      [early, '09:00', 'Maria Perera', '07700900222', null, 0],
      [late, '11:00', 'Kofi Boateng', '+447700900111', null, 0],
    ]);
    const one = await app.ok(world.desk, 'calls.day', { date: TOMORROW, doctorId: world.otherDoctor.userId });
    expect(one.entries.map((e) => e.appointmentId)).toEqual([early]);
  });

  it('keeps every mark with who and when; the latest is the current mark, on the list and the board', async () => {
    const appointmentId = await book('Maria Perera', '09:30');
    const first = await app.ok(world.desk, 'calls.mark', { appointmentId, outcome: 'no_answer' });
    expect(first.mark).toEqual({
      outcome: 'no_answer',
      note: null,
      markedBy: 'Rosa Desk',
      markedAt: '2026-03-02T09:00:00.000Z',
    });
    app.clock.advanceMinutes(4);
    const second = await app.ok(ADMIN_KEY, 'calls.mark', { appointmentId, outcome: 'confirmed', note: 'Will come' });
    expect(second).toMatchObject({
      calls: 2,
      mark: { outcome: 'confirmed', note: 'Will come', markedAt: '2026-03-02T09:04:00.000Z' },
    });
    expect(second.mark?.markedBy).not.toBe('Rosa Desk');

    const history = await app.ok(world.desk, 'calls.history', { appointmentId });
    expect(history.map((m) => [m.outcome, m.markedAt])).toEqual([
      ['confirmed', '2026-03-02T09:04:00.000Z'],
      ['no_answer', '2026-03-02T09:00:00.000Z'],
    ]);
    const list = await app.ok(world.desk, 'calls.day', { date: TOMORROW });
    expect(list.called).toBe(1);
    const board = await app.ok(world.desk, 'appointments.board', { date: TOMORROW });
    expect(board.appointments.map((a) => [a.appointmentId, a.callMark])).toEqual([[appointmentId, 'confirmed']]);
    const audits = app.core.database.raw
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.call_mark' AND entity_id = ?")
      .get(String(appointmentId)) as { n: number };
    expect(Number(audits.n)).toBe(2);
  });

  it('"cancelled" needs a reason and cancels through the desk’s cancel step: slot freed, reason in the status history', async () => {
    const appointmentId = await book('Maria Perera', '10:30');
    const noReason = await app.call(world.desk, 'calls.mark', { appointmentId, outcome: 'cancelled' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { note: 'Enter the reason for cancelling.' } },
    });

    const entry = await app.ok(world.desk, 'calls.mark', {
      appointmentId,
      outcome: 'cancelled',
      note: 'Feeling better',
    });
    expect(entry).toMatchObject({
      status: 'cancelled',
      calls: 1,
      mark: { outcome: 'cancelled', note: 'Feeling better' },
    });
    const slot = app.core.database.raw
      .prepare('SELECT is_booked FROM doctor_availability WHERE availability_id = ?')
      .get(world.slot(TOMORROW, '10:30')) as { is_booked: number };
    expect(Number(slot.is_booked)).toBe(0);
    const page = await app.ok(world.desk, 'appointments.get', { appointmentId });
    expect(page.history.at(-1)).toMatchObject({ toStatus: 'cancelled', reason: 'Feeling better' });
    // Still on the list (it was called), and a cancelled appointment takes no further marks.
    const list = await app.ok(world.desk, 'calls.day', {});
    expect(list.entries.map((e) => [e.appointmentId, e.status])).toEqual([[appointmentId, 'cancelled']]);
    const again = await app.call(world.desk, 'calls.mark', { appointmentId, outcome: 'confirmed' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { appointmentId: expect.any(String) } },
    });
    expect(await app.ok(world.desk, 'calls.history', { appointmentId })).toHaveLength(1);
  });

  it('lets a doctor read only their own list and history, and never mark', async () => {
    const own = await book('Own Patient', '09:00');
    const other = await book('Other Patient', '09:00', world.otherDoctor.userId);
    const mine = await app.ok(world.doctor.key, 'calls.day', {});
    expect(mine).toMatchObject({ doctorId: world.doctor.userId });
    expect(mine.entries.map((e) => e.appointmentId)).toEqual([own]);
    const theirs = await app.call(world.doctor.key, 'calls.day', { doctorId: world.otherDoctor.userId });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { doctorId: expect.any(String) } } });
    const history = await app.call(world.doctor.key, 'calls.history', { appointmentId: other });
    expect(history).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const mark = await app.call(world.doctor.key, 'calls.mark', { appointmentId: own, outcome: 'confirmed' });
    expect(mark).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const csv = await app.ok(world.doctor.key, 'calls.csv', {});
    expect(csv.content).toContain('Own Patient');
    expect(csv.content).not.toContain('Other Patient');
  });

  it('names the field of bad input and refuses an unknown appointment', async () => {
    const badDate = await app.call(world.desk, 'calls.day', { date: '2026-02-30' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { date: expect.any(String) } } });
    const badOutcome = await app.call(world.desk, 'calls.mark', {
      appointmentId: 1,
      outcome: 'maybe' as 'confirmed',
    });
    expect(badOutcome).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { outcome: expect.any(String) } },
    });
    const missing = await app.call(world.desk, 'calls.mark', { appointmentId: 999_999, outcome: 'confirmed' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exports the list as CSV: phones kept, a formula-looking name made harmless, marks in words, audited', async () => {
    const risky = await book('=HYPERLINK("http://evil.example","x")', '09:00', world.doctor.userId, '+44 7700 900333');
    await book('Zoë Ñúñez, "Jr"', '09:30');
    await app.ok(world.desk, 'calls.mark', { appointmentId: risky, outcome: 'left_message', note: '@SUM(1)' });
    const file = await app.ok(world.desk, 'calls.csv', { bom: true });
    expect(file).toMatchObject({ fileName: `call-list-${TOMORROW}.csv`, mimeType: 'text/csv;charset=utf-8' });
    const lines = file.content
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Date,Time,Doctor,Patient,Patient number,Phone,Status,Call,Note,Called by,Called at');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).toContain(',+447700900333,scheduled,Left message,');
    expect(lines[1]).toContain(`'@SUM(1)`);
    expect(lines[1]).toMatch(/,Rosa Desk,2026-03-02 09:00$/);
    expect(lines[2]).toContain('"Zoë Ñúñez, ""Jr"""');
    const audit = app.core.database.raw
      .prepare("SELECT after_json FROM audit_log WHERE action = 'export.call_list_csv'")
      .get() as { after_json: string };
    expect(JSON.parse(audit.after_json)).toMatchObject({ date: TOMORROW, rows: 2 });
  });

  it('keeps marks append-only in the database itself', async () => {
    const appointmentId = await book('Maria Perera', '09:00');
    await app.ok(world.desk, 'calls.mark', { appointmentId, outcome: 'confirmed' });
    const raw = app.core.database.raw;
    expect(() => raw.prepare("UPDATE appointment_call_marks SET outcome = 'no_answer'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM appointment_call_marks').run()).toThrow(/append-only/);
    expect(() =>
      raw
        .prepare(
          "INSERT INTO appointment_call_marks (appointment_id, outcome, marked_by, marked_at) VALUES (?, 'maybe', 1, 'x')",
        )
        .run(appointmentId),
    ).toThrow();
  });
});
