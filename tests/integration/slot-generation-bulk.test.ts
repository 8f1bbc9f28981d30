import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, minutesToTime, weekday } from '#shared/dates.ts';
import { assertScheduleInvariants } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// Slot generation writes in bulk (prepared multi-row inserts on SQLite, one INSERT … SELECT
// over arrays per chunk on PostgreSQL): the rows must be exactly those of the weekly rules,
// a re-run must change nothing, and the overlap rule must still refuse an ordinary insert.
// Test clock: Monday 2026-03-02 in Europe/London; the horizon is 12 weeks.

let app: TestApp;
let doctorId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  doctorId = (await signInNew(app, 'doctor', 'Dr Kofi Boateng')).userId;
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

interface Row {
  available_date: string;
  start_time: string;
  end_time: string;
  source: string;
}

const rowsOf = (id: number): Row[] =>
  app.core.database.raw
    .prepare(
      'SELECT available_date, start_time, end_time, source FROM doctor_availability WHERE doctor_id = ? ORDER BY available_date, start_time',
    )
    .all(id) as Row[];

/** The rows two weekly rules mean, worked out here by hand. */
function expectedRows(): Row[] {
  const rows: Row[] = [];
  for (let d = 0; d < 12 * 7; d++) {
    const date = addDays('2026-03-02', d);
    const day = weekday(date);
    const session =
      day >= 1 && day <= 5
        ? { from: 8 * 60, to: 16 * 60, step: 5 }
        : day === 6
          ? { from: 9 * 60, to: 10 * 60, step: 20 }
          : null;
    if (!session) continue;
    for (let m = session.from; m + session.step <= session.to; m += session.step) {
      rows.push({
        available_date: date,
        start_time: minutesToTime(m),
        end_time: minutesToTime(m + session.step),
        source: 'template',
      });
    }
  }
  return rows;
}

describe('bulk slot generation', () => {
  it('writes exactly the rules’ slots (more than one chunk), and a re-run changes nothing', async () => {
    const weekdays = { weekdays: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '16:00', slotMinutes: 5 };
    const first = await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...weekdays, validFrom: '2026-03-02' });
    const saturday = { weekdays: [6], startTime: '09:00', endTime: '10:00', slotMinutes: 20, validFrom: '2026-03-02' };
    const second = await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...saturday });
    const expected = expectedRows();
    expect(expected).toHaveLength(12 * 5 * 96 + 12 * 3);
    expect(first.generation.created + second.generation.created).toBe(expected.length);
    expect(rowsOf(doctorId)).toEqual(expected);

    expect(await app.ok(ADMIN_KEY, 'slots.generate', { doctorId })).toEqual({ created: 0, removed: 0 });
    expect(await app.ok(ADMIN_KEY, 'slots.generate', {})).toEqual({ created: 0, removed: 0 });
    expect(rowsOf(doctorId)).toEqual(expected);
  });

  it('notices a single missing or unwanted slot on a re-run (the quick unchanged check)', async () => {
    const rule = { weekdays: [1, 3], startTime: '09:00', endTime: '11:00', slotMinutes: 30, validFrom: '2026-03-02' };
    await app.ok(ADMIN_KEY, 'templates.create', { doctorId, ...rule });
    const before = rowsOf(doctorId);
    const raw = app.core.database.raw;
    raw
      .prepare(
        "DELETE FROM doctor_availability WHERE doctor_id = ? AND available_date = '2026-03-04' AND start_time = '10:00'",
      )
      .run(doctorId);
    expect(await app.ok(ADMIN_KEY, 'slots.generate', { doctorId })).toEqual({ created: 1, removed: 0 });
    expect(rowsOf(doctorId)).toEqual(before);
    const unwanted =
      "INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time, source) VALUES (?, '2026-03-05', '09:00', '09:30', 'template')";
    raw.prepare(unwanted).run(doctorId);
    expect(await app.ok(ADMIN_KEY, 'slots.generate', {})).toEqual({ created: 0, removed: 1 });
    expect(rowsOf(doctorId)).toEqual(before);
    // Same day and start, another end: neither the stored nor the wanted slot counts as the other.
    raw
      .prepare(
        "UPDATE doctor_availability SET end_time = '09:20' WHERE doctor_id = ? AND available_date = '2026-03-02' AND start_time = '09:00'",
      )
      .run(doctorId);
    expect(await app.ok(ADMIN_KEY, 'slots.generate', { doctorId })).toEqual({ created: 1, removed: 1 });
    expect(rowsOf(doctorId)).toEqual(before);
  });

  it('keeps the overlap rule in the database for ordinary inserts', async () => {
    await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId,
      weekdays: [1],
      startTime: '08:00',
      endTime: '09:00',
      slotMinutes: 15,
      validFrom: '2026-03-02',
    });
    const insert = (start: string, end: string) =>
      app.core.database.raw
        .prepare(
          "INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time, source) VALUES (?, '2026-03-02', ?, ?, 'manual')",
        )
        .run(doctorId, start, end);
    expect(() => insert('08:10', '08:20')).toThrow(/overlap|exclusion|conflicting key/i);
    expect(() => insert('07:50', '09:10')).toThrow(/overlap|exclusion|conflicting key/i);
    insert('09:00', '09:30');
    expect(rowsOf(doctorId).filter((r) => r.available_date === '2026-03-02')).toHaveLength(5);
    if (app.core.database.kind === 'postgres') {
      const constraint = app.core.database.raw
        .prepare("SELECT contype FROM pg_constraint WHERE conname = 'availability_no_overlap'")
        .get() as { contype: string } | undefined;
      expect(constraint?.contype).toBe('x');
    } else {
      const trigger = app.core.database.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'availability_no_overlap_insert'")
        .get();
      expect(trigger).toBeDefined();
    }
  });
});
